'use strict';
// The sandbox home page (sandbox/home.js) and demo events (sandbox/demos.js), through plain HTTP requests
// to the page and its forms' POST targets, as a browser sends them. n8n is played by a small receiver that
// records what it gets; test/e2e/dev-demos.e2e.js runs the same demos against a real n8n.

const http = require('http');

const { Sandbox } = require('../../sandbox/server');
const { DEMOS } = require('../../sandbox/demos');
const { setDemoPlan } = require('../../sandbox/home');
const kazawallet = require('../../sandbox/providers/kazawallet');
const ezeewallet = require('../../sandbox/providers/ezeewallet');
const kazepay = require('../../sandbox/providers/kazepay');

let sandbox;
let receiver;
let received;
let hookBase;

beforeAll(async () => {
	sandbox = await new Sandbox().start();
	receiver = http.createServer((req, res) => {
		let body = '';
		req.on('data', (chunk) => (body += chunk));
		req.on('end', () => {
			received.push({ method: req.method, url: req.url, body, contentType: req.headers['content-type'] });
			// a trigger that redirects a browser coming back from KPAY (as the KPAY Trigger does)
			if (req.method === 'GET') {
				res.writeHead(302, { location: 'https://shop.example.com/checkout/success' });
				return res.end();
			}
			res.writeHead(200, { 'content-type': 'application/json' });
			res.end('{"received":true}');
		});
	});
	await new Promise((resolve) => receiver.listen(0, '127.0.0.1', resolve));
	hookBase = `http://127.0.0.1:${receiver.address().port}/webhook`;
});

afterAll(async () => {
	await sandbox.stop();
	await new Promise((resolve) => receiver.close(resolve));
});

beforeEach(() => {
	sandbox.reset();
	sandbox.homeLog = [];
	received = [];
});

/** A form post as a browser sends it: urlencoded, redirects not followed. */
async function submit(action, fields, { json = false } = {}) {
	const response = await fetch(`${sandbox.baseUrl}${action}`, {
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded', ...(json ? { accept: 'application/json' } : { accept: 'text/html' }) },
		body: new URLSearchParams(fields).toString(),
		redirect: 'manual',
	});
	const text = await response.text();
	return { status: response.status, location: response.headers.get('location'), text, json: json && text ? JSON.parse(text) : undefined };
}

async function getPage(path) {
	const response = await fetch(`${sandbox.baseUrl}${path}`, { headers: { accept: 'text/html' } });
	return { status: response.status, type: response.headers.get('content-type'), text: await response.text() };
}

/** The POST targets and hidden fields of every form on a page. */
function formsOf(html) {
	return [...html.matchAll(/<form method="post" action="([^"]+)">(.*?)<\/form>/gs)].map(([, action, inner]) => ({
		action,
		fields: Object.fromEntries([...inner.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map(([, name, value]) => [name, value.replace(/&amp;/g, '&')])),
	}));
}

test('GET / is an HTML page with a button per demo of the running n8n, each posting a demo and its trigger URL', async () => {
	setDemoPlan(sandbox, [
		{ example: 'exA', exampleName: 'Order paid', demo: 'ezeewallet-transfer-paid', title: DEMOS['ezeewallet-transfer-paid'].title, forged: false, webhookUrl: `${hookBase}/a` },
		{ example: 'exA', exampleName: 'Order paid', demo: 'ezeewallet-forged', title: DEMOS['ezeewallet-forged'].title, forged: true, webhookUrl: `${hookBase}/a` },
	], { n8nUrl: 'http://127.0.0.1:5678' });
	try {
		const page = await getPage('/');
		expect(page.status).toBe(200);
		expect(page.type).toContain('text/html');
		const demoForms = formsOf(page.text).filter((form) => form.action === '/_home/demo' && form.fields.demo); // (+ one free form: any demo, any URL)
		expect(demoForms.map((form) => form.fields)).toEqual([
			{ demo: 'ezeewallet-transfer-paid', url: `${hookBase}/a` },
			{ demo: 'ezeewallet-forged', url: `${hookBase}/a` },
		]);
		expect(page.text).toContain('http://127.0.0.1:5678');
		// the KPAY checkout form is there, its callback field preset only when n8n has a KPAY card trigger
		expect(page.text).toContain('action="/_home/kpay/checkout"');
	} finally {
		setDemoPlan(sandbox, undefined);
	}
});

test('a demo button sends the provider\'s signed notification, answers 303 back to the page, and the page says what happened', async () => {
	const url = `${hookBase}/ezw`;
	const answer = await submit('/_home/demo', { demo: 'ezeewallet-transfer-paid', url });
	expect(answer.status).toBe(303);
	expect(answer.location).toBe('/#last');
	// eZeeWallet's notification: a real transfer (pending, then paid), signed sha1(transaction_id + merchant username)
	expect(received).toHaveLength(1);
	const body = JSON.parse(received[0].body);
	expect(body).toMatchObject({ transaction_id: expect.stringMatching(/^order-\d+$/), status: 'approved' });
	expect(body.signature).toBe(ezeewallet.signature(body.transaction_id, ezeewallet.DEMO.username));
	expect(sandbox.state('ezeewallet').transfers).toEqual([expect.objectContaining({ merchant_transaction_id: body.transaction_id, status: 'approved', amount: 5000 })]);
	const page = await getPage('/');
	expect(page.text).toContain(`transfer ${body.transaction_id}`);
	expect(page.text).toContain('n8n answered 200');
	// the next demo uses a new reference (a trigger that remembers events still starts a run)
	await submit('/_home/demo', { demo: 'ezeewallet-transfer-paid', url });
	expect(JSON.parse(received[1].body).transaction_id).not.toBe(body.transaction_id);
});

test('every demo runs from its form (JSON answer), signed ones deliver what the provider signs, forged ones do not verify', async () => {
	for (const [id, demo] of Object.entries(DEMOS)) {
		received = [];
		const url = `${hookBase}/${demo.webhookPath || 'default'}`;
		const answer = await submit('/_home/demo', { demo: id, url }, { json: true });
		expect({ id, status: answer.status }).toEqual({ id, status: 200 });
		expect(answer.json).toMatchObject({ demo: id, forged: Boolean(demo.forged), summary: expect.any(String) });
		expect(received.length).toBeGreaterThan(0);
	}
	// spot checks of signatures: Kazawallet's link webhook (signed), and its forged twin (amount tampered)
	received = [];
	await submit('/_home/demo', { demo: 'kazawallet-link-paid', url: `${hookBase}/kzw` }, { json: true });
	const paid = JSON.parse(received[0].body);
	expect(paid.secret).toBe(kazawallet.webhookSecret(paid.amount, paid.order_id));
	received = [];
	await submit('/_home/demo', { demo: 'kazawallet-link-forged', url: `${hookBase}/kzw` }, { json: true });
	const forged = JSON.parse(received[0].body);
	expect(forged.secret).not.toBe(kazawallet.webhookSecret(forged.amount, forged.order_id));
});

test('an unknown demo or a missing URL is refused and nothing is sent', async () => {
	expect((await submit('/_home/demo', { demo: 'nope', url: `${hookBase}/x` }, { json: true })).status).toBe(404);
	expect((await submit('/_home/demo', { demo: 'kasha-payout-completed' }, { json: true })).status).toBe(400);
	expect((await submit('/_home/nothing', {}, { json: true })).status).toBe(404);
	expect(received).toEqual([]);
	// the page form: back to the page, which shows the error
	const answer = await submit('/_home/demo', { demo: 'nope', url: `${hookBase}/x` });
	expect(answer.status).toBe(303);
	expect((await getPage('/')).text).toContain('unknown demo');
});

test('KPAY checkout: the form opens an HTML payment page, paying sends the browser back to the callback with the authority', async () => {
	const callback = `${hookBase}/kpay/callback`;
	const answer = await submit('/_home/kpay/checkout', { url: callback, amount: '50000' });
	expect(answer.status).toBe(303);
	const authority = /^\/kpay\/api\/v1\/pay\/(KP[0-9A-F]{20})$/.exec(answer.location)[1];
	// the same URL the KPAY node returns as paymentUrl: HTML for a browser, JSON for an API client
	const page = await getPage(answer.location);
	expect(page.type).toContain('text/html');
	expect(page.text).toContain('50,500 Rials');
	const forms = formsOf(page.text);
	expect(forms).toEqual([
		{ action: `/kpay/api/v1/pay/${authority}`, fields: { action: 'pay' } },
		{ action: `/kpay/api/v1/pay/${authority}`, fields: { action: 'cancel' } },
	]);
	const api = await fetch(`${sandbox.baseUrl}${answer.location}`);
	expect(await api.json()).toMatchObject({ authority, status: 'pending', final_amount: 50_500 });
	const paid = await submit(forms[0].action, forms[0].fields);
	expect(paid.status).toBe(302);
	const back = new URL(paid.location);
	expect(`${back.origin}${back.pathname}`).toBe(callback);
	expect(Object.fromEntries(back.searchParams)).toEqual({ amount: '50000', authority, status: 'OK' });
	expect(sandbox.state('kpay').transactions.find((t) => t.authority === authority).status).toBe('paid');
	expect((await getPage(answer.location)).text).toContain('no longer pending');
});

test('KPAY crypto: the payment page moves the payment through its confirmations, notifying at each step', async () => {
	const created = await submit('/_home/demo', { demo: 'kpay-crypto-completed', url: `${hookBase}/crypto` }, { json: true });
	expect(created.status).toBe(200);
	// a second payment, left pending, moved by hand on its page
	const token = `Bearer ${require('../../sandbox/providers/kpay').DEMO.shopApiKey}`;
	const response = await fetch(`${sandbox.baseUrl}/kpay/api/v1/gateway/payments`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', authorization: token },
		body: JSON.stringify({ order_id: 'crypto-page-1', currency: 'btc', amount_usd: '25', webhook_url: `${hookBase}/crypto` }),
	});
	const payment = await response.json();
	received = [];
	let page = await getPage(`/kpay/api/v1/gateway/pay/${payment.id}`);
	for (const expected of ['confirming', 'confirming', 'completed']) {
		const [step] = formsOf(page.text);
		const answer = await submit(step.action, step.fields);
		expect(answer.status).toBe(303);
		page = await getPage(answer.location);
		expect(page.text).toContain(`Status <b>${expected}</b>`);
	}
	expect(received.map((r) => JSON.parse(r.body).status)).toEqual(['confirming', 'confirming', 'completed']);
});

test('KazePay KYC: a waiting cardholder is approved from the page and KazePay sends a sealed KYC_STATUS event', async () => {
	const state = sandbox.state('kazepay');
	state.users['aisha.rahman@example.com'] = { firstName: 'Aisha', lastName: 'Rahman', status: 'WAITING_KYC' };
	state.webhookUrl = `${hookBase}/kazepay`;
	const page = await getPage('/');
	const forms = formsOf(page.text).filter((form) => form.action === '/_home/kazepay/kyc');
	expect(forms.map((form) => form.fields)).toEqual([
		{ email: 'aisha.rahman@example.com', decision: 'PASSED' },
		{ email: 'aisha.rahman@example.com', decision: 'REJECTED' },
	]);
	expect((await submit(forms[0].action, forms[0].fields)).status).toBe(303);
	expect(state.users['aisha.rahman@example.com'].status).toBe('PASSED');
	for (let i = 0; i < 50 && received.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 20));
	const envelope = JSON.parse(received[0].body);
	expect(envelope.head).toMatchObject({ apiCode: 'webhookNotify', sysId: state.sysId, sign: expect.any(String), keyEnc: expect.any(String) });
	const { keys } = state;
	const event = JSON.parse(kazepay.open(state.algorithms, keys.merchantPrivateKey, keys.platformPublicKey, { encrypt: envelope.body.encrypt, keyEnc: envelope.head.keyEnc, sign: envelope.head.sign }));
	expect(event).toMatchObject({ eventType: 'KYC_STATUS', email: 'aisha.rahman@example.com', status: 'PASSED' });
});

test('Kazawallet: a pending payment link is paid from the page; the webhook is signed as Kazawallet signs it', async () => {
	setDemoPlan(sandbox, [{ example: 'exL', exampleName: 'Link paid', demo: 'kazawallet-link-paid', title: 't', webhookUrl: `${hookBase}/kzw` }]);
	try {
		const link = await fetch(`${sandbox.baseUrl}/kazawallet/createPaymentLink`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', 'x-api-key': kazawallet.DEMO.apiKey },
			body: JSON.stringify({ amount: '25.00', currency: 'USD', email: kazawallet.DEMO.merchantEmail, ref: 'order-5001' }),
		}).then((response) => response.json());
		const forms = formsOf((await getPage('/')).text).filter((form) => form.action === '/_home/kazawallet/link');
		expect(forms.map((form) => form.fields)).toEqual([
			{ orderId: link.order_id, status: 'fulfilled' },
			{ orderId: link.order_id, status: 'timed_out' },
		]);
		expect((await submit(forms[0].action, forms[0].fields)).status).toBe(303);
		expect(received).toHaveLength(1);
		expect(received[0].url).toBe('/webhook/kzw');
		const payload = JSON.parse(received[0].body);
		expect(payload).toEqual({ order_id: link.order_id, secret: kazawallet.webhookSecret('25.00', link.order_id), amount: '25.00', ref: 'order-5001', status: 'fulfilled', currency: 'USD' });
		expect(kazawallet.snapshot(sandbox.state('kazawallet')).accounts[kazawallet.DEMO.merchantEmail].USD).toBe('10025.00');
	} finally {
		setDemoPlan(sandbox, undefined);
	}
});

test('eZeeWallet pending transfer and Kasha pending payout are finished from the page, each provider notifying', async () => {
	// a pending eZeeWallet transfer (bob is short of funds)
	const auth = `Basic ${Buffer.from(`${ezeewallet.DEMO.username}:${ezeewallet.DEMO.password}`).toString('base64')}`;
	await fetch(`${sandbox.baseUrl}/ezeewallet/api/transfers`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', authorization: auth },
		body: JSON.stringify({ transaction_id: 'order-7001', amount: 5000, currency: 'EUR', source_wallet_id: 'bob@example.com', source_wallet_pwd: Buffer.from('bob-wallet-pw').toString('base64'), return_success_url: 'https://s/ok', return_failure_url: 'https://s/no', notification_url: `${hookBase}/ezw`, merchant_website: 'https://s' }),
	});
	// a pending Kasha payout
	const kashaKey = { 'content-type': 'application/json', 'x-api-key': require('../../sandbox/providers/kasha').DEMO.apiKey };
	const [session] = [].concat(await fetch(`${sandbox.baseUrl}/kasha/v2/payout-options`, { method: 'POST', headers: kashaKey, body: JSON.stringify({ country: 'GB', currency: 'GBP', amount: 1250, redirectUrl: 'https://b/p', customer: { name: 'Omar Haddad' }, merchantReference: 'payout-omar', notificationUrl: `${hookBase}/kasha` }) }).then((r) => r.json()));
	await fetch(`${sandbox.baseUrl}/kasha/v2/direct-payout`, { method: 'POST', headers: kashaKey, body: JSON.stringify({ sessionId: session.sessionId, paymentOptionId: session.paymentOptions[0].paymentOptionId, optionId: 'd_400', extraData: { name: 'Omar Haddad', bankAccount: '123456-12345678' } }) });

	const forms = formsOf((await getPage('/')).text);
	const transfer = forms.find((form) => form.action === '/_home/ezeewallet/transfer' && form.fields.status === 'approved');
	const payout = forms.find((form) => form.action === '/_home/kasha/payout' && form.fields.action === 'APPROVE');
	expect((await submit(transfer.action, transfer.fields)).status).toBe(303);
	expect((await submit(payout.action, payout.fields)).status).toBe(303);
	for (let i = 0; i < 50 && received.length < 2; i++) await new Promise((resolve) => setTimeout(resolve, 20));
	const byPath = Object.fromEntries(received.map((r) => [r.url, JSON.parse(r.body)]));
	expect(byPath['/webhook/ezw']).toMatchObject({ transaction_id: 'order-7001', status: 'approved', signature: ezeewallet.signature('order-7001', ezeewallet.DEMO.username) });
	expect(byPath['/webhook/kasha']).toMatchObject({ internalId: payout.fields.transactionId, status: 'COMPLETED', merchantReference: 'payout-omar' });
	// balances on the page reflect both
	const page = (await getPage('/')).text;
	expect(page).toContain('EUR 100050.00'); // eZeeWallet merchant: 100,000.00 + 50.00
	expect(page).toMatch(/GBP 48750\.00/); // Kasha: 50,000 − 1,250
});

test('the demo list is served as JSON for scripts', async () => {
	const response = await fetch(`${sandbox.baseUrl}/_control/demos`);
	const { demos } = await response.json();
	expect(demos.map((demo) => demo.id).sort()).toEqual(Object.keys(DEMOS).sort());
	expect(demos.filter((demo) => demo.forged).length).toBeGreaterThanOrEqual(5);
});
