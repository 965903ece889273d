'use strict';
// What `npm run dev` and the end-to-end tests put into n8n, found from the code rather than listed:
// - one credential per sandbox provider (sandbox/providers/*.js), with the provider's demoCredentials()
//   and the credential type the provider module names in `credentialType` (e.g. 'ezeeWalletApi');
// - every workflow in examples/*.json, classified by its start node: a workflow started by a trigger of
//   this package is a "trigger workflow" (activated, driven by sandbox notifications), every other one
//   an "action workflow" (run with `n8n execute`).
// Adding a provider or an example therefore needs no change here.

const fs = require('fs');
const path = require('path');

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const EXAMPLES_DIR = path.join(REPO_ROOT, 'examples');

/** Credential id the examples reference for a sandbox provider: 'ezeewallet' → 'sandboxEzeewallet'. */
function sandboxCredentialId(provider) {
	const clean = provider.replace(/[^A-Za-z0-9]/g, '');
	return `sandbox${clean.charAt(0).toUpperCase()}${clean.slice(1)}`;
}

/**
 * The classes a built node/credential file exports. Node files export only their class
 * (test/shared/contract.test.js); credential files also export their base-URL constant and function,
 * which must not be constructed.
 */
function exportedClasses(exported) {
	return Object.values(exported).filter((value) => typeof value === 'function' && /^class\b/.test(Function.prototype.toString.call(value)));
}

/** The credential types the package declares (package.json `n8n.credentials`, built into dist/). */
function packageCredentialTypes(repoRoot = REPO_ROOT) {
	const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
	const types = {};
	for (const file of manifest.n8n.credentials || []) {
		const exported = require(path.join(repoRoot, file));
		for (const CredentialClass of exportedClasses(exported)) {
			const instance = new CredentialClass();
			if (instance.name) types[instance.name] = { name: instance.name, displayName: instance.displayName, file };
		}
	}
	return types;
}

/** The credential type of a sandbox provider module: its `credentialType`, else `<name>Api` (case-insensitive). */
function credentialTypeOf(module, types) {
	if (module.credentialType) {
		if (!types[module.credentialType]) {
			throw new Error(`sandbox provider "${module.name}" names credentialType "${module.credentialType}", which the package does not declare (package.json n8n.credentials, built?)`);
		}
		return module.credentialType;
	}
	const matches = Object.keys(types).filter((type) => type.toLowerCase() === `${module.name.toLowerCase()}api`);
	if (matches.length === 1) return matches[0];
	throw new Error(`sandbox provider "${module.name}" has no credentialType; add \`credentialType: '<name of its n8n credential type>'\` to sandbox/providers/${module.name}.js`);
}

/**
 * n8n import objects (plain `data`; `n8n import:credentials` encrypts it) for every sandbox provider,
 * pointing at this sandbox.
 * @param {import('../../sandbox/server').Sandbox} sandbox a started sandbox
 */
function sandboxCredentials(sandbox, repoRoot = REPO_ROOT) {
	const types = packageCredentialTypes(repoRoot);
	const data = sandbox.credentials();
	return Object.entries(sandbox.providers).map(([provider, { module }]) => {
		const type = credentialTypeOf(module, types);
		return {
			id: sandboxCredentialId(provider),
			name: `${types[type].displayName} (sandbox)`,
			type,
			data: data[provider],
			provider,
		};
	});
}

/** Node types of this package that start workflows, from the built nodes: { type: { webhooks } }. */
function packageTriggerTypes(repoRoot = REPO_ROOT) {
	const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
	const triggers = {};
	for (const file of manifest.n8n.nodes || []) {
		const exported = require(path.join(repoRoot, file));
		for (const NodeClass of exportedClasses(exported)) {
			const { description } = new NodeClass();
			if (!description || !(description.group || []).includes('trigger')) continue;
			triggers[`${manifest.name}.${description.name}`] = { webhooks: description.webhooks || [], polling: description.polling === true };
		}
	}
	return triggers;
}

/**
 * Every example workflow: { file, id, name, workflow, kind: 'trigger' | 'action', triggers }.
 * `triggers` lists the package's trigger nodes with their production webhook path.
 */
function listExamples({ dir = EXAMPLES_DIR, repoRoot = REPO_ROOT } = {}) {
	if (!fs.existsSync(dir)) return [];
	const triggerTypes = packageTriggerTypes(repoRoot);
	return fs
		.readdirSync(dir)
		.filter((file) => file.endsWith('.json'))
		.sort()
		.map((file) => {
			const workflow = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
			if (!workflow.id || !Array.isArray(workflow.nodes)) throw new Error(`examples/${file} is not an importable workflow (needs "id" and "nodes")`);
			const triggers = workflow.nodes
				.filter((node) => triggerTypes[node.type] && !node.disabled)
				.map((node) => {
					const webhook = triggerTypes[node.type].webhooks.find((hook) => hook.name === 'default') || triggerTypes[node.type].webhooks[0];
					return { node: node.name, type: node.type, webhookId: node.webhookId, path: webhook && webhook.path, isFullPath: Boolean(webhook && webhook.isFullPath) };
				});
			return { file: path.join(dir, file), id: workflow.id, name: workflow.name, workflow, kind: triggers.length > 0 ? 'trigger' : 'action', triggers };
		});
}

module.exports = { exportedClasses, sandboxCredentials, sandboxCredentialId, packageCredentialTypes, credentialTypeOf, listExamples, packageTriggerTypes, EXAMPLES_DIR, REPO_ROOT };
