#!/usr/bin/env node
'use strict';
// `npm run dev`: a real n8n with this package, ready to click through.
//   1. builds the package (dist/), packs it and installs it into n8n's nodes folder as users get it;
//   2. ensures n8n's own install (scripts/n8n-runtime: n8n 2.x on Node 24, cached outside the checkout);
//   3. starts the provider sandbox on 127.0.0.1 and creates one credential per sandbox provider pointing
//      at it; imports examples/*.json and activates the trigger examples;
//   4. starts n8n on 127.0.0.1, creates the owner login and prints the URL. Ctrl-C stops everything.
// Options: --fresh (forget the previous dev n8n: workflows, executions, login), --no-build, --verbose
// (n8n's own log on the terminal). Ports: N8N_PORT (5678), SANDBOX_PORT (4010); taken ports are replaced
// by free ones. The n8n user folder is kept between runs in the cache (examples are re-imported).

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

// A payload to try each provider's sandbox notification with (POST /_control/<provider>/notify signs it);
// providers without a row get the bare endpoint printed (see docs/<provider>.md for their payload).
const DEMO_NOTIFICATIONS = {
	ezeewallet: { transaction_id: 'order-1001', status: 'approved' },
};

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
	if (args.includes('--fresh')) fs.rmSync(userFolder, { recursive: true, force: true });
	fs.mkdirSync(userFolder, { recursive: true });
	const n8n = new N8nInstance({
		runtime,
		userFolder,
		port: await pickPort(Number(process.env.N8N_PORT || 5678), 'n8n'),
		brokerPort: await freePort(),
		log,
		output: args.includes('--verbose') ? (line) => console.log(line) : undefined,
	});

	let stopping = false;
	const stop = async (code = 0) => {
		if (stopping) return;
		stopping = true;
		log('stopping n8n and the sandbox…');
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

		console.log('');
		console.log(`  n8n ${runtime.n8nVersion} with ${require('../package.json').name} is ready (${Math.round((Date.now() - started) / 1000)} s):`);
		console.log(`    open     ${n8n.baseUrl}`);
		console.log(`    login    ${OWNER.email} / ${OWNER.password}`);
		console.log(`    sandbox  ${sandbox.baseUrl} (state: GET /_control/<provider>/state, log: GET /_control/requests)`);
		console.log('  examples:');
		for (const example of examples) {
			console.log(`    ${n8n.baseUrl}/workflow/${example.id}  ${example.name}${example.kind === 'trigger' ? ' (active)' : ''}`);
			for (const trigger of example.triggers) {
				if (!trigger.webhookId || !trigger.path) continue;
				const url = n8n.webhookUrl(trigger.webhookId, trigger.path, trigger);
				console.log(`      webhook ${url}`);
				const provider = trigger.type.split('.').pop().replace(/Trigger$/, '').toLowerCase();
				if (sandbox.providers[provider]?.module.control?.some(([method, route]) => method === 'POST' && route === '/notify')) {
					const payload = JSON.stringify(DEMO_NOTIFICATIONS[provider] ?? {});
					console.log(`      try: curl -s -X POST ${sandbox.baseUrl}/_control/${provider}/notify -H 'content-type: application/json' -d '{"url":"${url}","payload":${payload}}'`);
				}
			}
		}
		console.log('  Ctrl-C stops n8n and the sandbox.\n');
	} catch (error) {
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
