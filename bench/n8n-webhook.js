'use strict';
// Benchmark 5: the eZeeWallet Trigger inside a real n8n 2.x server receiving signed notifications, against
// n8n's own plain Webhook node on the same server: requests per second and p50/p99 latency. Both start a
// workflow (trigger → No Op) for every request; every eZeeWallet notification is unique, so none is a repeat.
// BENCH_NO_DEDUPE=1 turns the trigger's de-duplication off, to see what the static-data write costs.
const crypto = require('crypto');
const fs = require('fs');
const http = require('http');
const os = require('os');
const path = require('path');

const { ensureRuntime } = require('../scripts/n8n-runtime/ensure');
const { N8nInstance, freePort } = require('../scripts/n8n-runtime/instance');
const { sandboxCredentials } = require('../scripts/n8n-runtime/fixtures');
const { Sandbox } = require('../sandbox/server');

const TRIGGER_ID = '6f1f6b5c-1d1e-4b43-9b2e-0c7e8a6b9a01';
const PLAIN_PATH = 'paysuite-bench-plain';
const AUTH_PATH = 'paysuite-bench-header-auth';
const HEADER = { name: 'x-bench-key', value: 'bench-header-secret' };

function workflows() {
	const noop = (x) => ({ id: `noop-${x}`, name: 'Done', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [300, 0], parameters: {} });
	return [
		{
			id: 'benchEzwTrigger01', name: 'bench: eZeeWallet Trigger', active: false, settings: { saveDataSuccessExecution: 'none' },
			nodes: [
				{ id: 't1', name: 'eZeeWallet Trigger', type: 'n8n-nodes-paysuite.ezeeWalletTrigger', typeVersion: 1, position: [0, 0], webhookId: TRIGGER_ID, parameters: process.env.BENCH_NO_DEDUPE ? { options: { ignoreRepeats: false } } : {}, credentials: { ezeeWalletApi: { id: 'sandboxEzeewallet', name: 'eZeeWallet API (sandbox)' } } },
				noop('a'),
			],
			connections: { 'eZeeWallet Trigger': { main: [[{ node: 'Done', type: 'main', index: 0 }]] } },
		},
		{
			id: 'benchPlainHook01', name: 'bench: plain Webhook', active: false, settings: { saveDataSuccessExecution: 'none' },
			nodes: [
				{ id: 'w1', name: 'Webhook', type: 'n8n-nodes-base.webhook', typeVersion: 2, position: [0, 0], webhookId: crypto.randomUUID(), parameters: { httpMethod: 'POST', path: PLAIN_PATH, responseMode: 'onReceived', options: {} } },
				noop('b'),
			],
			connections: { Webhook: { main: [[{ node: 'Done', type: 'main', index: 0 }]] } },
		},
		{
			// n8n's Webhook node with a credential (Header Auth): n8n loads and decrypts it for every call, as it
			// does for every trigger that has a credential
			id: 'benchAuthHook01', name: 'bench: Webhook with Header Auth', active: false, settings: { saveDataSuccessExecution: 'none' },
			nodes: [
				{ id: 'w2', name: 'Webhook', type: 'n8n-nodes-base.webhook', typeVersion: 2, position: [0, 0], webhookId: crypto.randomUUID(), parameters: { httpMethod: 'POST', path: AUTH_PATH, authentication: 'headerAuth', responseMode: 'onReceived', options: {} }, credentials: { httpHeaderAuth: { id: 'benchHeaderAuth', name: 'bench header auth' } } },
				noop('c'),
			],
			connections: { Webhook: { main: [[{ node: 'Done', type: 'main', index: 0 }]] } },
		},
	];
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });
function post(url, body, extraHeaders = {}) {
	const data = Buffer.from(JSON.stringify(body));
	const target = new URL(url);
	return new Promise((resolve, reject) => {
		const start = process.hrtime.bigint();
		const req = http.request({ host: target.hostname, port: target.port, path: target.pathname, method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': data.length, ...extraHeaders } }, (res) => {
			res.resume();
			res.on('end', () => resolve({ status: res.statusCode, ms: Number(process.hrtime.bigint() - start) / 1e6 }));
		});
		req.on('error', reject);
		req.end(data);
	});
}

async function load(url, count, concurrency, body, headers) {
	const latencies = [];
	let next = 0;
	let failures = 0;
	const started = process.hrtime.bigint();
	await Promise.all(
		Array.from({ length: concurrency }, async () => {
			while (next < count) {
				const i = next++;
				const result = await post(url, body(i), headers);
				if (result.status !== 200) failures++;
				latencies.push(result.ms);
			}
		}),
	);
	const seconds = Number(process.hrtime.bigint() - started) / 1e9;
	latencies.sort((a, b) => a - b);
	const pct = (p) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))];
	return { rps: count / seconds, p50: pct(50), p99: pct(99), failures };
}

async function run({ count = 1000, concurrency = 8, log = () => {} } = {}) {
	const runtime = await ensureRuntime({ variant: 'v2', log });
	const sandbox = await new Sandbox().start();
	const userFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'paysuite-bench-n8n-'));
	const files = workflows().map((workflow) => {
		const file = path.join(userFolder, `${workflow.id}.json`);
		fs.writeFileSync(file, JSON.stringify(workflow));
		return file;
	});
	const n8n = new N8nInstance({ runtime, userFolder, port: await freePort(), brokerPort: await freePort(), log, env: { EXECUTIONS_DATA_SAVE_ON_SUCCESS: 'none' } });
	try {
		n8n.installPackage();
		await n8n.importCredentials([
			...sandboxCredentials(sandbox).filter((c) => c.provider === 'ezeewallet').map(({ provider, ...credential }) => credential),
			{ id: 'benchHeaderAuth', name: 'bench header auth', type: 'httpHeaderAuth', data: HEADER },
		]);
		await n8n.importWorkflows(files);
		await n8n.publishWorkflow('benchEzwTrigger01');
		await n8n.publishWorkflow('benchPlainHook01');
		await n8n.publishWorkflow('benchAuthHook01');
		await n8n.start();
		const triggerUrl = n8n.webhookUrl(TRIGGER_ID, 'notification');
		const plainUrl = n8n.webhookUrl(undefined, PLAIN_PATH, { isFullPath: true });
		await n8n.waitForWebhook(triggerUrl);
		await n8n.waitForWebhook(plainUrl);
		const authUrl = n8n.webhookUrl(undefined, AUTH_PATH, { isFullPath: true });
		await n8n.waitForWebhook(authUrl);
		const authHeaders = { [HEADER.name]: HEADER.value };
		const username = sandbox.credentials().ezeewallet.username;
		let sequence = 0;
		const signed = () => {
			const id = `bench-${process.pid}-${sequence++}`;
			// the trigger confirms every notification with Transaction → Get: the transaction exists at the sandbox
			sandbox.state('ezeewallet').transfers.push({ ezw_reference_id: `b${sequence}`, merchant_transaction_id: id, merchant: username, amount: 100, currency: 'EUR', status: 'approved' });
			return { transaction_id: id, status: 'approved', signature: crypto.createHash('sha1').update(`${id}${username}`).digest('hex') };
		};
		const plainBody = (i) => ({ transaction_id: `plain-${i}`, status: 'approved' });
		// warm up both, then alternate so that neither gets the quieter machine
		await load(triggerUrl, 100, concurrency, signed);
		await load(plainUrl, 100, concurrency, plainBody);
		await load(authUrl, 100, concurrency, plainBody, authHeaders);
		const results = { trigger: [], plain: [], withCredential: [] };
		for (let round = 0; round < 2; round++) {
			results.plain.push(await load(plainUrl, count / 2, concurrency, plainBody));
			results.withCredential.push(await load(authUrl, count / 2, concurrency, plainBody, authHeaders));
			results.trigger.push(await load(triggerUrl, count / 2, concurrency, signed));
		}
		const merge = (list) => ({
			rps: list.reduce((sum, r) => sum + r.rps, 0) / list.length,
			p50: Math.max(...list.map((r) => r.p50)),
			p99: Math.max(...list.map((r) => r.p99)),
			failures: list.reduce((sum, r) => sum + r.failures, 0),
		});
		return { trigger: merge(results.trigger), plain: merge(results.plain), withCredential: merge(results.withCredential), n8nVersion: runtime.n8nVersion, count, concurrency };
	} finally {
		await n8n.stop();
		await sandbox.stop();
		fs.rmSync(userFolder, { recursive: true, force: true });
	}
}

module.exports = { run };

if (require.main === module) {
	run({ log: (line) => process.stderr.write(`${line}\n`) }).then((result) => console.log(JSON.stringify(result, null, 2)), (error) => {
		console.error(error);
		process.exit(1);
	});
}
