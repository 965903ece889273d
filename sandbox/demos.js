'use strict';
// Demo events: what each provider does to notify a trigger, from ONE request, with realistic data.
// Each demo plays the provider's (and the shop's) side through the sandbox's own HTTP API, the way the
// end-to-end tests do: e.g. "eZeeWallet transfer paid" creates a real transfer for a consumer short of
// funds, then the consumer tops up and eZeeWallet sends its signed notification. Every run uses fresh
// references (order numbers, card transaction ids…), so a trigger that remembers the events it already
// saw (all of them do: providers redeliver) starts a new execution each time, also after a restart.
// Forged demos send a notification the trigger must refuse (bad signature, unknown transaction…).
//
// Used by: `npm run dev` (the `try:` lines, scripts/n8n-runtime/demos.js), the sandbox home page
// (sandbox/home.js) and the tests. Control endpoint: POST /_control/demo/<id> {"url": "<webhook URL>"}.

const crypto = require('crypto');

const ezeewallet = require('./providers/ezeewallet');
const kasha = require('./providers/kasha');
const kazawallet = require('./providers/kazawallet');
const kpay = require('./providers/kpay');

/** Fresh, readable numbers for demo references: time-based, so a restarted sandbox does not repeat them. */
let sequence = Math.floor(Date.now() / 1000) % 1_000_000;
const next = () => ++sequence;

async function call(sandbox, method, path, { headers = {}, body, form } = {}) {
	const response = await fetch(`${sandbox.baseUrl}${path}`, {
		method,
		headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}), ...headers },
		body: form ? new URLSearchParams(form).toString() : body === undefined ? undefined : JSON.stringify(body),
		redirect: 'manual',
	});
	const text = await response.text();
	let json;
	try {
		json = text ? JSON.parse(text) : {};
	} catch {
		json = { text };
	}
	return { status: response.status, json, location: response.headers.get('location') || undefined };
}

async function ok(sandbox, method, path, options) {
	const answer = await call(sandbox, method, path, options);
	if (answer.status >= 300 || answer.json.success === false) throw new Error(`sandbox ${method} ${path}: ${answer.status} ${JSON.stringify(answer.json)}`);
	return answer.json;
}

const control = (sandbox, path, body = {}) => ok(sandbox, 'POST', `/_control${path}`, { body });

/** Waits for the sandbox's delivery to `url` matching `wanted` (notifications sent after an API answer). */
async function delivered(sandbox, url, wanted, from) {
	for (let i = 0; i < 150; i++) {
		const found = sandbox.webhooks.slice(from).find((w) => w.url === url && wanted(w));
		if (found) return found;
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	throw new Error(`the sandbox sent no notification to ${url}`);
}

const brief = (delivery) => delivery && { status: delivery.status, response: delivery.response, payload: delivery.payload };

// ---------------------------------------------------------------- eZeeWallet
const ezwAuth = { authorization: `Basic ${Buffer.from(`${ezeewallet.DEMO.username}:${ezeewallet.DEMO.password}`).toString('base64')}` };

async function ezeewalletTransferPaid(sandbox, { url }) {
	const orderId = `order-${next()}`;
	// bob has EUR 10.00 and is asked for EUR 50.00: the transfer waits until he tops up his wallet
	const { transfer } = await ok(sandbox, 'POST', '/ezeewallet/api/transfers_new', {
		headers: ezwAuth,
		body: {
			merchant_transaction_id: orderId, amount: 5000, currency: 'EUR', usage: `Order ${orderId}`,
			source_wallet_id: 'bob@example.com', source_wallet_pwd: Buffer.from('bob-wallet-pw').toString('base64'),
			return_success_url: 'https://shop.example/ok', return_failure_url: 'https://shop.example/failed',
			notification_url: url, merchant_website: 'https://shop.example',
		},
	});
	const from = sandbox.webhooks.length;
	await control(sandbox, `/ezeewallet/transfers/${transfer.ezw_reference_id}/complete`, { status: 'approved' });
	const delivery = await delivered(sandbox, url, (w) => w.payload.transaction_id === orderId, from);
	return { summary: `transfer ${orderId} (EUR 50.00 from bob@example.com) approved; eZeeWallet notified`, delivery: brief(delivery) };
}

async function ezeewalletForged(sandbox, { url }) {
	const payload = { transaction_id: `order-${next()}`, status: 'approved', signature: crypto.createHash('sha1').update('someone else').digest('hex') };
	const delivery = await sandbox.sendWebhook(url, payload, { provider: 'ezeewallet' });
	return { summary: 'an "approved" notification with a wrong signature', delivery: brief(delivery) };
}

// ---------------------------------------------------------------- Kasha
const kashaHeaders = { 'x-api-key': kasha.DEMO.apiKey };
const first = (json) => (Array.isArray(json) ? json[0] : json);

async function kashaPayout(sandbox, { url, action = 'APPROVE' }) {
	const reference = `payout-${next()}`;
	const amount = action === 'APPROVE' ? 75.25 : 120;
	const session = first(await ok(sandbox, 'POST', '/kasha/v2/payout-options', {
		headers: kashaHeaders,
		body: { country: 'GB', currency: 'GBP', amount, redirectUrl: 'https://backoffice.example.com/payouts', customer: { name: 'Jane Roe' }, merchantReference: reference, notificationUrl: url },
	}));
	const created = first(await ok(sandbox, 'POST', '/kasha/v2/direct-payout', {
		headers: kashaHeaders,
		body: { sessionId: session.sessionId, paymentOptionId: session.paymentOptions[0].paymentOptionId, optionId: 'd_400', extraData: { name: 'Jane Roe', bankAccount: '123456-12345678' } },
	}));
	const transactionId = created.result.transactionId;
	const from = sandbox.webhooks.length;
	await ok(sandbox, 'POST', '/kasha/v2/settle-payout', { headers: kashaHeaders, body: { action, transactionId } });
	const delivery = await delivered(sandbox, url, (w) => (w.payload.internalId ?? w.payload.transactionId) === transactionId, from);
	return { summary: `payout ${reference} (GBP ${amount} to Jane Roe) ${action === 'APPROVE' ? 'approved' : 'declined'}; Kasha notified`, delivery: brief(delivery) };
}

async function kashaForged(sandbox, { url }) {
	const payload = { transactionId: crypto.randomUUID(), status: 'COMPLETED', type: 'payout', merchantReference: `payout-${next()}`, amount: 75.25, currency: 'GBP' };
	const delivery = await sandbox.sendWebhook(url, payload, { provider: 'kasha' });
	return { summary: 'a COMPLETED notification for a payout Kasha never made', delivery: brief(delivery) };
}

// ---------------------------------------------------------------- Kazawallet
const kzwHeaders = { 'x-api-key': kazawallet.DEMO.apiKey, 'x-api-secret': kazawallet.DEMO.apiSecret, 'merchant-email': kazawallet.DEMO.merchantEmail };

/** Link and card ids restart after a sandbox restart; n8n remembers the ones it saw: start them past it. */
function freshKazawalletIds(sandbox) {
	const state = sandbox.state('kazawallet');
	const base = Math.floor(Date.now() / 1000) % 10_000_000;
	if (state.sequence < base) state.sequence = base;
}

async function kazawalletLink(sandbox, { url, orderId, status = 'fulfilled' }) {
	if (!orderId) {
		freshKazawalletIds(sandbox);
		const ref = `order-${next()}`;
		({ order_id: orderId } = await ok(sandbox, 'POST', '/kazawallet/createPaymentLink', {
			headers: { 'x-api-key': kazawallet.DEMO.apiKey },
			body: { amount: '25.00', currency: 'USD', email: kazawallet.DEMO.merchantEmail, ref },
		}));
	}
	await control(sandbox, '/kazawallet/webhook-url', { url });
	const { delivery } = await control(sandbox, `/kazawallet/payment-links/${encodeURIComponent(orderId)}/complete`, { status });
	const link = sandbox.state('kazawallet').paymentLinks.find((l) => l.order_id === orderId);
	return { summary: `payment link ${orderId} (${link.currency} ${link.amount}, ref ${link.ref}) ${status === 'fulfilled' ? 'paid by the customer' : 'timed out'}; Kazawallet notified`, delivery: brief(delivery) };
}

async function kazawalletLinkForged(sandbox, { url }) {
	const orderId = `pl-${next()}`;
	// signed for 25.00, sent with 2.50
	const payload = { order_id: orderId, secret: kazawallet.webhookSecret('25.00', orderId), amount: '2.50', ref: `order-${next()}`, status: 'fulfilled', currency: 'USD' };
	const delivery = await sandbox.sendWebhook(url, payload, { provider: 'kazawallet' });
	return { summary: 'a payment-link webhook signed for USD 25.00 but saying 2.50', delivery: brief(delivery) };
}

async function kazawalletCard3ds(sandbox, { url }) {
	freshKazawalletIds(sandbox);
	const { card } = await ok(sandbox, 'POST', '/kazawallet/wallet-cards/create-then-topup', { headers: kzwHeaders, body: { email: 'alice@example.com', amount: '50.00', cardType: 'basic' } });
	await control(sandbox, '/kazawallet/webhook-url', { url });
	const { delivery } = await control(sandbox, `/kazawallet/cards/${card.id}/spend`, { amount: '12.34', merchantName: 'Corner Coffee', threeDS: true });
	return { summary: `card ${card.id} pays USD 12.34 at Corner Coffee and asks for 3DS; Kazawallet sent the code`, delivery: brief(delivery) };
}

async function kazawalletCard3dsForged(sandbox, { url }) {
	const payload = { event: '3DS_CONFIRM', cardId: `kc-${next()}`, details: { amount: '12.34', type: 'code', cardNumber: '****0000', merchants: 'Corner Coffee', transactionCurrency: 'USD', transactionDate: Date.now(), validateCode: '123456' } };
	const delivery = await sandbox.sendWebhook(url, payload, { provider: 'kazawallet' });
	return { summary: 'a 3DS_CONFIRM for a card that is not the merchant\'s', delivery: brief(delivery) };
}

// ---------------------------------------------------------------- KazePay
function kazepayEvent() {
	const stamp = new Date().toISOString().replace('T', ' ').slice(0, 19);
	return {
		eventType: 'CARD_TRANSACTION', eventTime: stamp, cardID: '3377', cardNo: '4937240800000001', transactionId: crypto.randomUUID(),
		transType: 'Expenditure', transStatus: 'Success', amount: '12.50', currency: 'USD', merchantName: 'KOPI CORNER KLCC',
	};
}

async function kazepayCardTransaction(sandbox, { url }) {
	const event = kazepayEvent();
	const delivery = await control(sandbox, '/kazepay/notify', { url, event });
	return { summary: `card 3377 spent USD 12.50 at KOPI CORNER KLCC; KazePay sent the sealed event (transaction ${event.transactionId.slice(0, 8)}…)`, delivery: { status: delivery.status, response: delivery.response } };
}

async function kazepayForged(sandbox, { url }) {
	const delivery = await control(sandbox, '/kazepay/notify', { url, event: kazepayEvent(), tamper: 'sign' });
	return { summary: 'a sealed KazePay event with one character of its signature changed', delivery: { status: delivery.status, response: delivery.response } };
}

// ---------------------------------------------------------------- KPAY
const kpayHeaders = { authorization: `Bearer ${kpay.DEMO.shopApiKey}` };

/** A card-to-card payment request of the demo shop, calling back `callbackUrl` (+ the amount, as the KPAY node does). */
async function kpayCheckout(sandbox, { url, amount = 1_250_000 }) {
	const { shops } = await ok(sandbox, 'GET', '/kpay/api/v1/shops', { headers: kpayHeaders });
	const { cards } = await ok(sandbox, 'GET', '/kpay/api/v1/cards', { headers: kpayHeaders });
	const transaction = await ok(sandbox, 'POST', '/kpay/api/v1/transactions/create', {
		headers: kpayHeaders,
		body: { shop_id: shops[0].id, card_id: cards[0].id, amount, callback_url: `${url}?amount=${amount}`, fee_side: 'customer', factor_number: `ORD-${next()}`, description: 'Order: 1 × Persian rug cleaning' },
	});
	return transaction;
}

async function kpayCardPaid(sandbox, { url }) {
	const transaction = await kpayCheckout(sandbox, { url });
	// the payer pays on KPAY's payment page, which sends the browser back to the callback; the browser follows
	const page = await call(sandbox, 'POST', `/kpay/api/v1/pay/${transaction.authority}`, { form: { action: 'pay' } });
	const back = await fetch(page.location, { redirect: 'manual' });
	await back.text();
	return {
		summary: `payment ${transaction.authority} (IRR ${transaction.final_amount}) paid on KPAY's page; the payer's browser came back to n8n`,
		delivery: { status: back.status, response: back.headers.get('location') ? `redirect to ${back.headers.get('location')}` : '', callback: page.location },
	};
}

async function kpayCardForged(sandbox, { url }) {
	const callback = `${url}?amount=1250000&authority=KP${crypto.randomBytes(10).toString('hex').toUpperCase()}&status=OK`;
	const back = await fetch(callback, { redirect: 'manual' });
	await back.text();
	return { summary: 'a browser comes back with status=OK for a payment that was never made', delivery: { status: back.status, response: `redirect to ${back.headers.get('location')}`, callback } };
}

/**
 * The webhook URL as the KPAY node's Create Payment gives it to KPAY: with the order ID and its signature
 * under the demo credential (nodes/Kpay/webhookUrl.ts), which is what lets the KPAY Trigger trust that the
 * payment is ours. Needs the built package (npm run build); without it the URL goes unsigned and the
 * trigger refuses the notification.
 */
function signedCryptoWebhookUrl(sandbox, url, orderId) {
	try {
		const { signWebhookUrl } = require('../dist/nodes/Kpay/webhookUrl');
		return signWebhookUrl(sandbox.credentials().kpay, url, orderId);
	} catch {
		return url;
	}
}

async function kpayCryptoCompleted(sandbox, { url }) {
	const orderId = `crypto-${next()}`;
	const payment = await ok(sandbox, 'POST', '/kpay/api/v1/gateway/payments', {
		headers: kpayHeaders,
		body: { order_id: orderId, currency: 'usdt_trc20', amount_usd: '49.90', webhook_url: signedCryptoWebhookUrl(sandbox, url, orderId), callback_success: 'https://shop.example.com/checkout/success', callback_failed: 'https://shop.example.com/checkout/failed' },
	});
	const steps = [await control(sandbox, `/kpay/payments/${payment.id}/deposit`)];
	while (steps[steps.length - 1].payment.status !== 'completed') steps.push(await control(sandbox, `/kpay/payments/${payment.id}/confirm`));
	return {
		summary: `crypto payment ${orderId} (USDT ${payment.requested_amount}) deposited and confirmed; KPAY notified at each step (${steps.map((s) => s.payment.status).join(' → ')})`,
		delivery: brief(steps[steps.length - 1].delivery),
	};
}

async function kpayCryptoForged(sandbox, { url }) {
	const payload = { payment_id: crypto.randomUUID(), order_id: `crypto-${next()}`, status: 'completed', confirmations: 2 };
	const delivery = await sandbox.sendWebhook(url, payload, { provider: 'kpay' });
	return { summary: 'a "completed" notification for a payment KPAY does not know', delivery: brief(delivery) };
}

// ---------------------------------------------------------------- the list
/**
 * Every demo: id → { provider, title, forged, run(sandbox, { url }) }. `expect` is the answer the trigger
 * gives: its status, and for KPAY's browser callback the trigger parameter holding the page it redirects to
 * (the tests check both; the home page the status).
 */
const DEMOS = {
	'ezeewallet-transfer-paid': { provider: 'ezeewallet', title: 'eZeeWallet: a customer\'s transfer is paid', run: ezeewalletTransferPaid, expect: { status: 200 } },
	'ezeewallet-forged': { provider: 'ezeewallet', forged: true, title: 'eZeeWallet: a notification with a wrong signature', run: ezeewalletForged, expect: { status: 401 } },
	'kasha-payout-completed': { provider: 'kasha', title: 'Kasha: a payout is approved and paid', run: (sandbox, args) => kashaPayout(sandbox, { ...args, action: 'APPROVE' }), expect: { status: 200 } },
	'kasha-payout-declined': { provider: 'kasha', title: 'Kasha: a payout is declined', run: (sandbox, args) => kashaPayout(sandbox, { ...args, action: 'DECLINE' }), expect: { status: 200 } },
	'kasha-forged': { provider: 'kasha', forged: true, title: 'Kasha: a notification for a payout Kasha never made', run: kashaForged, expect: { status: 401 } },
	'kazawallet-link-paid': { provider: 'kazawallet', title: 'Kazawallet: a customer pays a payment link', run: kazawalletLink, expect: { status: 200 } },
	'kazawallet-link-timed-out': { provider: 'kazawallet', title: 'Kazawallet: a payment link times out', run: (sandbox, args) => kazawalletLink(sandbox, { ...args, status: 'timed_out' }), expect: { status: 200 } },
	'kazawallet-link-forged': { provider: 'kazawallet', forged: true, title: 'Kazawallet: a payment-link webhook with a tampered amount', run: kazawalletLinkForged, expect: { status: 401 } },
	'kazawallet-card-3ds': { provider: 'kazawallet', title: 'Kazawallet: a card payment asks for a 3DS code', run: kazawalletCard3ds, expect: { status: 200 } },
	'kazawallet-card-3ds-forged': { provider: 'kazawallet', forged: true, title: 'Kazawallet: a 3DS request for a card that is not yours', run: kazawalletCard3dsForged, expect: { status: 403 } },
	'kazepay-card-transaction': { provider: 'kazepay', title: 'KazePay: a card is spent (sealed CARD_TRANSACTION event)', run: kazepayCardTransaction, expect: { status: 200 } },
	'kazepay-forged': { provider: 'kazepay', forged: true, title: 'KazePay: an event with a tampered signature', run: kazepayForged, expect: { status: 401 } },
	'kpay-card-paid': { provider: 'kpay', webhookPath: 'callback', title: 'KPAY: a payer pays a card checkout and comes back', run: kpayCardPaid, expect: { status: 302, redirectTo: 'successUrl' } },
	'kpay-card-forged': { provider: 'kpay', webhookPath: 'callback', forged: true, title: 'KPAY: a payer comes back claiming a payment never made', run: kpayCardForged, expect: { status: 302, redirectTo: 'failureUrl' } },
	'kpay-crypto-completed': { provider: 'kpay', webhookPath: 'crypto', title: 'KPAY: a crypto payment completes', run: kpayCryptoCompleted, expect: { status: 200 } },
	'kpay-crypto-forged': { provider: 'kpay', webhookPath: 'crypto', forged: true, title: 'KPAY: a "completed" notification for an unknown payment', run: kpayCryptoForged, expect: { status: 401 } },
};

/** Runs a demo against a started sandbox: { demo, title, forged, summary, delivery: { status, response } }. */
async function runDemo(sandbox, id, { url, ...args } = {}) {
	const demo = DEMOS[id];
	if (!demo) throw Object.assign(new Error(`unknown demo "${id}" (known: ${Object.keys(DEMOS).join(', ')})`), { status: 404 });
	if (!url || !/^https?:\/\//.test(url)) throw Object.assign(new Error('give the webhook URL to notify: {"url": "http://…"}'), { status: 400 });
	const result = await demo.run(sandbox, { url, ...args });
	return { demo: id, title: demo.title, forged: Boolean(demo.forged), ...result };
}

module.exports = { DEMOS, runDemo, kpayCheckout, kazawalletLink };
