#!/usr/bin/env node
'use strict';
// `npm run dev`: a real n8n with this package, ready to click through.
//   1. builds the package (dist/), packs it and installs it into n8n's nodes folder as users get it;
//   2. ensures n8n's own install (scripts/n8n-runtime: n8n 2.x on Node 24, cached outside the checkout);
//   3. starts the provider sandbox on 127.0.0.1 and creates one credential per sandbox provider pointing
//      at it; imports examples/*.json and activates the trigger examples;
//   4. starts n8n on 127.0.0.1, creates the owner login and prints the URL. Ctrl-C stops everything.
// Options: --fresh (forget the previous dev n8n: workflows, executions, login, what the triggers have
// seen), --no-build, --verbose (n8n's own log on the terminal). Ports: N8N_PORT (5678), SANDBOX_PORT (4010);
// taken ports are replaced by free ones. The n8n user folder is kept between runs in the cache (examples are
// re-imported); the sandbox starts from its demo state every time. The `try:` lines come from
// scripts/n8n-runtime/demos.js (the end-to-end test test/e2e/dev-demos.e2e.js sends the same requests).

const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');

const { ensureRuntime, cacheRoot } = require('./n8n-runtime/ensure');
const { N8nInstance, freePort, portInUse, REPO_ROOT } = require('./n8n-runtime/instance');

const OWNER = {
	email: process.env.PAYSUITE_DEV_EMAIL || 'dev@paysuite.local',
	password: process.env.PAYSUITE_DEV_PASSWORD || 'PaySuite-dev-2026',
};

const log = (line) => console.log(`[dev] ${line}`);

async function pickPort(preferred, what) {
	if (!(await portInUse(preferred))) return preferred;
	const port = await freePort();
	log(`port ${preferred} is taken; ${what} uses ${port} instead`);
	return port;
}

async function main() {
	const args = process.argv.slice(2);
	const started = Date.now();
	if (!args.includes('--no-build')) {
		log('building the package (npm run build)…');
		execFileSync('npm', ['run', 'build', '--silent'], { cwd: REPO_ROOT, stdio: 'inherit' });
	}
	// required only after the build: they read dist/
	const { sandboxCredentials, listExamples } = require('./n8n-runtime/fixtures');
	const { Sandbox } = require('../sandbox/server');

	const runtime = await ensureRuntime({ log: (line) => log(line) });

	const sandbox = await new Sandbox({ port: await pickPort(Number(process.env.SANDBOX_PORT || 4010), 'the sandbox') }).start();
	log(`provider sandbox on ${sandbox.baseUrl}`);

	const userFolder = path.join(cacheRoot(), 'dev-n8n');
	const fresh = args.includes('--fresh');
	if (fresh) fs.rmSync(userFolder, { recursive: true, force: true });
	const remembered = fs.existsSync(path.join(userFolder, '.n8n', 'database.sqlite'));
	fs.mkdirSync(userFolder, { recursive: true });
	// this run's n8n log only (a failure during startup must not show the previous run's log as if it crashed)
	for (const file of ['n8n.log']) {
		const previous = path.join(userFolder, file);
		if (fs.existsSync(previous)) fs.renameSync(previous, path.join(userFolder, 'n8n.previous.log'));
	}
	const n8n = new N8nInstance({
		runtime,
		userFolder,
		port: await pickPort(Number(process.env.N8N_PORT || 5678), 'n8n'),
		brokerPort: await freePort(),
		log,
		output: args.includes('--verbose') ? (line) => console.log(line) : undefined,
	});

	let stopping = false;
	let ready = false;
	const stop = async (code = 0) => {
		if (stopping) return;
		stopping = true;
		log(ready ? 'stopping n8n and the sandbox…' : 'interrupted during startup; stopping what was started…');
		await n8n.stop();
		await sandbox.stop();
		process.exit(code);
	};
	process.on('SIGINT', () => stop(0));
	process.on('SIGTERM', () => stop(0));

	try {
		n8n.installPackage();
		const credentials = sandboxCredentials(sandbox);
		log(`importing ${credentials.length} sandbox credential(s): ${credentials.map((c) => c.name).join(', ')}`);
		await n8n.importCredentials(credentials.map(({ provider, ...credential }) => credential));
		const examples = listExamples();
		log(`importing ${examples.length} example workflow(s)…`);
		await n8n.importWorkflows(examples.map((example) => example.file));
		for (const example of examples.filter((e) => e.kind === 'trigger')) await n8n.publishWorkflow(example.id);

		log(`starting n8n ${runtime.n8nVersion} (log: ${n8n.logFile})…`);
		await n8n.start();
		n8n.server.on('close', (code) => {
			if (!stopping) {
				console.error(`[dev] n8n exited unexpectedly (${code}); last lines of its log:\n${n8n.tail(30)}`);
				stop(1);
			}
		});
		await n8n.ensureOwner(OWNER);

		const { demoPlan } = require('./n8n-runtime/demos');
		const { packageTriggerTypes } = require('./n8n-runtime/fixtures');
		const plan = demoPlan({ examples, sandboxUrl: sandbox.baseUrl, webhookUrl: (id, hookPath, options) => n8n.webhookUrl(id, hookPath, options), triggerTypes: packageTriggerTypes() });
		require('../sandbox/home').setDemoPlan(sandbox, plan, { n8nUrl: n8n.baseUrl });
		ready = true;

		console.log('');
		console.log(`  n8n ${runtime.n8nVersion} with ${require('../package.json').name} is ready (${Math.round((Date.now() - started) / 1000)} s):`);
		console.log(`    open     ${n8n.baseUrl}`);
		console.log(`    login    ${OWNER.email} / ${OWNER.password}`);
		console.log(`    sandbox  ${sandbox.baseUrl}/  ← drive every example from the browser: notifications, KPAY checkout, KYC, links, balances`);
		console.log(
			remembered
				? `    state    n8n kept its data from the previous run (${userFolder}: executions, login, the events each trigger has seen);\n             the sandbox starts fresh. \`npm run dev -- --fresh\` starts n8n over too.`
				: `    state    a new n8n (${userFolder}) and a fresh sandbox${fresh ? ' (--fresh)' : ''}`,
		);
		console.log('  examples:');
		for (const example of examples) {
			console.log(`    ${n8n.baseUrl}/workflow/${example.id}  ${example.name}${example.kind === 'trigger' ? ' (active)' : ''}`);
			for (const entry of plan.filter((e) => e.example === example.id && !e.forged)) {
				console.log(`      ${entry.title}`);
				console.log(`        try: ${entry.curl}`);
			}
		}
		console.log(`  Forged notifications (refused by the triggers): on ${sandbox.baseUrl}/ or POST ${sandbox.baseUrl}/_control/demo/<id> (GET /_control/demos lists them).`);
		console.log('  Ctrl-C stops n8n and the sandbox.\n');
	} catch (error) {
		if (stopping) return; // Ctrl-C during startup: the interrupted step's error is not news
		console.error(`[dev] ${error.message}`);
		const tail = n8n.tail(30);
		if (tail) console.error(`[dev] last lines of the n8n log (${n8n.logFile}):\n${tail}`);
		await stop(1);
	}
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
