'use strict';
// End-to-end: the packed package inside a real n8n server (2.x on Node 24, scripts/n8n-runtime) against
// the provider sandbox. Everything is found, not listed: one credential per sandbox provider, every
// examples/*.json imported; action workflows run with `n8n execute --id`, trigger workflows activated and
// driven by real notifications from the sandbox. Per-example assertions: ./expectations.js.
// Needs `npm run build` first. Everything listens on 127.0.0.1 and is stopped in afterAll.

const fs = require('fs');
const os = require('os');
const path = require('path');

const { ensureRuntime } = require('../../scripts/n8n-runtime/ensure');
const { N8nInstance, freePort, sleep, PACKAGE_NAME, REPO_ROOT } = require('../../scripts/n8n-runtime/instance');
const { sandboxCredentials, listExamples, exportedClasses } = require('../../scripts/n8n-runtime/fixtures');
const { Sandbox } = require('../../sandbox/server');
const expectations = require('./expectations');

const examples = listExamples();
const actionExamples = examples.filter((example) => example.kind === 'action');
const triggerExamples = examples.filter((example) => example.kind === 'trigger');
const timings = {};
const log = (line) => process.stderr.write(`[e2e] ${line}\n`);
// the credential list is known before the sandbox starts (only the base URLs change): names for the tests
const sandboxCredentialsList = () => (sandbox ? sandboxCredentials(sandbox) : listCredentialsOffline());
function listCredentialsOffline() {
	const offline = new Sandbox();
	offline.baseUrl = 'http://127.0.0.1:0';
	return sandboxCredentials(offline);
}

let sandbox;
let n8n;
let userFolder;

/** Output jsons of a node in a run (IRun or execution data), first run, main output 0. */
function itemsOf(runData, nodeName) {
	const runs = runData[nodeName];
	if (!runs) throw new Error(`node "${nodeName}" did not run (ran: ${Object.keys(runData).join(', ')})`);
	return ((runs[0].data && runs[0].data.main && runs[0].data.main[0]) || []).map((item) => item.json);
}

async function control(route, body) {
	const response = await fetch(`${sandbox.baseUrl}/_control${route}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(body ?? {}),
	});
	const json = await response.json();
	if (!response.ok) throw new Error(`sandbox control ${route}: ${response.status} ${JSON.stringify(json)}`);
	return json;
}

/** A browser's GET that does not follow redirects (callbacks answered with a 302): { status, location, response }. */
async function browse(url, { method = 'GET', headers, body } = {}) {
	const response = await fetch(url, { method, headers, body, redirect: 'manual' });
	return { status: response.status, location: response.headers.get('location') ?? undefined, response: await response.text() };
}

/**
 * Runs an action example with `n8n execute` while the server runs (the CLI gets its own task broker
 * port), for trigger cases that start from what an action example did (e.g. a payment link it created).
 * Returns the run (IRun); a failed run throws.
 */
async function executeExample(id) {
	const result = await n8n.execute(id, { brokerPort: await freePort() });
	if (result.code !== 0 || !result.output || result.output.status !== 'success') {
		throw new Error(`n8n execute --id=${id} failed (exit ${result.code}):\n${result.stdout.slice(-3000)}\n${result.stderr.slice(-3000)}`);
	}
	return result.output;
}

async function executions(workflowId) {
	const { data } = await n8n.api('GET', `/executions?workflowId=${workflowId}&limit=250`);
	return data;
}

beforeAll(async () => {
	const started = Date.now();
	// PAYSUITE_N8N_VARIANT=v1 runs the same suite in n8n 1.x on Node 20 (scripts/n8n-runtime/try-1x.sh)
	const runtime = await ensureRuntime({ variant: process.env.PAYSUITE_N8N_VARIANT || 'v2', log });
	log(`n8n ${runtime.n8nVersion} (${runtime.variant}) from ${runtime.dir}`);
	timings.ensureRuntimeSeconds = (Date.now() - started) / 1000;
	sandbox = await new Sandbox().start();
	userFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'paysuite-e2e-n8n-'));
	n8n = new N8nInstance({ runtime, userFolder, port: await freePort(), brokerPort: await freePort(), log });
	n8n.installPackage();
	const credentials = sandboxCredentials(sandbox).map(({ provider, ...credential }) => credential);
	const t0 = Date.now();
	await n8n.importCredentials(credentials);
	await n8n.importWorkflows(examples.map((example) => example.file));
	for (const example of triggerExamples) await n8n.publishWorkflow(example.id);
	timings.importSeconds = (Date.now() - t0) / 1000;
}, 45 * 60_000);

afterAll(async () => {
	if (n8n) await n8n.stop();
	if (sandbox) await sandbox.stop();
	if (userFolder && !process.env.PAYSUITE_E2E_KEEP) fs.rmSync(userFolder, { recursive: true, force: true });
	else if (userFolder) log(`kept the n8n user folder ${userFolder}`);
	log(`timings: ${JSON.stringify(timings)}`);
}, 60_000);

test('every example has its assertions in test/e2e/expectations.js', () => {
	expect(examples.length).toBeGreaterThan(0);
	expect(examples.filter((example) => !expectations[example.id]).map((example) => path.basename(example.file))).toEqual([]);
});

test('every example is imported into n8n (CLI list shows each id)', async () => {
	const { stdout } = await n8n.cli(['list:workflow']);
	for (const example of examples) expect(stdout).toContain(example.id);
});

// (plain loops, not describe.each/test.each: those throw on an empty table, e.g. a provider without trigger examples)
for (const example of actionExamples) describe(`action workflow ${path.basename(example.file)}`, () => {
	const row = expectations[example.id] || {};

	test('runs with `n8n execute` and does what it says (output and sandbox state)', async () => {
		sandbox.reset();
		if (row.setup) await row.setup({ sandbox });
		const t0 = Date.now();
		const result = await n8n.execute(example.id);
		timings[`execute:${example.id}`] = (Date.now() - t0) / 1000;
		if (result.code !== 0 || !result.output) throw new Error(`n8n execute failed (exit ${result.code}):\n${result.stdout.slice(-3000)}\n${result.stderr.slice(-3000)}`);
		const run = result.output;
		expect(run.data.resultData.error).toBeUndefined();
		expect(run.status).toBe('success');
		const { runData, lastNodeExecuted } = run.data.resultData;
		expect(row.check).toEqual(expect.any(Function));
		await row.check({ run, sandbox, n8n, nodeItems: (name) => itemsOf(runData, name), lastNodeItems: itemsOf(runData, lastNodeExecuted) });
	});
});

describe('with the n8n server running', () => {
	beforeAll(async () => {
		const t0 = Date.now();
		await n8n.start();
		timings.startSeconds = (Date.now() - t0) / 1000;
		await n8n.ensureOwner({ email: 'e2e@paysuite.local', password: 'PaySuite-e2e-2026' });
		await n8n.createApiKey();
	}, 5 * 60_000);

	test('n8n loaded every node and credential of the package (as a community package)', async () => {
		const manifest = require(path.join(REPO_ROOT, 'package.json'));
		// the editor's type lists (behind the login)
		const typeList = async (file) => {
			const response = await fetch(`${n8n.baseUrl}/types/${file}`, { headers: { cookie: n8n.cookie } });
			expect(response.status).toBe(200);
			return (await response.json()).map((type) => type.name);
		};
		const nodeTypes = await typeList('nodes.json');
		const expected = manifest.n8n.nodes.map((file) => {
			const exported = require(path.join(REPO_ROOT, file));
			const [NodeClass] = exportedClasses(exported);
			return `${PACKAGE_NAME}.${new NodeClass().description.name}`;
		});
		expect(nodeTypes).toEqual(expect.arrayContaining(expected));
		const credentialTypes = await typeList('credentials.json');
		expect(credentialTypes).toEqual(expect.arrayContaining(sandboxCredentials(sandbox).map((credential) => credential.type)));
	});

	// n8n's own "Test" button of each credential (its `test` request), against the sandbox
	for (const credential of sandboxCredentialsList()) {
		test(`the ${credential.name} credential passes n8n's credential test against the sandbox`, async () => {
			const live = sandboxCredentials(sandbox).find((entry) => entry.id === credential.id);
			const before = sandbox.count({ provider: live.provider });
			const { provider, ...body } = live;
			const result = await n8n.rest('POST', '/credentials/test', { credentials: body });
			expect(result).toEqual(expect.objectContaining({ status: 'OK' }));
			expect(sandbox.count({ provider })).toBeGreaterThan(before);
		});
	}

	// The editor's calls (issue 15): every resource locator's "From list" (listSearch) and every dropdown
	// loaded from the API (loadOptions) of every node, through n8n's own REST endpoints, with the sandbox
	// credential: each must answer at least one entry. Parameters a method needs come from the provider's
	// expectations file (`listSearch: { <method>: { parameters } }`).
	for (const call of editorCallsOffline()) {
		test(`editor: ${call.nodeName} ${call.kind} ${call.method} answers from the sandbox in a real n8n`, async () => {
			const credential = sandboxCredentials(sandbox).find((entry) => entry.type === call.credentialType);
			expect(credential).toBeDefined();
			const extra = (expectations.editorCalls[credential.provider] || {})[call.method] || {};
			sandbox.reset();
			// a function sets up what the method lists (e.g. opens a payment session) and gives the parameters
			const parameters = typeof extra.parameters === 'function' ? await extra.parameters({ sandbox, control }) : extra.parameters || {};
			const body = {
				path: `parameters.${call.parameter}`,
				nodeTypeAndVersion: { name: `${PACKAGE_NAME}.${call.nodeName}`, version: call.version },
				methodName: call.method,
				currentNodeParameters: { ...call.showParameters, ...parameters },
				credentials: { [credential.type]: { id: credential.id, name: credential.name } },
			};
			const before = sandbox.count({ provider: credential.provider });
			const route = call.kind === 'listSearch' ? '/dynamic-node-parameters/resource-locator-results' : '/dynamic-node-parameters/options';
			const answer = await n8n.rest('POST', route, body);
			const results = call.kind === 'listSearch' ? answer.results : answer;
			expect(Array.isArray(results)).toBe(true);
			expect(results.length).toBeGreaterThan(0);
			for (const result of results) expect(result).toEqual(expect.objectContaining({ name: expect.any(String), value: expect.anything() }));
			// the answer came from the provider (the sandbox), unless the expectations say why the list is the reference's
			if (!extra.fromReference) expect(sandbox.count({ provider: credential.provider })).toBeGreaterThan(before);
		});
	}

	test('editor: every provider has at least one resource locator with "From list" (listSearch)', () => {
		const calls = editorCallsOffline();
		for (const credential of sandboxCredentials(sandbox)) {
			const found = calls.some((call) => call.kind === 'listSearch' && call.credentialType === credential.type);
			expect([credential.provider, found]).toEqual([credential.provider, true]);
		}
	});

	for (const example of triggerExamples) describe(`trigger workflow ${path.basename(example.file)}`, () => {
		const row = expectations[example.id] || {};
		const [trigger] = example.triggers;
		let url;
		// every webhook of the trigger node by its path (a node can have several, e.g. GET …/callback and POST …/crypto)
		const webhookUrl = (webhookPath) => n8n.webhookUrl(trigger.webhookId, webhookPath, trigger);
		const sendArgs = () => ({ sandbox, url, control, webhookUrl, browse, n8n, execute: executeExample });

		beforeAll(async () => {
			expect(trigger.webhookId).toEqual(expect.any(String)); // a trigger example needs a fixed webhookId
			url = n8n.webhookUrl(trigger.webhookId, trigger.path, trigger);
			await n8n.waitForWebhook(url);
			const workflow = await n8n.api('GET', `/workflows/${example.id}`);
			expect(workflow.active).toBe(true);
		}, 120_000);

		beforeEach(() => sandbox.reset());

		for (const entry of row.signed || []) test(`signed: ${entry.name} → one execution with the right data`, async () => {
			const before = (await executions(example.id)).map((execution) => execution.id);
			const delivery = await entry.send(sendArgs());
			let fresh = [];
			for (let i = 0; i < 120; i++) {
				fresh = (await executions(example.id)).filter((execution) => !before.includes(execution.id) && execution.finished !== undefined);
				if (fresh.length > 0 && fresh.every((execution) => execution.status !== 'running' && execution.status !== 'new')) break;
				await sleep(250);
			}
			await sleep(500);
			fresh = (await executions(example.id)).filter((execution) => !before.includes(execution.id));
			expect(fresh).toHaveLength(1);
			const execution = await n8n.api('GET', `/executions/${fresh[0].id}?includeData=true`);
			expect(execution.status).toBe('success');
			expect(execution.mode).toBe('webhook');
			const { runData } = execution.data.resultData;
			await entry.check({ execution, delivery, sandbox, n8n, webhookUrl, nodeItems: (name) => itemsOf(runData, name) });
		});

		for (const entry of row.forged || []) test(`forged: ${entry.name} → refused, no execution`, async () => {
			const before = (await executions(example.id)).length;
			const delivery = await entry.send(sendArgs());
			expect(delivery.status).toBe(entry.status ?? 401);
			await sleep(1500);
			expect(await executions(example.id)).toHaveLength(before);
			if (entry.check) await entry.check({ delivery, sandbox }); // e.g. where a refused callback redirected the browser
		});

		test('has at least one signed and one forged case', () => {
			expect((row.signed || []).length).toBeGreaterThan(0);
			expect((row.forged || []).length).toBeGreaterThan(0);
		});
	});
});

/**
 * Every listSearch and loadOptions method of every action node in the built package, with the parameter
 * that uses it and the resource/operation under which that parameter shows.
 */
function editorCallsOffline() {
	const manifest = require(path.join(REPO_ROOT, 'package.json'));
	const calls = [];
	for (const file of manifest.n8n.nodes) {
		const exported = require(path.join(REPO_ROOT, file));
		for (const NodeClass of exportedClasses(exported)) {
			const instance = new NodeClass();
			const { description, methods = {} } = instance;
			const credentialType = (description.credentials || [])[0] && description.credentials[0].name;
			const version = Array.isArray(description.version) ? Math.max(...description.version) : description.version;
			const properties = [];
			const walk = (list, show) => {
				for (const property of list || []) {
					const shows = { ...show, ...firstShow(property) };
					properties.push({ property, shows });
					walk(property.options && property.options.every((entry) => entry.displayName) ? property.options : [], shows);
					if (property.values) walk(property.values, shows);
				}
			};
			walk(description.properties, {});
			for (const kind of ['listSearch', 'loadOptions']) {
				for (const method of Object.keys(methods[kind] || {})) {
					const user = properties.find(({ property }) =>
						kind === 'listSearch'
							? (property.modes || []).some((mode) => mode.typeOptions && mode.typeOptions.searchListMethod === method)
							: property.typeOptions && property.typeOptions.loadOptionsMethod === method,
					);
					calls.push({ nodeName: description.name, version, credentialType, kind, method, parameter: user ? user.property.name : method, showParameters: user ? user.shows : {} });
				}
			}
		}
	}
	return calls;
}

/** The first value of each displayOptions.show condition (resource, operation): where the field shows. */
function firstShow(property) {
	const show = (property.displayOptions && property.displayOptions.show) || {};
	const values = {};
	for (const [name, allowed] of Object.entries(show)) {
		if (!name.startsWith('/') && !name.startsWith('@') && Array.isArray(allowed) && allowed.length && typeof allowed[0] !== 'object') values[name] = allowed[0];
	}
	return values;
}
