#!/usr/bin/env node
'use strict';
// `npm run bench`: every benchmark in one run, printed as a table. Figures, not pass/fail tests.
process.env.N8N_LOG_LEVEL = process.env.N8N_LOG_LEVEL || 'error';
const os = require('os');
const { runNode } = require('../test/harness/n8n');
const { startSandboxProcess, postJson, time } = require('./lib');
const verifiers = require('./verifiers');
const pkg = require('./package-size');

const rows = [];
const row = (benchmark, figure, target, note = '') => {
	rows.push({ benchmark, figure, target, note });
	console.error(`  ${benchmark}: ${figure}${note ? ` (${note})` : ''}`);
};

function ezeeCredentials(baseUrl) {
	return { ezeeWalletApi: { environment: 'custom', baseUrl: `${baseUrl}/ezeewallet/api`, username: 'sandbox_merchant', password: 'sandbox_api_password' } };
}

const payoutParams = (extra = {}) => ({ resource: 'payout', operation: 'create', email: 'carol@example.com', amount: '1', currency: 'USD', merchantReference: '={{ $json.ref }}', ...extra });
const items = (n) => Array.from({ length: n }, (_, i) => ({ ref: `bench-${i}` }));

async function perItemCost(sandbox) {
	const n = 1000;
	const auth = `Basic ${Buffer.from('sandbox_merchant:sandbox_api_password').toString('base64')}`;
	const url = `${sandbox.baseUrl}/ezeewallet/api/single_payouts_new`;
	// warm up both paths
	await runNode({ type: 'ezeeWallet', parameters: payoutParams(), credentials: ezeeCredentials(sandbox.baseUrl), items: items(50) });
	for (let i = 0; i < 50; i++) await postJson(url, { email: 'carol@example.com', amount: 100, currency: 'USD', merchant_reference: `w-${i}` }, { authorization: auth });
	await sandbox.reset();
	const plain = await time(async () => {
		for (let i = 0; i < n; i++) await postJson(url, { email: 'carol@example.com', amount: 100, currency: 'USD', merchant_reference: `p-${i}` }, { authorization: auth });
	});
	await sandbox.reset();
	// the payment ledger on (the default) and off, alternating, best of three each
	const ledgerRuns = { on: [], off: [] };
	for (let round = 0; round < 3; round++) {
		for (const mode of ['off', 'on']) {
			const params = payoutParams(mode === 'off' ? { executionOptions: { paymentLedger: false } } : {});
			const run = await time(() => runNode({ type: 'ezeeWallet', parameters: params, credentials: ezeeCredentials(sandbox.baseUrl), items: items(n) }));
			if (run.result.error) throw run.result.error;
			ledgerRuns[mode].push(run.ms);
			await sandbox.reset();
		}
	}
	const best = (list) => Math.min(...list);
	const node = { ms: best(ledgerRuns.on) };
	// the same POSTs through n8n's bare request helper, with nothing of this package around them
	const { node: makeNode, chain, runWorkflow } = require('../test/harness/n8n');
	const raw = await time(() =>
		runWorkflow({
			nodes: [makeNode('Start', 'harness.start'), makeNode('Raw', 'harness.rawRequest', { url, body: '={{ JSON.stringify({ email: "carol@example.com", amount: 100, currency: "USD", merchant_reference: $json.ref }) }}' })],
			connections: chain('Start', 'Raw'),
			credentials: ezeeCredentials(sandbox.baseUrl),
			input: items(n).map((json) => ({ json })),
		}),
	);
	const ratio = node.ms / plain.ms;
	row('1. eZeeWallet payout ×1000, n8n-core vs plain keep-alive loop', `${(node.ms / n).toFixed(2)} ms/item vs ${(plain.ms / n).toFixed(2)} ms/item = ${ratio.toFixed(2)}×`, '≤ 1.5×');
	row('1c. the same 1000 payouts, payment ledger on vs off (best of 3 each, alternating)', `${(best(ledgerRuns.on) / n).toFixed(2)} vs ${(best(ledgerRuns.off) / n).toFixed(2)} ms/item = ${(((best(ledgerRuns.on) - best(ledgerRuns.off)) / best(ledgerRuns.off)) * 100).toFixed(1)}%`, '≤ +10%');
	row('1b. the same POSTs through n8n\'s bare httpRequestWithAuthentication', `${(raw.ms / n).toFixed(2)} ms/item = ${(raw.ms / plain.ms).toFixed(2)}× the plain loop; this package adds ${(((node.ms - raw.ms) / raw.ms) * 100).toFixed(0)}%`, '—', 'n8n opens a new connection per request');
	return ratio;
}

async function latencyRuns() {
	const sandbox = await startSandboxProcess({ latencyMs: 20 });
	try {
		const n = 1000;
		const credentials = ezeeCredentials(sandbox.baseUrl);
		const sequential = await time(() => runNode({ type: 'ezeeWallet', parameters: payoutParams(), credentials, items: items(n) }));
		await sandbox.reset();
		const parallel = await time(() => runNode({ type: 'ezeeWallet', parameters: payoutParams({ executionOptions: { parallelRequests: 20 } }), credentials, items: items(n) }));
		const ordered = parallel.result.items.every((item, i) => item.merchant_reference === `bench-${i}`);
		row('2a. 1000 payouts, 20 ms latency, sequential', `${(sequential.ms / 1000).toFixed(2)} s`, '≥ 20 s (reference)');
		row('2b. 1000 payouts, 20 ms latency, Parallel Requests = 20', `${(parallel.ms / 1000).toFixed(2)} s`, '≤ 2.5 s', ordered ? 'order and pairing kept' : 'ORDER BROKEN');
	} finally {
		await sandbox.stop();
	}
}

async function batchRun(sandbox) {
	const n = 10_000;
	await sandbox.reset();
	const before = await sandbox.requestCount();
	const input = Array.from({ length: n }, (_, i) => ({ ref: `batch-${i}` }));
	if (global.gc) global.gc();
	const baseline = process.memoryUsage().rss;
	let peak = baseline;
	const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
	const result = await time(() => runNode({ type: 'ezeeWallet', parameters: payoutParams({ operation: 'createBatch' }), credentials: ezeeCredentials(sandbox.baseUrl), items: input }));
	clearInterval(sampler);
	if (result.result.error) throw result.result.error;
	const requests = (await sandbox.requestCount()) - before;
	// the ledger's cost on a batch: off vs on, alternating, best of two each (the run above was with it on)
	const batchRuns = { on: [result.ms], off: [] };
	for (let round = 0; round < 2; round++) {
		for (const mode of ['off', 'on']) {
			await sandbox.reset();
			const params = payoutParams({ operation: 'createBatch', ...(mode === 'off' ? { executionOptions: { paymentLedger: false } } : {}) });
			const run = await time(() => runNode({ type: 'ezeeWallet', parameters: params, credentials: ezeeCredentials(sandbox.baseUrl), items: input }));
			if (run.result.error) throw run.result.error;
			batchRuns[mode].push(run.ms);
		}
	}
	const best = (list) => Math.min(...list);
	row('3b. the same batch, payment ledger on vs off (best of each, alternating)', `${(best(batchRuns.on) / 1000).toFixed(2)} vs ${(best(batchRuns.off) / 1000).toFixed(2)} s = ${(((best(batchRuns.on) - best(batchRuns.off)) / best(batchRuns.off)) * 100).toFixed(1)}%`, '≤ +10%');
	row('3. eZeeWallet batch payout, 10,000 recipients', `${(result.ms / 1000).toFixed(2)} s, ${requests} requests (${((requests / n) * 100).toFixed(2)}% of single payouts), peak RSS +${Math.round((peak - baseline) / 1048576)} MiB`, '≤ 2 s, ≤ 1% of requests');
}

async function main() {
	console.error(`Benchmarks on ${os.cpus().length} × ${os.cpus()[0].model}, ${Math.round(os.totalmem() / 1073741824)} GiB, Node ${process.version}`);
	const sandbox = await startSandboxProcess();
	try {
		await perItemCost(sandbox);
		await batchRun(sandbox);
	} finally {
		await sandbox.stop();
	}
	await latencyRuns();
	for (const [name, figure, target] of verifiers.run()) row(name, figure, target);
	if (process.env.PAYSUITE_BENCH_N8N !== '0') {
		const hooks = await require('./n8n-webhook').run({ log: (line) => console.error(`  ${line}`) });
		const ratio = hooks.trigger.rps / hooks.plain.rps;
		row(
			`5. real n8n ${hooks.n8nVersion}: eZeeWallet Trigger vs n8n's Webhook node (${hooks.count} requests, ${hooks.concurrency} at a time)`,
			`${hooks.trigger.rps.toFixed(0)} vs ${hooks.plain.rps.toFixed(0)} req/s (${(ratio * 100).toFixed(0)}%); p50 ${hooks.trigger.p50.toFixed(0)} vs ${hooks.plain.p50.toFixed(0)} ms; p99 ${hooks.trigger.p99.toFixed(0)} vs ${hooks.plain.p99.toFixed(0)} ms`,
			'within 10%',
		);
		row(
			"5b. the same Webhook node with a credential (Header Auth), which n8n loads for every call",
			`${hooks.withCredential.rps.toFixed(0)} req/s; the trigger reaches ${((hooks.trigger.rps / hooks.withCredential.rps) * 100).toFixed(0)}% of it; p50 ${hooks.withCredential.p50.toFixed(0)} ms, p99 ${hooks.withCredential.p99.toFixed(0)} ms`,
			'—',
		);
	}
	for (const [name, figure, target] of await pkg.run()) row(name, figure, target);

	const widths = ['benchmark', 'figure', 'target'].map((key) => Math.max(key.length, ...rows.map((r) => String(r[key]).length)));
	const line = (cells) => `| ${cells.map((cell, i) => String(cell).padEnd(widths[i])).join(' | ')} |`;
	console.log(`\nMachine: ${os.cpus().length} × ${os.cpus()[0].model}, ${Math.round(os.totalmem() / 1073741824)} GiB, Node ${process.version}\n`);
	console.log(line(['benchmark', 'figure', 'target']));
	console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
	for (const r of rows) console.log(line([r.benchmark, r.figure + (r.note ? ` (${r.note})` : ''), r.target]));
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
