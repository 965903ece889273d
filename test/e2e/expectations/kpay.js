'use strict';
// KPAY examples' assertions (format: ../expectations.js).
// Card-to-card: the payer's browser comes back to the KPAY Trigger's GET …/callback?authority=…&amount=…
// (sent there by KPAY's payment page with a 302); the trigger answers with a 302 to the shop's success or
// failure page, so these cases use `browse` (no redirect following) and assert where the browser is sent.
// Crypto: KPAY posts { payment_id, order_id, status, confirmations } to …/crypto on every status change.

const crypto = require('crypto');

const CARD_HOOK = '3b8e5f2a-6c1d-4e9a-8f07-2d4c6b1a9e01'; // examples/kpay-card-payment-verified.json
const CRYPTO_HOOK = '3b8e5f2a-6c1d-4e9a-8f07-2d4c6b1a9e02'; // examples/kpay-crypto-payment-completed.json
const SUCCESS_URL = 'https://shop.example.com/checkout/success';
const FAILURE_URL = 'https://shop.example.com/checkout/failed';
const path = require('path');
const { DEMO, CURRENCIES } = require('../../../sandbox/providers/kpay');
const { orderSignature } = require(path.join(__dirname, '../../../dist/nodes/Kpay/webhookUrl'));

/** The crypto webhook URL as Create Payment gives it to KPAY: the order ID and its signature added (same credential). */
function signedUrl(sandbox, url, orderId) {
	const signed = new URL(url);
	signed.searchParams.set('kpay_order', orderId);
	signed.searchParams.set('kpay_sig', orderSignature(sandbox.credentials().kpay, orderId));
	return signed.toString();
}

/**
 * Requests to a path that KPAY accepted with a valid token. A credential whose stored token predates the
 * sandbox's reset gets a 401 first (nothing happens), n8n logs in again and repeats the call once: that
 * refused attempt is not counted.
 */
function authorised(sandbox, method, path) {
	const { tokens } = sandbox.state('kpay');
	return sandbox.requests.filter((entry) => {
		if (entry.provider !== 'kpay' || entry.method !== method || entry.path !== path) return false;
		const token = /^Bearer\s+(.+)$/i.exec(entry.headers.authorization || '');
		return Boolean(token && tokens.has(token[1].trim()));
	});
}

const api = (sandbox) => `${sandbox.baseUrl}/kpay/api/v1`;
const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** The merchant's side of KPAY over HTTP (what the KPAY node sends): log in, then Bearer calls. */
async function kpay(sandbox) {
	const login = await fetch(`${api(sandbox)}/auth/login`, {
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ username: DEMO.mobile, password: DEMO.password }).toString(),
	});
	expect(login.status).toBe(200);
	const { access_token: token } = await login.json();
	return async (method, route, body) => {
		const response = await fetch(`${api(sandbox)}${route}`, {
			method,
			headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
			body: body ? JSON.stringify(body) : undefined,
		});
		const json = await response.json();
		if (!response.ok) throw new Error(`KPAY ${method} ${route}: ${response.status} ${JSON.stringify(json)}`);
		return json;
	};
}

/** A payment request of the demo shop to the demo card, callback = the trigger's URL + amount (as Transaction → Create does). */
async function createTransaction(sandbox, callbackUrl, amount) {
	const call = await kpay(sandbox);
	const { shops } = await call('GET', '/shops');
	const { cards } = await call('GET', '/cards');
	const transaction = await call('POST', '/transactions/create', {
		shop_id: shops[0].id,
		card_id: cards[0].id,
		amount,
		callback_url: `${callbackUrl}?amount=${amount}`,
		fee_side: 'customer',
		factor_number: `ORD-E2E-${amount}`,
	});
	expect(transaction).toMatchObject({ authority: expect.stringMatching(/^KP/), amount, status: 'pending' });
	return transaction;
}

/** The payer on KPAY's payment page: POST pay|cancel, answered with a 302 back to the callback URL. */
async function payOnPaymentPage(sandbox, browse, authority, action = 'pay') {
	const page = await browse(`${api(sandbox)}/pay/${authority}`, {
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded' },
		body: `action=${action}`,
	});
	expect(page.status).toBe(302);
	return page.location;
}

const txOf = (sandbox, authority) => sandbox.state('kpay').transactions.find((t) => t.authority === authority);
/** Verify calls for one authority (the queue-mode suite does not reset the sandbox between cases). */
const verifyCount = (sandbox, authority) =>
	sandbox.requests.filter((entry) => entry.provider === 'kpay' && entry.method === 'POST' && entry.path === '/transactions/verify' && entry.body && entry.body.authority === authority).length;
const failureFor = (authority) => `${FAILURE_URL}?authority=${authority}`;

/** A crypto payment of the demo merchant, notifying the trigger's crypto URL (signed, as Create Payment does). */
async function createPayment(sandbox, webhookUrl, { orderId, currency = 'btc', amountUsd = 25 }) {
	const call = await kpay(sandbox);
	return call('POST', '/gateway/payments', { order_id: orderId, currency, amount_usd: amountUsd, webhook_url: signedUrl(sandbox, webhookUrl, orderId) });
}

async function postNotification(browse, url, payload) {
	return browse(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(payload) });
}

module.exports = {
	// editor calls (list-search e2e): Transaction lists what exists, and a fresh sandbox has no transaction,
	// so one is put into the sandbox's state as the payment page would have left it
	listSearch: {
		searchTransactions: {
			parameters: async ({ sandbox }) => {
				const state = sandbox.state('kpay');
				const now = state.now();
				state.transactions.push({
					id: crypto.randomUUID(), authority: 'KPE2E0000000000000001', user_id: state.shops[0].user_id, shop_id: state.shops[0].id,
					card_id: state.cards[0].id, amount: 10000, fee: 100, final_amount: 10100, fee_side: 'customer', status: 'pending',
					callback_url: 'https://shop.example.com/callback', description: null, factor_number: 'E2E-1', created_at: now.toISOString(),
					expires_at: new Date(now.getTime() + 600_000).toISOString(), paid_at: null, verified_at: null,
				});
				return {};
			},
		},
	},
	// examples/kpay-card-checkout.json
	exKpayCheckout01: {
		check({ nodeItems, lastNodeItems, sandbox, n8n }) {
			const callbackUrl = `${n8n.baseUrl}/webhook/${CARD_HOOK}/callback?amount=1250000`;
			const state = sandbox.state('kpay');
			// shop and card looked up from the account (the sandbox's demo data)
			expect(nodeItems('Find shop')).toEqual([expect.objectContaining({ id: state.shops[0].id, name: 'Sandbox Shop' })]);
			expect(nodeItems('Find receiving card')).toEqual([
				expect.objectContaining({ id: state.cards[0].id, card_number: '************9993' }),
			]);
			const [created] = nodeItems('Create payment request');
			// KPAY's answer under `response`; beside it the authority, payment page, what was sent and money both ways
			expect(created).toMatchObject({
				authority: expect.stringMatching(/^KP[0-9A-F]{20}$/),
				paymentUrl: `${sandbox.baseUrl}/kpay/api/v1/pay/${created.authority}`,
				callbackUrl, // this n8n's KPAY Trigger callback URL, with the amount for the check
				factorNumber: expect.stringMatching(/^ORD-\d+$/),
				money: { amount: '1250000', currency: 'IRR' },
				response: { authority: created.authority, amount: 1_250_000, fee: 12_500, final_amount: 1_262_500, status: 'pending' },
			});
			// the Idempotency Key defaulted to the Factor Number
			expect(created.idempotencyKey).toBe(created.factorNumber);
			expect(lastNodeItems).toEqual([
				{
					orderNumber: created.factorNumber,
					authority: created.authority,
					paymentUrl: `${sandbox.baseUrl}/kpay/api/v1/pay/${created.authority}`,
					amountRials: 1_250_000,
					payerPaysRials: 1_262_500,
				},
			]);
			// the sandbox: one payment request, stored for the demo shop and card, nothing paid or verified
			expect(authorised(sandbox, 'POST', '/transactions/create')).toHaveLength(1);
			expect(state.transactions).toHaveLength(1);
			expect(state.transactions[0]).toMatchObject({
				authority: created.authority,
				shop_id: state.shops[0].id,
				card_id: state.cards[0].id,
				amount: 1_250_000,
				fee_side: 'customer',
				callback_url: callbackUrl,
				factor_number: created.factorNumber,
				description: 'Order: 1 × Persian rug cleaning',
				status: 'pending',
			});
			expect(sandbox.count({ provider: 'kpay', method: 'POST', path: '/transactions/verify' })).toBe(0);
		},
	},

	// examples/kpay-card-payment-verified.json (its 'default' webhook is …/crypto; the card callback is …/callback)
	exKpayCardPaid01: {
		signed: [
			{
				name: 'the payer pays on the payment page and comes back: verified with KPAY, redirected to the success page',
				// the payer reloads the callback page (queue-mode suite): success page again, nothing started
				repeat: ({ delivery, browse }) => browse(delivery.callback),
				repeatStatus: 302,
				async send({ sandbox, webhookUrl, browse }) {
					const callback = webhookUrl('callback');
					const transaction = await createTransaction(sandbox, callback, 1_250_000);
					const location = await payOnPaymentPage(sandbox, browse, transaction.authority);
					// KPAY sends the browser back with the authority (and status=OK, which proves nothing)
					const back = new URL(location);
					expect(`${back.origin}${back.pathname}`).toBe(callback);
					expect(Object.fromEntries(back.searchParams)).toEqual({ amount: '1250000', authority: transaction.authority, status: 'OK' });
					expect(txOf(sandbox, transaction.authority).status).toBe('paid');
					const delivery = await browse(location); // GET, redirect not followed
					return { ...delivery, callback: location, transaction };
				},
				async check({ nodeItems, delivery, sandbox, n8n, execution }) {
					const { authority, id } = delivery.transaction;
					expect(delivery.status).toBe(302);
					expect(delivery.location).toBe(`${SUCCESS_URL}?authority=${authority}`);
					const [event] = nodeItems('KPAY Trigger');
					expect(event).toMatchObject({
						event: 'card.payment.verified',
						authority,
						id,
						status: 'verified',
						amount: 1_250_000,
						expected_amount: 1_250_000,
						final_amount: 1_262_500,
						// from the account's own transaction list (the public Payment Info, which named the shop, is no longer called)
						shop_id: sandbox.state('kpay').shops[0].id,
						factor_number: 'ORD-E2E-1250000',
						is_paid: true,
						verified: true,
						verification: 'lookup',
						owned: true,
					});
					expect(nodeItems('Mark order as paid')).toEqual([
						expect.objectContaining({ authority, paymentStatus: 'paid', provider: 'kpay', amountRials: 1_250_000, payerPaidRials: 1_262_500, kpayTransactionId: id }),
					]);
					// KPAY: verified exactly once, by the trigger
					expect(txOf(sandbox, authority)).toMatchObject({ status: 'verified', verified_at: expect.any(String) });
					expect(verifyCount(sandbox, authority)).toBe(1);
					// the payer reloads the page: still the success page, no second execution, no second verify
					const reload = await fetch(delivery.callback, { redirect: 'manual' });
					expect(reload.status).toBe(302);
					expect(reload.headers.get('location')).toBe(`${SUCCESS_URL}?authority=${authority}`);
					await wait(1500);
					const { data } = await n8n.api('GET', `/executions?workflowId=exKpayCardPaid01&limit=250`);
					expect(data.filter((other) => Number(other.id) > Number(execution.id))).toEqual([]);
					expect(verifyCount(sandbox, authority)).toBe(1);
				},
			},
			{
				name: 'a payment confirmed in the sandbox (control endpoint) sends the payer to the callback: one execution',
				async send({ sandbox, webhookUrl, browse, control }) {
					const transaction = await createTransaction(sandbox, webhookUrl('callback'), 50_000);
					const { redirect, status } = await control(`/kpay/transactions/${transaction.authority}/pay`);
					expect(status).toBe('paid');
					return { ...(await browse(redirect)), transaction };
				},
				check({ nodeItems, delivery, sandbox }) {
					const { authority } = delivery.transaction;
					expect(delivery.status).toBe(302);
					expect(delivery.location).toBe(`${SUCCESS_URL}?authority=${authority}`);
					expect(nodeItems('Mark order as paid')).toEqual([expect.objectContaining({ authority, paymentStatus: 'paid', amountRials: 50_000, payerPaidRials: 50_500 })]);
					expect(txOf(sandbox, authority).status).toBe('verified');
				},
			},
		],
		forged: [
			{
				name: 'an unknown authority goes to the failure page',
				status: 302,
				send: ({ webhookUrl, browse }) => browse(`${webhookUrl('callback')}?authority=KP00000000000000000000&amount=1250000&status=OK`),
				check({ delivery, sandbox }) {
					expect(delivery.location).toBe(failureFor('KP00000000000000000000'));
					expect(verifyCount(sandbox, 'KP00000000000000000000')).toBe(0);
				},
			},
			{
				name: 'a paid transaction of another amount presented for the order amount goes to the failure page (not verified)',
				status: 302,
				async send({ sandbox, webhookUrl, browse, control }) {
					const cheap = await createTransaction(sandbox, webhookUrl('callback'), 1_000);
					const { redirect } = await control(`/kpay/transactions/${cheap.authority}/pay`);
					const forged = new URL(redirect);
					forged.searchParams.set('amount', '1250000');
					return { ...(await browse(forged.toString())), authority: cheap.authority };
				},
				check({ delivery, sandbox }) {
					expect(delivery.location).toBe(failureFor(delivery.authority));
					// compared before verifying: KPAY's one verification of the real payment is not used up
					expect(txOf(sandbox, delivery.authority).status).toBe('paid');
					expect(verifyCount(sandbox, delivery.authority)).toBe(0);
				},
			},
			{
				name: 'an unpaid transaction (payer never paid) goes to the failure page',
				status: 302,
				async send({ sandbox, webhookUrl, browse }) {
					const transaction = await createTransaction(sandbox, webhookUrl('callback'), 1_250_000);
					return { ...(await browse(`${webhookUrl('callback')}?amount=1250000&authority=${transaction.authority}&status=OK`)), authority: transaction.authority };
				},
				check({ delivery, sandbox }) {
					expect(delivery.location).toBe(failureFor(delivery.authority));
					expect(txOf(sandbox, delivery.authority).status).toBe('pending');
					expect(verifyCount(sandbox, delivery.authority)).toBe(0);
				},
			},
			{
				name: 'a payment cancelled on the payment page goes to the failure page',
				status: 302,
				async send({ sandbox, webhookUrl, browse }) {
					const transaction = await createTransaction(sandbox, webhookUrl('callback'), 1_250_000);
					const location = await payOnPaymentPage(sandbox, browse, transaction.authority, 'cancel');
					expect(new URL(location).searchParams.get('status')).toBe('NOK');
					return { ...(await browse(location)), authority: transaction.authority };
				},
				check({ delivery, sandbox }) {
					expect(delivery.location).toBe(failureFor(delivery.authority));
					expect(txOf(sandbox, delivery.authority).status).toBe('cancelled');
				},
			},
			{
				name: 'a callback without an authority goes to the failure page and asks KPAY nothing',
				status: 302,
				send: ({ webhookUrl, browse }) => browse(`${webhookUrl('callback')}?amount=1250000&status=OK`),
				check({ delivery, sandbox }) {
					expect(delivery.location).toBe(FAILURE_URL);
					expect(sandbox.count({ provider: 'kpay' })).toBe(0);
				},
			},
		],
	},

	// examples/kpay-crypto-payment.json
	exKpayCrypto01: {
		check({ nodeItems, lastNodeItems, sandbox, n8n }) {
			const webhookUrl = `${n8n.baseUrl}/webhook/${CRYPTO_HOOK}/crypto`;
			// the currency the example uses is one KPAY supports (the sandbox's GET /gateway/currencies)
			expect(CURRENCIES.map((currency) => currency.code)).toContain('usdt_trc20');
			const [payment] = nodeItems('Create crypto payment');
			expect(payment).toMatchObject({
				id: expect.any(String),
				order_id: expect.stringMatching(/^crypto-\d+$/),
				currency: 'usdt_trc20',
				requested_amount: '49.9', // 49.90 USD at 1 USD per USDT
				deposit_address: expect.stringMatching(/^sbx_tron_/),
				status: 'pending',
			});
			expect(lastNodeItems).toEqual([
				{
					orderId: payment.order_id,
					paymentId: payment.id,
					payAmount: '49.9',
					currency: 'usdt_trc20',
					depositAddress: payment.deposit_address,
					paymentUrl: `${sandbox.baseUrl}/kpay/api/v1/gateway/pay/${payment.id}`,
					expiresAt: payment.expires_at,
				},
			]);
			// the sandbox: one payment, with this n8n's crypto webhook URL to notify
			expect(authorised(sandbox, 'POST', '/gateway/payments')).toHaveLength(1);
			expect(sandbox.count({ provider: 'kpay', method: 'POST', path: '/gateway/payments' })).toBeLessThanOrEqual(2); // + at most one 401
			const { payments } = sandbox.state('kpay');
			expect(payments).toHaveLength(1);
			expect(payments[0]).toMatchObject({
				id: payment.id,
				order_id: payment.order_id,
				currency: 'usdt_trc20',
				requested_amount: '49.9',
				status: 'pending',
				// the order ID and its signature added by Create Payment (Sign Webhook URL), checked by the trigger
				webhook_url: signedUrl(sandbox, webhookUrl, payment.order_id),
				callback_success: SUCCESS_URL,
				callback_failed: FAILURE_URL,
			});
		},
	},

	// examples/kpay-crypto-payment-completed.json
	exKpayCryptoPaid01: {
		signed: [
			{
				name: 'a payment moved through its confirmations notifies at each step; only "completed" starts the workflow',
				// the same notification delivered again (queue-mode suite)
				repeat: ({ delivery, url, browse, sandbox }) => postNotification(browse, signedUrl(sandbox, url, 'crypto-e2e-1'), delivery.payload),
				async send({ sandbox, url, control }) {
					const payment = await createPayment(sandbox, url, { orderId: 'crypto-e2e-1', currency: 'btc', amountUsd: 25 });
					expect(payment.requested_amount).toBe('0.0005');
					const steps = [];
					steps.push(await control(`/kpay/payments/${payment.id}/deposit`)); // confirming, 0 confirmations
					steps.push(await control(`/kpay/payments/${payment.id}/confirm`)); // confirming, 1 of 2
					steps.push(await control(`/kpay/payments/${payment.id}/confirm`)); // completed
					expect(steps.map((step) => [step.payment.status, step.payment.confirmations])).toEqual([
						['confirming', 0],
						['confirming', 1],
						['completed', 2],
					]);
					return { ...steps[2].delivery, payment, steps };
				},
				async check({ nodeItems, delivery, sandbox, n8n, execution, webhookUrl }) {
					const { payment } = delivery;
					// every notification was answered 200 (the "confirming" ones start nothing)
					expect(delivery.steps.map((step) => [step.delivery.payload.status, step.delivery.status])).toEqual([
						['confirming', 200],
						['confirming', 200],
						['completed', 200],
					]);
					expect(JSON.parse(delivery.response)).toEqual({ received: true });
					// each notification was confirmed by looking the payment up with KPAY
					expect(sandbox.count({ provider: 'kpay', method: 'GET', path: `/gateway/payments/${payment.id}` })).toBe(3);
					const [event] = nodeItems('KPAY Trigger');
					expect(event).toMatchObject({
						event: 'crypto.payment.completed',
						id: payment.id,
						order_id: 'crypto-e2e-1',
						currency: 'btc',
						status: 'completed',
						requested_amount: '0.0005',
						received_amount: '0.0005',
						confirmations: 2,
						confirmed: true,
						owned: true,
						verification: 'signature+lookup',
					});
					expect(nodeItems('Mark crypto order paid')).toEqual([
						expect.objectContaining({
							orderId: 'crypto-e2e-1',
							kpayPaymentId: payment.id,
							paymentStatus: 'paid',
							currency: 'btc',
							requestedAmount: '0.0005',
							receivedAmount: '0.0005',
							txHash: expect.stringMatching(/^0x[0-9a-f]{64}$/),
						}),
					]);
					// KPAY delivers the completed notification again: acknowledged, no second execution
					const again = await fetch(signedUrl(sandbox, webhookUrl('crypto'), 'crypto-e2e-1'), {
						method: 'POST',
						headers: { 'content-type': 'application/json' },
						body: JSON.stringify(delivery.payload),
					});
					expect(again.status).toBe(200);
					await wait(1500);
					const { data } = await n8n.api('GET', `/executions?workflowId=exKpayCryptoPaid01&limit=250`);
					expect(data.filter((other) => Number(other.id) > Number(execution.id))).toEqual([]);
				},
			},
		],
		forged: [
			{
				name: 'a "completed" notification for a payment KPAY does not know is refused with 401',
				async send({ url, browse, sandbox }) {
					const paymentId = crypto.randomUUID();
					return { ...(await postNotification(browse, signedUrl(sandbox, url, 'crypto-e2e-1'), { payment_id: paymentId, order_id: 'crypto-e2e-1', status: 'completed', confirmations: 2 })), paymentId };
				},
				check({ delivery, sandbox }) {
					// looked up with KPAY, not found
					expect(sandbox.count({ provider: 'kpay', method: 'GET', path: `/gateway/payments/${delivery.paymentId}` })).toBe(1);
				},
			},
			{
				name: 'a real completed payment announced for another order is refused with 401',
				async send({ sandbox, url, browse, control }) {
					const payment = await createPayment(sandbox, url, { orderId: 'crypto-e2e-2', currency: 'usdt_trc20', amountUsd: 10 });
					await control(`/kpay/payments/${payment.id}/deposit`, { notify: false });
					for (let i = 0; i < 2; i++) await control(`/kpay/payments/${payment.id}/confirm`, { notify: false });
					expect(sandbox.state('kpay').payments.find((p) => p.id === payment.id).status).toBe('completed');
					return postNotification(browse, signedUrl(sandbox, url, 'crypto-e2e-2'), { payment_id: payment.id, order_id: 'order-of-someone-else', status: 'completed' });
				},
			},
			{
				name: 'a payment still confirming, announced as "completed", is acknowledged but starts nothing',
				status: 200,
				async send({ sandbox, url, browse, control }) {
					const payment = await createPayment(sandbox, url, { orderId: 'crypto-e2e-3' });
					await control(`/kpay/payments/${payment.id}/deposit`, { notify: false });
					return postNotification(browse, signedUrl(sandbox, url, 'crypto-e2e-3'), { payment_id: payment.id, order_id: 'crypto-e2e-3', status: 'completed', confirmations: 2 });
				},
				check({ delivery }) {
					expect(JSON.parse(delivery.response)).toEqual({ received: true });
				},
			},
			{
				// KPAY's payment lookup is public: another merchant can create a payment naming our order ID
				name: "another merchant's completed payment naming our order ID, on the unsigned URL, is refused with 401 before any KPAY call",
				async send({ sandbox, url, browse, control }) {
					const register = await fetch(`${api(sandbox)}/auth/register`, {
						method: 'POST',
						headers: { 'content-type': 'application/json' },
						body: JSON.stringify({ name: 'Other', mobile: '09351112299', password: 'other-e2e-pass' }),
					});
					const { access_token: token } = await register.json();
					const created = await fetch(`${api(sandbox)}/gateway/payments`, {
						method: 'POST',
						headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
						body: JSON.stringify({ order_id: 'crypto-e2e-1', currency: 'usdt_trc20', amount_usd: 10 }),
					});
					const foreign = await created.json();
					await control(`/kpay/payments/${foreign.id}/deposit`, { notify: false });
					for (let i = 0; i < 2; i++) await control(`/kpay/payments/${foreign.id}/confirm`, { notify: false });
					return { ...(await postNotification(browse, url, { payment_id: foreign.id, order_id: 'crypto-e2e-1', status: 'completed' })), foreignId: foreign.id };
				},
				check({ delivery, sandbox }) {
					expect(sandbox.count({ provider: 'kpay', method: 'GET', path: `/gateway/payments/${delivery.foreignId}` })).toBe(0);
				},
			},
		],
	},
};
