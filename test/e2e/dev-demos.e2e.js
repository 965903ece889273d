'use strict';
// End-to-end: what `npm run dev` tells a person to try, against a real n8n (scripts/n8n-runtime) with the
// packed package, the sandbox credentials and every example, set up as `npm run dev` sets them up.
//   - every `try:` line: the plan comes from scripts/n8n-runtime/demos.js, the same function dev.js prints
//     from; each request is sent exactly as the line's curl sends it, and each signed demo must start one
//     successful execution of its example, each forged one must be refused and start none;
//   - the sandbox home page's actions (sandbox/home.js), as a browser posts its forms: a KPAY card checkout
//     paid on the HTML payment page, a KazePay KYC approved, a Kazawallet payment link paid.
// Needs `npm run build` first. Everything listens on 127.0.0.1 and is stopped in afterAll.

const fs = require('fs');
const os = require('os');
const path = require('path');

const { ensureRuntime } = require('../../scripts/n8n-runtime/ensure');
const { N8nInstance, freePort, sleep } = require('../../scripts/n8n-runtime/instance');
const { sandboxCredentials, listExamples, packageTriggerTypes } = require('../../scripts/n8n-runtime/fixtures');
const { demoPlan } = require('../../scripts/n8n-runtime/demos');
const { Sandbox } = require('../../sandbox/server');
const { setDemoPlan } = require('../../sandbox/home');

const examples = listExamples();
const log = (line) => process.stderr.write(`[e2e dev-demos] ${line}\n`);
let sandbox;
let n8n;
let userFolder;
let plan = [];

/** The plan before anything runs (only URLs change with ports): test names. */
function offlinePlan() {
	return demoPlan({ examples, sandboxUrl: 'http://sandbox', webhookUrl: (id, hookPath) => `http://n8n/webhook/${id}/${hookPath}`, triggerTypes: packageTriggerTypes() });
}

async function executionIds(workflowId) {
	const { data } = await n8n.api('GET', `/executions?workflowId=${workflowId}&limit=250`);
	return data;
}

/** Runs `action`, then waits for the executions of `workflowId` it started (all finished): the new ones. */
async function newExecutions(workflowId, action, { settleMs = 1500 } = {}) {
	const before = (await executionIds(workflowId)).map((execution) => execution.id);
	const result = await action();
	let fresh = [];
	for (let i = 0; i < 120; i++) {
		fresh = (await executionIds(workflowId)).filter((execution) => !before.includes(execution.id));
		if (fresh.length > 0 && fresh.every((execution) => execution.status !== 'running' && execution.status !== 'new')) break;
		if (fresh.length === 0 && i * 250 > settleMs) break;
		await sleep(250);
	}
	await sleep(500);
	fresh = (await executionIds(workflowId)).filter((execution) => !before.includes(execution.id));
	return { result, fresh };
}

/** Sends a plan entry's request exactly as its `try:` curl does. */
async function sendTryLine(entry) {
	const { method, url, body } = entry.request;
	const response = await fetch(url, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
	const json = await response.json();
	if (!response.ok) throw new Error(`${entry.curl}\n→ ${response.status} ${JSON.stringify(json)}`);
	return json;
}

/** A browser posting one of the home page's forms (urlencoded, redirects not followed). */
async function submit(action, fields) {
	const response = await fetch(`${sandbox.baseUrl}${action}`, {
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
		body: new URLSearchParams(fields).toString(),
		redirect: 'manual',
	});
	await response.text();
	return { status: response.status, location: response.headers.get('location') };
}

const exampleNode = (entry) => examples.find((example) => example.id === entry.example).workflow.nodes.find((node) => node.name === entry.node);

beforeAll(async () => {
	const runtime = await ensureRuntime({ log });
	sandbox = await new Sandbox().start();
	userFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'paysuite-e2e-dev-'));
	n8n = new N8nInstance({ runtime, userFolder, port: await freePort(), brokerPort: await freePort(), log });
	n8n.installPackage();
	await n8n.importCredentials(sandboxCredentials(sandbox).map(({ provider, ...credential }) => credential));
	await n8n.importWorkflows(examples.map((example) => example.file));
	for (const example of examples.filter((e) => e.kind === 'trigger')) await n8n.publishWorkflow(example.id);
	await n8n.start();
	await n8n.ensureOwner({ email: 'e2e@paysuite.local', password: 'PaySuite-e2e-2026' });
	await n8n.createApiKey();
	plan = demoPlan({ examples, sandboxUrl: sandbox.baseUrl, webhookUrl: (id, hookPath, options) => n8n.webhookUrl(id, hookPath, options), triggerTypes: packageTriggerTypes() });
	setDemoPlan(sandbox, plan, { n8nUrl: n8n.baseUrl });
	for (const url of new Set(plan.map((entry) => entry.webhookUrl))) {
		// n8n serves production webhooks a moment after it is ready (GET ones answer 302/200, never 404, once up)
		for (let i = 0; i < 120; i++) {
			const method = plan.find((entry) => entry.webhookUrl === url).webhookMethod;
			const response = await fetch(url, { method, redirect: 'manual', ...(method === 'POST' ? { headers: { 'content-type': 'application/json' }, body: '{}' } : {}) }).catch(() => undefined);
			if (response && response.status !== 404) break;
			await sleep(500);
		}
	}
}, 45 * 60_000);

afterAll(async () => {
	if (n8n) await n8n.stop();
	if (sandbox) await sandbox.stop();
	if (userFolder) fs.rmSync(userFolder, { recursive: true, force: true });
}, 60_000);

test('every trigger example has a signed and a forged demo, each at one of its webhook URLs', () => {
	const triggerExamples = examples.filter((example) => example.kind === 'trigger');
	expect(triggerExamples.length).toBeGreaterThan(0);
	for (const example of triggerExamples) {
		const entries = plan.filter((entry) => entry.example === example.id);
		expect({ example: example.id, signed: entries.some((e) => !e.forged), forged: entries.some((e) => e.forged) }).toEqual({ example: example.id, signed: true, forged: true });
	}
	// the KPAY card workflow is tried at its …/callback URL, the crypto one at …/crypto
	expect(plan.find((entry) => entry.demo === 'kpay-card-paid').webhookUrl).toMatch(/\/callback$/);
	expect(plan.find((entry) => entry.demo === 'kpay-crypto-completed').webhookUrl).toMatch(/\/crypto$/);
	for (const entry of plan) expect(entry.curl).toBe(`curl -s -X POST ${sandbox.baseUrl}/_control/demo/${entry.demo} -H 'content-type: application/json' -d '${JSON.stringify({ url: entry.webhookUrl })}'`);
});

for (const planned of offlinePlan()) {
	const label = `${planned.forged ? 'forged' : 'try:'} ${planned.demo} → ${planned.exampleName}`;
	test(planned.forged ? `${label}: refused, no execution` : `${label}: one successful execution`, async () => {
		const entry = plan.find((e) => e.example === planned.example && e.demo === planned.demo);
		// twice for signed demos: fresh references each time, so a restarted dev n8n (which remembers events) still runs them
		for (const round of planned.forged ? [1] : [1, 2]) {
			const { result, fresh } = await newExecutions(entry.example, () => sendTryLine(entry));
			const { delivery } = result;
			expect({ round, status: delivery.status }).toEqual({ round, status: entry.expect.status });
			if (entry.expect.redirectTo) {
				// KPAY's card callback answers the browser with a redirect to the shop's success or failure page
				const target = exampleNode(entry).parameters[entry.expect.redirectTo];
				expect(delivery.response.startsWith(`redirect to ${target}`)).toBe(true);
			}
			if (planned.forged) {
				expect(fresh).toEqual([]);
			} else {
				expect(fresh.map((execution) => [execution.status, execution.mode])).toEqual([['success', 'webhook']]);
			}
		}
	});
}

describe('the sandbox home page, as a browser uses it', () => {
	test('a KPAY card checkout paid on the HTML payment page: the browser comes back to n8n, which verifies and starts the workflow', async () => {
		const entry = plan.find((e) => e.demo === 'kpay-card-paid');
		const home = await (await fetch(`${sandbox.baseUrl}/`, { headers: { accept: 'text/html' } })).text();
		expect(home).toContain(`value="${entry.webhookUrl}"`); // the checkout form is preset with n8n's callback URL
		const checkout = await submit('/_home/kpay/checkout', { url: entry.webhookUrl, amount: '1250000' });
		expect(checkout.status).toBe(303);
		const authority = checkout.location.split('/').pop();
		const pageHtml = await (await fetch(`${sandbox.baseUrl}${checkout.location}`, { headers: { accept: 'text/html' } })).text();
		expect(pageHtml).toContain('1,262,500 Rials');
		const { result: back, fresh } = await newExecutions(entry.example, async () => {
			const paid = await submit(`/kpay/api/v1/pay/${authority}`, { action: 'pay' });
			expect(paid.status).toBe(302);
			const response = await fetch(paid.location, { redirect: 'manual' }); // the browser follows to n8n
			return { status: response.status, location: response.headers.get('location') };
		});
		expect(back).toEqual({ status: 302, location: `${exampleNode(entry).parameters.successUrl}?authority=${authority}` });
		expect(fresh.map((execution) => execution.status)).toEqual(['success']);
		expect(sandbox.state('kpay').transactions.find((t) => t.authority === authority).status).toBe('verified');
	});

	test('a KazePay KYC approved on the page: KazePay\'s KYC_STATUS event starts the card events workflow', async () => {
		const entry = plan.find((e) => e.demo === 'kazepay-card-transaction');
		const state = sandbox.state('kazepay');
		// the KazePay Trigger registered its URL with KazePay when n8n activated it
		expect(state.webhookUrl).toBe(entry.webhookUrl);
		// a cardholder waiting for review (what the onboarding example's KYC submission leaves)
		state.users['aisha.rahman@example.com'] = { email: 'aisha.rahman@example.com', firstName: 'Aisha', lastName: 'Rahman', status: 'WAITING_KYC' };
		const { result, fresh } = await newExecutions(entry.example, () => submit('/_home/kazepay/kyc', { email: 'aisha.rahman@example.com', decision: 'PASSED' }));
		expect(result.status).toBe(303);
		expect(state.users['aisha.rahman@example.com'].status).toBe('PASSED');
		expect(fresh.map((execution) => execution.status)).toEqual(['success']);
		const execution = await n8n.api('GET', `/executions/${fresh[0].id}?includeData=true`);
		const [event] = execution.data.resultData.runData['KazePay Trigger'][0].data.main[0].map((item) => item.json);
		expect(event).toMatchObject({ eventType: 'KYC_STATUS', email: 'aisha.rahman@example.com', status: 'PASSED', verified: true });
	});

	test('a Kazawallet payment link paid on the page: the signed webhook marks the order paid', async () => {
		const entry = plan.find((e) => e.demo === 'kazawallet-link-paid');
		sandbox.state('kazawallet').sequence = Math.max(sandbox.state('kazawallet').sequence, 9_000_000 + (Date.now() % 100_000));
		const response = await fetch(`${sandbox.baseUrl}/kazawallet/createPaymentLink`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', 'x-api-key': require('../../sandbox/providers/kazawallet').DEMO.apiKey },
			body: JSON.stringify({ amount: '25.00', currency: 'USD', email: 'merchant@kazawallet.test', ref: 'order-home-1' }),
		});
		const { order_id: orderId } = await response.json();
		const { result, fresh } = await newExecutions(entry.example, () => submit('/_home/kazawallet/link', { orderId, status: 'fulfilled' }));
		expect(result.status).toBe(303);
		expect(fresh.map((execution) => execution.status)).toEqual(['success']);
		const execution = await n8n.api('GET', `/executions/${fresh[0].id}?includeData=true`);
		const [paid] = execution.data.resultData.runData['Mark order as paid'][0].data.main[0].map((item) => item.json);
		expect(paid).toMatchObject({ orderId: 'order-home-1', paymentStatus: 'paid', kazawalletOrderId: orderId });
	});
});
