'use strict';
// KPAY Trigger: card-to-card callbacks verified with KPAY before the workflow starts (payer redirected
// to success or failure), and crypto notifications confirmed by fetching the payment.
const { startTrigger, node, post } = require('../harness/n8n');
const { providerKit } = require('../harness/provider');

const kit = providerKit('kpay');
const s = kit.handle;
const creds = () => kit.credentials();
const state = () => s.sandbox.state('kpay');
const SUCCESS = 'https://shop.example.com/paid';
const FAILURE = 'https://shop.example.com/failed';

let trigger;
afterEach(async () => {
	if (trigger) await trigger.close();
	trigger = undefined;
});

async function start(parameters = {}) {
	trigger = await startTrigger({
		trigger: node('KPAY Trigger', 'kpayTrigger', { successUrl: SUCCESS, failureUrl: FAILURE, ...parameters }),
		downstream: [node('After', 'harness.passThrough')],
		credentials: creds(),
	});
	await trigger.activate();
	return trigger;
}

async function get(url) {
	const response = await fetch(url, { redirect: 'manual' });
	return { status: response.status, location: response.headers.get('location'), text: await response.text() };
}

async function createTransaction(callbackUrl, amount = 250000, extra = {}) {
	const r = await kit.run({ resource: 'transaction', operation: 'create', shopId: state().shops[0].id, cardId: state().cards[0].id, amount, callbackUrl, feeSide: 'customer', idempotencyKey: `TX-${amount}`, ...extra });
	expect(r.error).toBeUndefined();
	return r.items[0];
}

/** The payer pays on KPAY's payment page and is redirected to callback_url. */
async function payOnPaymentPage(authority, action = 'pay') {
	const response = await fetch(`${s.sandbox.urls().kpay}/pay/${authority}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ action }),
		redirect: 'manual',
	});
	expect(response.status).toBe(302);
	return response.headers.get('location');
}

describe('card-to-card callback', () => {
	test('a paid transaction is checked, verified, its amount compared, then the workflow starts once', async () => {
		const t = await start();
		const tx = await createTransaction(`${t.url('setup')}?order=77`, 250000, { factorNumber: 'INV-77' });
		const callback = await payOnPaymentPage(tx.authority);
		expect(callback.startsWith(t.url('setup'))).toBe(true);

		const browser = await get(callback);
		await t.settle();
		expect(browser.status).toBe(302);
		expect(browser.location).toBe(`${SUCCESS}?authority=${tx.authority}`);
		expect(t.executions).toHaveLength(1);
		const [item] = t.executions[0].items;
		expect(item).toMatchObject({ event: 'card.payment.verified', authority: tx.authority, amount: 250000, expected_amount: 250000, final_amount: 252500, status: 'verified', verified: true, query: { order: '77', amount: '250000', status: 'OK' } });
		expect(item.money).toEqual({ amount: '250000', currency: 'IRR', minor: 25000000 });
		expect(t.executions[0].output('After')).toHaveLength(1);
		expect(state().transactions[0].status).toBe('verified');
		expect(kit.count({ method: 'GET', path: `/transactions/check/${tx.authority}` })).toBe(1);
		expect(kit.count({ method: 'POST', path: '/transactions/verify' })).toBe(1);

		// the payer reloads the page: sent to success again, the workflow does not start again
		const reload = await get(callback);
		await t.settle();
		expect(reload.location).toBe(`${SUCCESS}?authority=${tx.authority}`);
		expect(t.executions).toHaveLength(1);
	});

	test('forged: an unknown authority starts nothing and verifies nothing', async () => {
		const t = await start();
		const browser = await get(`${t.url('setup')}?authority=KPFORGED0001&amount=250000`);
		await t.settle();
		expect(browser.location).toBe(`${FAILURE}?authority=KPFORGED0001`);
		expect(t.executions).toHaveLength(0);
		expect(kit.count({ method: 'POST', path: '/transactions/verify' })).toBe(0);
	});

	test('forged: an unpaid transaction starts nothing and stays pending', async () => {
		const t = await start();
		const tx = await createTransaction(t.url('setup'));
		const browser = await get(`${t.url('setup')}?authority=${tx.authority}&amount=250000`);
		await t.settle();
		expect(browser.location).toBe(`${FAILURE}?authority=${tx.authority}`);
		expect(t.executions).toHaveLength(0);
		expect(kit.count({ method: 'POST', path: '/transactions/verify' })).toBe(0);
		expect(state().transactions[0].status).toBe('pending');
	});

	test('forged: a different amount starts nothing and does not use up the verification', async () => {
		const t = await start();
		const tx = await createTransaction(t.url('setup'));
		const callback = await payOnPaymentPage(tx.authority);
		const tampered = callback.replace('amount=250000', 'amount=1000');
		expect(tampered).not.toBe(callback);
		const forged = await get(tampered);
		await t.settle();
		expect(forged.location).toBe(`${FAILURE}?authority=${tx.authority}`);
		expect(t.executions).toHaveLength(0);
		expect(kit.count({ method: 'POST', path: '/transactions/verify' })).toBe(0);
		expect(state().transactions[0].status).toBe('paid');
		// the real callback still works
		const real = await get(callback);
		await t.settle();
		expect(real.location).toBe(`${SUCCESS}?authority=${tx.authority}`);
		expect(t.executions).toHaveLength(1);
	});

	test('forged: a paid cheap transaction presented as another order with its own amount is emitted as what it is', async () => {
		// The emitted item carries KPAY's own authority and amount, so a workflow matches on those.
		const t = await start();
		const cheap = await createTransaction(t.url('setup'), 1000);
		await payOnPaymentPage(cheap.authority);
		await get(`${t.url('setup')}?authority=${cheap.authority}&amount=1000&order=EXPENSIVE`);
		await t.settle();
		expect(t.executions).toHaveLength(1);
		expect(t.executions[0].items[0]).toMatchObject({ authority: cheap.authority, amount: 1000 });
	});

	/** Someone with a KPAY account of their own: their shop, their card, their transaction, paid by them. */
	async function otherMerchantTransaction(amount = 250000) {
		const call = async (method, path, body, token) => {
			const response = await fetch(`${s.sandbox.urls().kpay}${path}`, {
				method,
				headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
				body: JSON.stringify(body),
			});
			expect(response.status).toBe(200);
			return await response.json();
		};
		const { access_token: token } = await call('POST', '/auth/register', { name: 'Other', mobile: '09351112233', password: 'other-pass' });
		const shop = await call('POST', '/shops', { name: 'Other Shop' }, token);
		const card = await call('POST', '/cards', { card_number: '6104337812345674', owner_name: 'Other' }, token);
		const tx = await call('POST', '/transactions/create', { shop_id: shop.id, card_id: card.id, amount, callback_url: 'https://other.example.com/cb' }, token);
		await payOnPaymentPage(tx.authority);
		return tx.authority;
	}

	test("forged: another merchant's paid transaction with its own amount starts nothing and is not verified here", async () => {
		// Check Status, Payment Info and Verify are public: only the account's own list tells them apart.
		const t = await start();
		const authority = await otherMerchantTransaction(250000);
		const browser = await get(`${t.url('setup')}?authority=${authority}&amount=250000&order=EXPENSIVE`);
		await t.settle();
		expect(browser.location).toBe(`${FAILURE}?authority=${authority}`);
		expect(t.executions).toHaveLength(0);
		expect(kit.count({ method: 'GET', path: '/transactions' })).toBe(1);
		expect(kit.count({ method: 'POST', path: '/transactions/verify' })).toBe(0);
		expect(state().transactions.find((tx) => tx.authority === authority).status).toBe('paid');

		// the same with a fixed expected amount
		await t.close();
		const fixed = await start({ amountSource: 'fixed', fixedAmount: 250000 });
		const again = await get(`${fixed.url('setup')}?authority=${authority}`);
		await fixed.settle();
		expect(again.location).toBe(`${FAILURE}?authority=${authority}`);
		expect(fixed.executions).toHaveLength(0);
	});

	/** KPAY calls since the n-th sandbox request, the credential's own login left out. */
	const callsSince = (n) => s.sandbox.requests.slice(n).filter((q) => q.provider === 'kpay' && q.path !== '/auth/login').length;

	async function paidTransactions(t, n) {
		const r = await kit.run({ resource: 'transaction', operation: 'create', shopId: state().shops[0].id, cardId: state().cards[0].id, amount: 250000, callbackUrl: t.url('setup'), feeSide: 'customer', idempotencyKey: '={{ $json.ref }}' }, { items: Array.from({ length: n }, (_, i) => ({ ref: `PAID-${i}` })) });
		expect(r.error).toBeUndefined();
		for (const tx of r.items) await payOnPaymentPage(tx.authority);
		return r.items.map((tx) => tx.authority);
	}

	test('ownership in one call: the 55th paid transaction of the account is found on the first page of 100', async () => {
		const t = await start();
		const authorities = await paidTransactions(t, 55);
		const last = authorities[54];
		const requestsBefore = s.sandbox.requests.length;
		const browser = await get(`${t.url('setup')}?authority=${last}&amount=250000`);
		await t.settle();
		expect(browser.location).toBe(`${SUCCESS}?authority=${last}`);
		expect(t.executions).toHaveLength(1);
		expect(t.executions[0].items[0]).toMatchObject({ verification: 'lookup', owned: true, authority: last, amount: 250000 });
		expect(kit.count({ method: 'GET', path: '/transactions' })).toBe(1);
		// check, list, verify (+ the credential's first login)
		expect(callsSince(requestsBefore)).toBeLessThanOrEqual(3);
	});

	test('lookup budget: beyond the first page of paid transactions the callback answers 503 (retryable) and verifies nothing', async () => {
		// KPAY has no lookup of one transaction by authority for its owner; paid transactions that were
		// never verified pile up on the list. Over the budget (3 calls) the answer is 503, not a long search.
		const t = await start();
		const authorities = await paidTransactions(t, 101);
		const requestsBefore = s.sandbox.requests.length;
		const browser = await get(`${t.url('setup')}?authority=${authorities[100]}&amount=250000`);
		await t.settle();
		expect(browser.status).toBe(503);
		expect(t.executions).toHaveLength(0);
		expect(kit.count({ method: 'POST', path: '/transactions/verify' })).toBe(0);
		expect(callsSince(requestsBefore)).toBeLessThanOrEqual(3);
		// the first page is found as before
		const first = await get(`${t.url('setup')}?authority=${authorities[0]}&amount=250000`);
		await t.settle();
		expect(first.location).toBe(`${SUCCESS}?authority=${authorities[0]}`);
	}, 30000);

	test("forged: another merchant's verified transaction is not sent to the success URL", async () => {
		const t = await start();
		const authority = await otherMerchantTransaction(250000);
		await fetch(`${s.sandbox.urls().kpay}/transactions/verify`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ authority }) });
		const browser = await get(`${t.url('setup')}?authority=${authority}&amount=250000`);
		await t.settle();
		expect(browser.location).toBe(`${FAILURE}?authority=${authority}`);
		expect(t.executions).toHaveLength(0);
	});

	test('own transaction verified with Transaction → Verify before the payer comes back: success URL, no run', async () => {
		const t = await start();
		const tx = await createTransaction(t.url('setup'));
		const callback = await payOnPaymentPage(tx.authority);
		const verified = await kit.run({ resource: 'transaction', operation: 'verify', authority: tx.authority });
		expect(verified.error).toBeUndefined();
		const browser = await get(callback);
		await t.settle();
		expect(browser.location).toBe(`${SUCCESS}?authority=${tx.authority}`);
		expect(t.executions).toHaveLength(0);
		expect(kit.count({ method: 'POST', path: '/transactions/verify' })).toBe(1);
	});

	test('missing or malformed authority or amount: failure URL, nothing sent to KPAY', async () => {
		const t = await start();
		const answers = await Promise.all([
			get(t.url('setup')),
			get(`${t.url('setup')}?authority=../../etc&amount=1000`),
			get(`${t.url('setup')}?authority=KP123`),
			get(`${t.url('setup')}?authority=KP123&amount=12.5`),
		]);
		await t.settle();
		expect(answers.map((a) => a.location)).toEqual([FAILURE, FAILURE, `${FAILURE}?authority=KP123`, `${FAILURE}?authority=KP123`]);
		expect(t.executions).toHaveLength(0);
		expect(s.sandbox.count({ provider: 'kpay' })).toBe(0);
	});

	test('without redirect URLs: 200 with status success for a verified payment, 400 for anything else', async () => {
		const t = await start({ successUrl: '', failureUrl: '' });
		const tx = await createTransaction(t.url('setup'));
		const forged = await get(`${t.url('setup')}?authority=${tx.authority}&amount=250000`);
		const callback = await payOnPaymentPage(tx.authority);
		const real = await get(callback);
		await t.settle();
		expect([forged.status, JSON.parse(forged.text)]).toEqual([400, { status: 'failure', authority: tx.authority }]);
		expect([real.status, JSON.parse(real.text)]).toEqual([200, { status: 'success', authority: tx.authority }]);
		expect(t.executions).toHaveLength(1);
	});

	test('a payer who cancels on the payment page goes to the failure URL', async () => {
		const t = await start();
		const tx = await createTransaction(t.url('setup'));
		const callback = await payOnPaymentPage(tx.authority, 'cancel');
		const browser = await get(callback);
		await t.settle();
		expect(browser.location).toBe(`${FAILURE}?authority=${tx.authority}`);
		expect(t.executions).toHaveLength(0);
		expect(state().transactions[0].status).toBe('cancelled');
	});

	test('a payment left to expire: the payer is redirected back and nothing starts', async () => {
		const t = await start();
		const tx = await createTransaction(t.url('setup'));
		const { redirect } = (await kit.control('POST', `/transactions/${tx.authority}/expire`)).body;
		const browser = await get(redirect);
		await t.settle();
		expect(browser.location).toBe(`${FAILURE}?authority=${tx.authority}`);
		expect(t.executions).toHaveLength(0);
	});

	test('fixed expected amount, without authority on the redirect', async () => {
		const t = await start({ amountSource: 'fixed', fixedAmount: 50000, options: { addAuthority: false } });
		const good = await createTransaction(t.url('setup'), 50000, { additionalFields: { addAmountToCallback: false } });
		const bad = await createTransaction(t.url('setup'), 60000, { additionalFields: { addAmountToCallback: false } });
		const answers = [await get(await payOnPaymentPage(good.authority)), await get(await payOnPaymentPage(bad.authority))];
		await t.settle();
		expect(answers.map((a) => a.location)).toEqual([SUCCESS, FAILURE]);
		expect(t.executions).toHaveLength(1);
		expect(t.executions[0].items[0].authority).toBe(good.authority);
	});

	test('the token expires between callbacks: renewed once inside the trigger', async () => {
		const t = await start();
		const tx = await createTransaction(t.url('setup'));
		const callback = await payOnPaymentPage(tx.authority);
		await kit.control('POST', '/tokens/expire');
		const loginsBefore = state().logins;
		const browser = await get(callback);
		await t.settle();
		expect(browser.location).toBe(`${SUCCESS}?authority=${tx.authority}`);
		expect(t.executions).toHaveLength(1);
		expect(state().logins - loginsBefore).toBe(1);
	});
});

describe('crypto notifications', () => {
	async function createPayment(webhookUrl, orderId = 'ORD-1') {
		const r = await kit.run({ resource: 'crypto', operation: 'createPayment', orderId, currency: 'usdt_trc20', amountUsd: '40', amountCrypto: '', additionalFields: { webhookUrl } });
		expect(r.error).toBeUndefined();
		return r.items[0];
	}

	/** The webhook URL Create Payment gave KPAY for this order (signed). */
	const signedUrlOf = (orderId) => s.sandbox.requests.find((q) => q.path === '/gateway/payments' && q.body && q.body.order_id === orderId).body.webhook_url;

	test('confirmed by fetching the payment; only completed starts the workflow, once', async () => {
		const t = await start();
		const payment = await createPayment(t.url('default'));
		await kit.control('POST', `/payments/${payment.id}/deposit`);
		await kit.control('POST', `/payments/${payment.id}/confirm`);
		await t.settle();
		expect(t.executions).toHaveLength(0);
		await kit.control('POST', `/payments/${payment.id}/confirm`);
		await t.settle();
		expect(s.sandbox.webhooks.map((w) => [w.payload.status, w.status])).toEqual([['confirming', 200], ['confirming', 200], ['completed', 200]]);
		expect(t.executions).toHaveLength(1);
		expect(t.executions[0].items[0]).toMatchObject({ event: 'crypto.payment.completed', id: payment.id, order_id: 'ORD-1', status: 'completed', received_amount: '40', confirmations: 2, confirmed: true, owned: true, verification: 'signature+lookup' });
		// money both ways: KPAY's requested amount untouched, plus the amount and currency
		expect(t.executions[0].items[0].money).toEqual({ amount: t.executions[0].items[0].requested_amount, currency: 'USDT_TRC20' });
		expect(signedUrlOf('ORD-1')).toMatch(/\/crypto\?kpay_order=ORD-1&kpay_sig=[0-9a-f]{64}$/);
		expect(kit.count({ method: 'GET', path: `/gateway/payments/${payment.id}` })).toBe(3);

		// KPAY delivers the same notification again: acknowledged, not emitted again
		const repeat = await post(signedUrlOf('ORD-1'), { payment_id: payment.id, order_id: 'ORD-1', status: 'completed' });
		await t.settle();
		expect(repeat.status).toBe(200);
		expect(t.executions).toHaveLength(1);
	});

	test('every status when the filter is empty; each status once', async () => {
		const t = await start({ cryptoStatuses: [] });
		const payment = await createPayment(t.url('default'));
		await kit.control('POST', `/payments/${payment.id}/deposit`);
		await kit.control('POST', `/payments/${payment.id}/confirm`);
		await kit.control('POST', `/payments/${payment.id}/confirm`);
		await t.settle();
		expect(t.executions.map((e) => e.items[0].status)).toEqual(['confirming', 'completed']);
	});

	test('expired and failed payments when asked for', async () => {
		const t = await start({ cryptoStatuses: ['expired', 'failed'] });
		const a = await createPayment(t.url('default'), 'A');
		const b = await createPayment(t.url('default'), 'B');
		await kit.control('POST', `/payments/${a.id}/expire`);
		await kit.control('POST', `/payments/${b.id}/fail`);
		await t.settle();
		expect(t.executions.map((e) => [e.items[0].order_id, e.items[0].status])).toEqual([['A', 'expired'], ['B', 'failed']]);
	});

	test('forged: an unknown payment is refused with 401 and starts nothing', async () => {
		const t = await start();
		const answer = await post(t.url('default'), { payment_id: '2f1c1c9e-0000-4000-8000-000000000000', status: 'completed' });
		await t.settle();
		expect(answer.status).toBe(401);
		expect(t.executions).toHaveLength(0);
	});

	test('forged: a "completed" notification for a pending payment starts nothing (KPAY says pending)', async () => {
		const t = await start();
		const payment = await createPayment(t.url('default'));
		const answer = await post(signedUrlOf('ORD-1'), { payment_id: payment.id, status: 'completed' }, { format: 'form' });
		await t.settle();
		expect(answer.status).toBe(200);
		expect(t.executions).toHaveLength(0);
		expect(state().payments[0].status).toBe('pending');
	});

	test('forged: a notification naming another order is refused', async () => {
		const t = await start({ cryptoStatuses: [] });
		const payment = await createPayment(t.url('default'));
		const answer = await post(signedUrlOf('ORD-1'), { payment_id: payment.id, order_id: 'SOMEONE-ELSE' });
		await t.settle();
		expect(answer.status).toBe(401);
		expect(t.executions).toHaveLength(0);
	});

	test('a notification without a payment ID is refused with 400, nothing sent to KPAY', async () => {
		const t = await start();
		const answer = await post(t.url('default'), { status: 'completed' });
		await t.settle();
		expect(answer.status).toBe(400);
		expect(s.sandbox.count({ provider: 'kpay' })).toBe(0);
	});

	test('KPAY unreachable while confirming: 503 so the notification comes again, nothing started', async () => {
		const t = await start({ cryptoStatuses: [] });
		const payment = await createPayment(t.url('default'));
		for (let i = 0; i < 4; i++) s.sandbox.injectFault({ provider: 'kpay', path: `/gateway/payments/${payment.id}`, kind: 'status', status: 502 });
		const answer = await post(signedUrlOf('ORD-1'), { payment_id: payment.id });
		await t.settle();
		expect(answer.status).toBe(503);
		expect(t.executions).toHaveLength(0);
	}, 20000);

	/** Another KPAY merchant's completed crypto payment that names `orderId` (KPAY's lookup is public). */
	async function foreignCompletedPayment(orderId) {
		const call = async (method, path, body, token) => {
			const response = await fetch(`${s.sandbox.urls().kpay}${path}`, {
				method,
				headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
				body: JSON.stringify(body),
			});
			expect(response.status).toBe(200);
			return await response.json();
		};
		const { access_token: token } = await call('POST', '/auth/register', { name: 'Other', mobile: '09351112233', password: 'other-pass' });
		const foreign = await call('POST', '/gateway/payments', { order_id: orderId, currency: 'usdt_trc20', amount_usd: 40 }, token);
		await kit.control('POST', `/payments/${foreign.id}/deposit`, { notify: false });
		for (let i = 0; i < 2; i++) await kit.control('POST', `/payments/${foreign.id}/confirm`, { notify: false });
		return foreign;
	}

	test("foreign payment: another merchant's completed payment naming our order ID is refused (unsigned URL), no KPAY call", async () => {
		const t = await start();
		await createPayment(t.url('default'), 'ORD-7');
		const foreign = await foreignCompletedPayment('ORD-7');
		const before = s.sandbox.requests.length;
		const answer = await post(t.url('default'), { payment_id: foreign.id, order_id: 'ORD-7', status: 'completed' });
		await t.settle();
		expect(answer.status).toBe(401);
		expect(t.executions).toHaveLength(0);
		expect(s.sandbox.requests.slice(before).filter((q) => q.provider === 'kpay')).toHaveLength(0);
	});

	test('foreign payment with unsigned payments allowed: emitted, but verification "lookup", owned false, confirmed false', async () => {
		const t = await start({ cryptoOwnership: 'unproven' });
		await createPayment(t.url('default'), 'ORD-8');
		const foreign = await foreignCompletedPayment('ORD-8');
		const answer = await post(t.url('default'), { payment_id: foreign.id, order_id: 'ORD-8', status: 'completed' });
		await t.settle();
		expect(answer.status).toBe(200);
		expect(t.executions).toHaveLength(1);
		const [item] = t.executions[0].items;
		expect(item).toMatchObject({ id: foreign.id, order_id: 'ORD-8', status: 'completed', verification: 'lookup', owned: false, confirmed: false });
		expect(item.warning).toMatch(/not that it is this account's payment/);
	});

	test("foreign payment posted to our signed URL of another order: refused after the lookup (the order is not the signed one)", async () => {
		const t = await start();
		await createPayment(t.url('default'), 'ORD-9');
		const foreign = await foreignCompletedPayment('THEIRS-9');
		const answer = await post(signedUrlOf('ORD-9'), { payment_id: foreign.id, order_id: 'THEIRS-9', status: 'completed' });
		await t.settle();
		expect(answer.status).toBe(401);
		expect(t.executions).toHaveLength(0);
	});

	test('a tampered signature or order in the URL is refused before any KPAY call', async () => {
		const t = await start();
		const payment = await createPayment(t.url('default'), 'ORD-10');
		const url = new URL(signedUrlOf('ORD-10'));
		const before = s.sandbox.requests.length;
		const tamperedOrder = new URL(url);
		tamperedOrder.searchParams.set('kpay_order', 'ORD-11');
		const tamperedSig = new URL(url);
		tamperedSig.searchParams.set('kpay_sig', url.searchParams.get('kpay_sig').replace(/^./, (c) => (c === '0' ? '1' : '0')));
		const answers = [await post(tamperedOrder.toString(), { payment_id: payment.id }), await post(tamperedSig.toString(), { payment_id: payment.id })];
		await t.settle();
		expect(answers.map((a) => a.status)).toEqual([401, 401]);
		expect(s.sandbox.requests.slice(before).filter((q) => q.provider === 'kpay')).toHaveLength(0);
		expect(t.executions).toHaveLength(0);
	});
});

describe('event filter', () => {
	test('a trigger listening for crypto only: a card callback is answered 404 without any KPAY call, nothing starts', async () => {
		const t = await start({ events: ['crypto.payment'] });
		const tx = await createTransaction(t.url('setup'));
		await kit.control('POST', `/transactions/${tx.authority}/pay`);
		const before = kit.count();
		const browser = await get(`${t.url('setup')}?authority=${tx.authority}&amount=250000`);
		await t.settle();
		expect(browser.status).toBe(404);
		expect(kit.count()).toBe(before);
		expect(t.executions).toHaveLength(0);
		expect(state().transactions[0].status).toBe('paid');
	});

	test('a trigger listening for card payments only: a crypto notification is acknowledged without any KPAY call, nothing starts', async () => {
		const t = await start({ events: ['card.payment.verified'] });
		const before = kit.count();
		const answer = await post(t.url('default'), { payment_id: '2f1c1c9e-0000-4000-8000-000000000000', order_id: 'ORD-1', status: 'completed' });
		await t.settle();
		expect(answer.status).toBe(200);
		expect(kit.count()).toBe(before);
		expect(t.executions).toHaveLength(0);
	});
});

test('the setup notice says which URLs to give KPAY, for test and for production', () => {
	const { KpayTrigger } = require(require('path').join(require('../harness/n8n').PACKAGE_ROOT, 'dist/nodes/Kpay/KpayTrigger.node'));
	const notices = new KpayTrigger().description.properties.filter((p) => p.type === 'notice').map((p) => p.displayName);
	expect(notices[0]).toMatch(/Callback URL.*Transaction → Create.*Webhook URL of Crypto Gateway → Create Payment.*test URLs while listening.*production URLs once the workflow is active/);
	for (const notice of notices) expect(notice.endsWith('.')).toBe(false);
});
