#!/usr/bin/env node
'use strict';
// `npm run sandbox`: starts the provider sandbox on 127.0.0.1 and prints base URLs and demo credentials.
const { Sandbox } = require('./server');

async function main() {
	const port = Number(process.env.SANDBOX_PORT || 4010);
	const latencyMs = Number(process.env.SANDBOX_LATENCY_MS || 0);
	const keepLog = process.env.SANDBOX_KEEP_LOG !== '0';
	const sandbox = await new Sandbox({ port, latencyMs, keepLog }).start();
	console.log(`Provider sandbox listening on ${sandbox.baseUrl}`);
	console.log(`Home page: ${sandbox.baseUrl}/ (KPAY payment pages, KYC decisions, payment links, demo notifications to any URL, balances, request log)`);
	const credentials = sandbox.credentials();
	for (const [name, url] of Object.entries(sandbox.urls())) {
		console.log(`\n${name}: ${url}`);
		for (const [key, value] of Object.entries(credentials[name])) {
			const shown = typeof value === 'string' && value.includes('\n') ? `${value.split('\n')[0]}…` : value;
			console.log(`  ${key}: ${shown}`);
		}
	}
	console.log('\nControl: POST /_control/reset, POST|DELETE /_control/faults, GET /_control/requests, GET /_control/demos, POST /_control/demo/<id> {"url"}. Ctrl-C stops.');
	const stop = async () => {
		await sandbox.stop();
		process.exit(0);
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

if (require.main === module) {
	main().catch((error) => {
		console.error(error);
		process.exit(1);
	});
}
