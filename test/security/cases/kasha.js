'use strict';
// Kasha's cases for the reliability and security suite (test/security/suite.test.js).
//
// Kasha does not sign notifications: the trigger confirms each one by looking the transaction up with
// Kasha (GET /v2/payments/{id}). So a valid event is a notification for a transaction that really
// exists in the sandbox with the notified status, amount, currency and reference, and a forgery is one
// for a transaction that does not exist, or that disagrees with what Kasha reports.
//
// Money moves that need a session or a transaction first (Post, Refund, Create Payout, Confirm Payout)
// prepare it in `setup` with direct calls to the sandbox's Kasha API (other paths than the one under
// fault). What setup returns joins the node's parameters; the same values are also given as the input
// item (`items`), which the node's default expressions ({{ $json.sessionId }}, ...) read.

const crypto = require('crypto');
const kashaSandbox = require('../../../sandbox/providers/kasha');

const KEY = 'kasha_sandbox_key_7f3a9c';
const SIGNATURE_KEY = kashaSandbox.DEMO.signatureKey;
const VISA_OK = '4111111111111111';
const VISA_DECLINED = '4000000000009995'; // sandbox: 3000 insufficient funds
const CVV = '7391'; // (CVVs have 3-4 digits: too short to scan for, they occur in random hex IDs)
const PIN = '58392017'; // long enough not to occur by chance in the hex IDs the sandbox hands out
const GBP_START = 50_000;
const ARS_START = 1_000_000;
const UNIT = 1e8; // the sandbox keeps amounts in 1e-8 units
const PAYMENT_AMOUNT = 42;
const PAYOUT_AMOUNT = 200;
const PAYOUT_OPTION_ID = 'dfb7a9c4-1e87-4803-9929-091d946999d3'; // AR/ARS Bank Transfer in the sandbox
const UNKNOWN_ID = '6f1c2d3e-4b5a-4c7d-8e9f-0a1b2c3d4e5f';

let counter = 0;
const unique = (what) => `sec-${what}-${process.pid}-${++counter}`;

const hmac = (body, key = SIGNATURE_KEY, encoding = 'base64') => crypto.createHmac('sha256', key).update(body).digest(encoding);

/** One call to the sandbox's Kasha API (as the merchant's other systems would make it), signed. */
async function kasha(sandbox, method, path, body, { allowDeclined = false } = {}) {
	const text = body === undefined ? '' : JSON.stringify(body);
	const response = await fetch(`${sandbox.baseUrl}/kasha${path}`, {
		method,
		headers: { 'content-type': 'application/json', 'x-api-key': KEY, 'x-signature': hmac(text) },
		body: body === undefined ? undefined : text,
	});
	const json = await response.json();
	const first = Array.isArray(json) ? json[0] : json;
	if (!response.ok || first.resultType === 'error' || (first.resultType === 'declined' && !allowDeclined)) {
		throw new Error(`sandbox ${method} ${path} answered ${response.status} ${JSON.stringify(json)}`);
	}
	return first;
}

/** Opens a GB/GBP payment session (transaction CREATED). */
async function openPayment(sandbox, { amount = PAYMENT_AMOUNT, merchantReference = unique('ref') } = {}) {
	const init = await kasha(sandbox, 'POST', '/v2/payment-options', {
		country: 'GB', currency: 'GBP', amount, redirectUrl: 'https://shop.example.com/done', language: 'EN',
		customer: { name: 'Sec Tester' }, merchantReference,
	});
	return {
		sessionId: init.sessionId,
		transactionId: String(init.transactionId).replace(/,$/, ''),
		paymentOptions: init.paymentOptions,
		merchantReference,
		amount,
		currency: 'GBP',
	};
}

/** A card payment: COMPLETED with the approving card, DECLINED with a declining one. */
async function cardPayment(sandbox, { cardnum = VISA_OK, ...options } = {}) {
	const session = await openPayment(sandbox, options);
	const card = session.paymentOptions.find((option) => option.name === 'Card');
	await kasha(
		sandbox,
		'POST',
		'/v2/direct-payment',
		{ sessionId: session.sessionId, paymentOptionId: card.paymentOptionId, extraData: { cardnum, expirymonth: '12', expiryyear: '2031', cardcvv: '123', cardholder: 'Sec Tester' } },
		{ allowDeclined: true },
	);
	return session;
}

/** Opens an AR/ARS payout session (transaction CREATED). */
async function openPayout(sandbox) {
	const merchantReference = unique('payout');
	const init = await kasha(sandbox, 'POST', '/v2/payout-options', {
		country: 'AR', currency: 'ARS', amount: PAYOUT_AMOUNT, redirectUrl: 'https://shop.example.com/payout-done',
		customer: { name: 'John Smith' }, merchantReference,
	});
	return { sessionId: init.sessionId, transactionId: init.transactionId, paymentOptions: init.paymentOptions, merchantReference };
}

/** A payout created and waiting for Confirm (PENDING). */
async function pendingPayout(sandbox) {
	const payout = await openPayout(sandbox);
	await kasha(sandbox, 'POST', '/v2/direct-payout', { sessionId: payout.sessionId, paymentOptionId: PAYOUT_OPTION_ID, optionId: 'd_316', extraData: { name: 'John Smith' } });
	return payout;
}

/** The notification the sandbox (like Kasha's predecessor API) sends for a transaction: the ID in internalId. */
const notificationOf = kashaSandbox.notificationOf;

/** The exact bytes the suite's send() posts for a delivery. */
function bodyOf(delivery) {
	if (delivery.raw !== undefined) return delivery.raw;
	if (delivery.format === 'form') return new URLSearchParams(delivery.payload).toString();
	return typeof delivery.payload === 'string' ? delivery.payload : JSON.stringify(delivery.payload);
}

/** The delivery with a valid x-signature over its exact bytes (as Kasha, or someone holding the key, signs). */
const withSignature = (delivery, signature = hmac(bodyOf(delivery))) => ({ ...delivery, headers: { ...(delivery.headers || {}), 'x-signature': signature } });

/** A forgery of the unsigned list, validly signed: only the lookup can refuse it. */
const signedForgery = (forged) => ({
	name: `${forged.name}, validly signed`,
	maxCalls: forged.maxCalls,
	build: async (sandbox) => withSignature(typeof forged.build === 'function' ? await forged.build(sandbox) : forged),
});

const transactionOf = (sandbox, id) => sandbox.state('kasha').transactions.get(id);
/** A transaction as Kasha's Get Transaction answers it. */
const transactionView = ({ notificationUrl, card, optionId, beneficiary, ...view }) => view;
const transactions = (sandbox, type) => [...sandbox.state('kasha').transactions.values()].filter((t) => t.type === type);

/** A genuine notification for a real transaction, with some fields changed by the forger. */
const tampered = (make, changes) => async (sandbox) => {
	const { transactionId } = await make(sandbox);
	return { payload: { ...notificationOf(transactionOf(sandbox, transactionId)), ...changes } };
};
const paid = (sandbox) => cardPayment(sandbox);

// Inputs prepared by the money moves' setup, read by their `items` getters (see the header).
const prepared = {};

const card = (overrides = {}) => ({ cardNumber: VISA_OK, cvv: CVV, expiryMonth: '12', expiryYear: '2031', cardholder: 'Sec Tester', ...overrides });
const paySession = (overrides = {}) => ({
	resource: 'payment', operation: 'pay', country: 'GB', currency: 'GBP', amount: String(PAYMENT_AMOUNT), redirectUrl: 'https://shop.example.com/done',
	language: 'EN', customerName: 'Sec Tester', paymentOptionName: 'Card', card: card(), idempotencyKey: 'sec-pay', ...overrides,
});
const initiate = (overrides = {}) => ({
	resource: 'payment', operation: 'initiate', country: 'GB', currency: 'GBP', amount: '42', redirectUrl: 'https://shop.example.com/done',
	language: 'EN', customerName: 'Sec Tester', ...overrides,
});
const payoutInitiate = (overrides = {}) => ({
	resource: 'payout', operation: 'initiate', country: 'AR', currency: 'ARS', amount: '200', redirectUrl: 'https://shop.example.com/payout-done',
	customerName: 'John Smith', ...overrides,
});
const GB_OPTIONS = JSON.stringify([{ paymentOptionId: 'a'.repeat(96), name: 'Card' }, { paymentOptionId: 'b'.repeat(96), name: 'Bank Transfer' }]);
const post = (overrides = {}) => ({
	resource: 'payment', operation: 'post', sessionId: 'd3c1e5a0-0000-4000-8000-000000000001', sessionPaymentOptions: GB_OPTIONS, paymentOption: 'Card', card: card(), idempotencyKey: 'sec-post', ...overrides,
});

/** Money moved in the sandbox's GBP balance by card payments (each adds the payment amount). */
const gbpPayments = (sandbox) => (sandbox.state('kasha').balances.GBP - GBP_START * UNIT) / (PAYMENT_AMOUNT * UNIT);

/** Forgeries the lookup must refuse: unknown transactions, IDs that move the lookup, tampered fields, bad bodies. */
const LOOKUP_FORGERIES = [
	// transactions that do not exist
	{ name: 'unknown transaction', payload: { transactionId: UNKNOWN_ID, status: 'COMPLETED', amount: 42, currency: 'GBP' } },
	{ name: 'unknown transaction (transaction_id)', payload: { transaction_id: UNKNOWN_ID, status: 'COMPLETED' } },
	{ name: 'unknown transaction (result.transactionId)', payload: { result: { transactionId: UNKNOWN_ID }, status: 'COMPLETED' } },
	{ name: 'unknown transaction (id)', payload: { id: UNKNOWN_ID, status: 'COMPLETED' } },
	{ name: 'unknown transaction, form-encoded', payload: { transactionId: UNKNOWN_ID, status: 'COMPLETED', amount: '42', currency: 'GBP' }, format: 'form' },
	{ name: 'real ID upper-cased', build: async (sandbox) => {
		const { transactionId } = await paid(sandbox);
		return { payload: { ...notificationOf(transactionOf(sandbox, transactionId)), transactionId: transactionId.toUpperCase() } };
	} },
	{ name: 'real ID with a suffix', build: async (sandbox) => ({ payload: { transactionId: `${(await paid(sandbox)).transactionId}x`, status: 'COMPLETED' } }) },
	{ name: 'path traversal in the ID', maxCalls: 0, payload: { transactionId: '../payment-options', status: 'COMPLETED' } },
	{ name: 'dot-dot ID', maxCalls: 0, payload: { transactionId: '..', status: 'COMPLETED' } },
	{ name: 'dot ID', maxCalls: 0, payload: { transactionId: '.', status: 'COMPLETED' } },
	// IDs that make the lookup URL point elsewhere ("." and ".." are path segments that URL handling
	// removes): whatever answers there (here a transaction list, a status page) must not confirm them
	{
		name: 'dot ID, the lookup URL becoming a transaction list', maxCalls: 0,
		build: async (sandbox) => {
			const { transactionId } = await paid(sandbox);
			sandbox.injectFault({ provider: 'kasha', path: /^\/v2\/payments\/?$/, kind: 'status', status: 200, body: [transactionView(transactionOf(sandbox, transactionId))] });
			return { payload: { transactionId: '.' } };
		},
	},
	{
		name: 'dot-dot ID, the lookup URL becoming another endpoint', maxCalls: 0,
		build: async (sandbox) => {
			sandbox.injectFault({ provider: 'kasha', path: /^\/v2\/?$/, kind: 'status', status: 200, body: { status: 'COMPLETED', version: '2' } });
			return { payload: { transactionId: '..' } };
		},
	},
	{
		name: 'lookup answered with another transaction',
		build: async (sandbox) => {
			const { transactionId } = await paid(sandbox);
			sandbox.injectFault({ provider: 'kasha', path: `/v2/payments/${UNKNOWN_ID}`, kind: 'status', status: 200, body: transactionView(transactionOf(sandbox, transactionId)) });
			return { payload: { transactionId: UNKNOWN_ID } };
		},
	},
	{ name: 'ID with a query string', maxCalls: 0, build: async (sandbox) => ({ payload: { transactionId: `${(await paid(sandbox)).transactionId}?status=COMPLETED`, status: 'COMPLETED' } }) },
	{ name: 'ID with CRLF', maxCalls: 0, payload: { transactionId: `${UNKNOWN_ID}\r\nX-Injected: 1`, status: 'COMPLETED' } },
	{ name: 'SQL injection as ID', maxCalls: 0, payload: { transactionId: "' OR '1'='1", status: 'COMPLETED' } },
	{ name: 'prototype pollution', raw: `{"__proto__":{"transactionId":"${UNKNOWN_ID}"},"constructor":{"prototype":{"status":"COMPLETED"}}}` },
	// real transactions, notified with another status, amount, currency or reference
	{ name: 'real payment, status tampered', build: tampered(paid, { status: 'REFUNDED' }) },
	{ name: 'real payment, status in lower case tampered', build: tampered(paid, { status: 'declined' }) },
	{ name: 'real payment, amount tampered', build: tampered(paid, { amount: 4200 }) },
	{ name: 'real payment, amount off by a cent', build: tampered(paid, { amount: '42.01' }) },
	{ name: 'real payment, amount not a number', build: tampered(paid, { amount: '42abc' }) },
	{ name: 'real payment, paymentAmount tampered', build: tampered(paid, { paymentAmount: 1 }) },
	{ name: 'real payment, currency tampered', build: tampered(paid, { currency: 'USD' }) },
	{ name: 'real payment, merchant reference tampered', build: tampered(paid, { merchantReference: 'order-of-someone-else' }) },
	{ name: 'real payment, every field tampered, form-encoded', build: async (sandbox) => ({ ...(await tampered(paid, { status: 'COMPLETED', amount: '99999', currency: 'EUR' })(sandbox)), format: 'form' }) },
	{ name: 'unpaid session claimed COMPLETED', build: tampered(openPayment, { status: 'COMPLETED' }) },
	{ name: 'declined payment claimed COMPLETED', build: tampered((sandbox) => cardPayment(sandbox, { cardnum: VISA_DECLINED }), { status: 'COMPLETED' }) },
	{ name: 'pending payout claimed COMPLETED', build: tampered(pendingPayout, { status: 'COMPLETED' }) },
	{
		name: 'old COMPLETED notification replayed after a refund',
		build: async (sandbox) => {
			const payment = await paid(sandbox);
			const old = notificationOf(transactionOf(sandbox, payment.transactionId));
			await kasha(sandbox, 'POST', '/v2/refund/by-reference', { merchantReference: payment.merchantReference });
			return { payload: old };
		},
	},
	// missing or unusable IDs
	{ name: 'no transaction ID', maxCalls: 0, payload: { status: 'COMPLETED', amount: 42, currency: 'GBP' } },
	{ name: 'empty transaction ID', maxCalls: 0, payload: { transactionId: '', status: 'COMPLETED' } },
	{ name: 'blank transaction ID', maxCalls: 0, payload: { transactionId: '   ', status: 'COMPLETED' } },
	{ name: 'transaction ID as an array', maxCalls: 0, payload: { transactionId: [UNKNOWN_ID], status: 'COMPLETED' } },
	{ name: 'transaction ID as an object', maxCalls: 0, payload: { transactionId: { $ne: null }, status: 'COMPLETED' } },
	{ name: 'transaction ID of 10,000 characters', maxCalls: 0, payload: { transactionId: 'a'.repeat(10_000), status: 'COMPLETED' } },
	// malformed and oversized bodies
	{ name: 'malformed JSON', raw: `{"transactionId":"${UNKNOWN_ID}","status":` },
	{ name: 'not JSON at all', maxCalls: 0, raw: '<xml><transactionId>1</transactionId></xml>' },
	{ name: 'empty body', maxCalls: 0, raw: '' },
	{ name: 'JSON array body', raw: `[{"transactionId":"${UNKNOWN_ID}","status":"COMPLETED"}]` },
	{ name: 'JSON null body', maxCalls: 0, raw: 'null' },
	{ name: 'oversized body (2 MiB), unknown transaction', maxCalls: 0, payload: { transactionId: UNKNOWN_ID, status: 'COMPLETED', padding: 'x'.repeat(2 * 1024 * 1024) } },
	{
		name: 'oversized body (2 MiB), real payment with tampered status', maxCalls: 0,
		build: async (sandbox) => ({ payload: { ...(await tampered(paid, { status: 'REFUNDED' })(sandbox)).payload, padding: 'x'.repeat(2 * 1024 * 1024) } }),
	},
	// amplification: Kasha failing on the lookup. Inside a webhook the shared transport does not retry reads
	// (the provider redelivers), and the trigger's LookupBudget counts every attempt: one call, then a
	// retryable 503. A second call would reach Kasha, be answered 404 and show up as over the limit.
	...[
		['answers 503', { kind: 'status', status: 503 }],
		['drops the connection', { kind: 'drop' }],
	].map(([how, fault]) => ({
		name: `unknown transaction while every lookup ${how}`,
		maxCalls: 1,
		build: async (sandbox) => {
			sandbox.injectFault({ provider: 'kasha', path: /^\/v2\/payments\//, times: 1, ...fault });
			return { payload: { transactionId: UNKNOWN_ID, status: 'COMPLETED' } };
		},
	})),
];

/** A real payment's genuine notification, with its valid signature (the forger saw one go by). */
async function genuine(sandbox) {
	const { transactionId } = await paid(sandbox);
	return withSignature({ payload: notificationOf(transactionOf(sandbox, transactionId)) });
}

/** Forgeries only the x-signature refuses: each is about a real payment, with content the lookup would confirm. */
const SIGNATURE_FORGERIES = [
	{ name: 'real payment, true content, unsigned', build: async (sandbox) => ({ payload: (await genuine(sandbox)).payload }) },
	{ name: 'real payment, empty x-signature', build: async (sandbox) => withSignature(await genuine(sandbox), '') },
	{ name: 'real payment, signed with another key', build: async (sandbox) => withSignature({ payload: (await genuine(sandbox)).payload }, hmac(JSON.stringify((await genuine(sandbox)).payload), 'not-the-merchant-key')) },
	{ name: 'real payment, signed with the API key', build: async (sandbox) => { const g = await genuine(sandbox); return withSignature(g, hmac(bodyOf(g), KEY)); } },
	{ name: 'real payment, hex instead of Base64', build: async (sandbox) => { const g = await genuine(sandbox); return withSignature(g, hmac(bodyOf(g), SIGNATURE_KEY, 'hex')); } },
	{ name: 'real payment, SHA-1 instead of SHA-256', build: async (sandbox) => { const g = await genuine(sandbox); return withSignature(g, crypto.createHmac('sha1', SIGNATURE_KEY).update(bodyOf(g)).digest('base64')); } },
	{ name: 'real payment, the signature key itself as signature', build: async (sandbox) => withSignature(await genuine(sandbox), SIGNATURE_KEY) },
	{
		name: 'refunded payment, old signed COMPLETED body with status changed to REFUNDED',
		build: async (sandbox) => {
			const g = await genuine(sandbox);
			await kasha(sandbox, 'POST', '/v2/refund/by-reference', { merchantReference: g.payload.merchantReference });
			return { ...g, payload: { ...g.payload, status: 'REFUNDED' } };
		},
	},
	{ name: 'real payment, signature of another notification', build: async (sandbox) => { const a = await genuine(sandbox); const b = await genuine(sandbox); return { ...a, headers: b.headers }; } },
	{ name: 'real payment, form-encoded, signature of its JSON', build: async (sandbox) => { const g = await genuine(sandbox); return { payload: g.payload, format: 'form', headers: g.headers }; } },
];

module.exports = {
	provider: 'kasha',
	// for test/kasha/trigger.test.js, which checks that these reach the lookup (signatures valid) and the others do not
	LOOKUP_FORGERIES,
	SIGNATURE_FORGERIES,
	signedForgery,
	bodyOf,
	credentials: (sandbox) => ({ kashaApi: sandbox.credentials().kasha }),
	node: 'kasha',

	triggers: [
		{
			name: 'Kasha Trigger',
			type: 'kashaTrigger',
			parameters: {},
			// a card payment really made in the sandbox, notified and signed as the sandbox (Kasha) does it
			valid: async (n, sandbox) => {
				const { transactionId } = await cardPayment(sandbox, { merchantReference: unique(`valid-${n}`) });
				return withSignature({ payload: notificationOf(transactionOf(sandbox, transactionId)) });
			},
			// the same event, pretty-printed: the signature covers it through Kasha's re-serialised JSON; it must not run twice
			replays: async (valid) => [{ raw: JSON.stringify(valid.payload, null, 2), headers: valid.headers }],
			// with the key, nothing unsigned reaches Kasha: the signature forgeries cause no call at all
			forged: [...SIGNATURE_FORGERIES.map((forged) => ({ maxCalls: 0, ...forged })), ...LOOKUP_FORGERIES.map(signedForgery)],
			maxCallsPerRequest: 3, // LOOKUP_BUDGET
		},
		{
			name: 'Kasha Trigger (no signature key)',
			type: 'kashaTrigger',
			parameters: {},
			credentials: (sandbox) => ({ kashaApi: { ...sandbox.credentials().kasha, signatureSecretKey: '' } }),
			valid: async (n, sandbox) => {
				const { transactionId } = await cardPayment(sandbox, { merchantReference: unique(`valid-nokey-${n}`) });
				return { payload: notificationOf(transactionOf(sandbox, transactionId)) };
			},
			forged: LOOKUP_FORGERIES,
			maxCallsPerRequest: 3, // LOOKUP_BUDGET
		},
	],

	moneyOps: [
		{
			name: 'post payment (card)',
			setup: async (sandbox) => {
				const session = await openPayment(sandbox);
				prepared.post = [{ sessionId: session.sessionId, transactionId: session.transactionId, paymentOptions: session.paymentOptions }];
				return { sessionId: session.sessionId, sessionPaymentOptions: JSON.stringify(session.paymentOptions) };
			},
			get items() {
				return prepared.post;
			},
			parameters: { resource: 'payment', operation: 'post', paymentOption: 'Card', card: card() },
			path: '/v2/direct-payment',
			movements: gbpPayments,
		},
		{
			name: 'pay (initiate and post), card',
			// no Merchant Reference (the key's default): a refused item's session has used its reference up at Kasha
			// (3017 on the re-run the matrix makes), so the Idempotency Key itself is the per-item reference here
			reference: 'idempotencyKey',
			parameters: paySession({ idempotencyKey: 'sec-pay-card' }),
			path: '/v2/direct-payment',
			movements: gbpPayments,
		},
		{
			name: 'pay (initiate and post), local method with PIN',
			reference: 'idempotencyKey',
			parameters: paySession({
				idempotencyKey: 'sec-pay-pin',
				country: 'RU', currency: 'RUB', amount: '500', paymentOptionName: 'Online Banking', subOption: 'Alfa-Bank', card: {},
				methodFields: { field: [{ name: 'phone', value: '+79991234567' }, { name: 'pin', value: PIN }] },
			}),
			path: '/v2/direct-payment',
			// local methods stay PENDING until the customer pays: a posted payment is the movement
			movements: (sandbox) => transactions(sandbox, 'payment').filter((t) => t.status !== 'CREATED').length,
		},
		// Post, Create Payout and Confirm need one Kasha session / payout per item, and Refund one paid payment
		// per item, which a setup shared by the items cannot give: no `reference` (the ledger matrix runs their
		// single-item scenarios); Pay opens its own session per item, so it has one.
		{
			name: 'refund',
			setup: async (sandbox) => {
				await cardPayment(sandbox, { merchantReference: 'sec-refund-1' });
			},
			parameters: { resource: 'payment', operation: 'refund', merchantReference: 'sec-refund-1' },
			path: '/v2/refund/by-reference',
			// the payment added the amount once; every refund takes it back
			movements: (sandbox) => 1 - gbpPayments(sandbox),
		},
		{
			name: 'create payout',
			setup: async (sandbox) => {
				const payout = await openPayout(sandbox);
				prepared.createPayout = [{ sessionId: payout.sessionId, transactionId: payout.transactionId, paymentOptions: payout.paymentOptions }];
				return { sessionId: payout.sessionId, sessionPaymentOptions: JSON.stringify(payout.paymentOptions) };
			},
			get items() {
				return prepared.createPayout;
			},
			parameters: { resource: 'payout', operation: 'create', paymentOption: 'Bank Transfer', optionId: 'd_316', methodFields: { field: [{ name: 'name', value: 'John Smith' }] } },
			path: '/v2/direct-payout',
			movements: (sandbox) => transactions(sandbox, 'payout').filter((t) => t.status !== 'CREATED').length,
		},
		{
			name: 'confirm payout (approve)',
			setup: async (sandbox) => {
				const payout = await pendingPayout(sandbox);
				prepared.confirm = [{ transactionId: payout.transactionId }];
				return { transactionId: payout.transactionId };
			},
			get items() {
				return prepared.confirm;
			},
			parameters: { resource: 'payout', operation: 'confirm', settleAction: 'APPROVE' },
			path: '/v2/settle-payout',
			// the balance is debited once per approved payout
			movements: (sandbox) => (ARS_START * UNIT - sandbox.state('kasha').balances.ARS) / (PAYOUT_AMOUNT * UNIT),
		},
		{
			name: 'confirm payout (decline)',
			setup: async (sandbox) => {
				const payout = await pendingPayout(sandbox);
				prepared.decline = [{ transactionId: payout.transactionId }];
				return { transactionId: payout.transactionId };
			},
			get items() {
				return prepared.decline;
			},
			parameters: { resource: 'payout', operation: 'confirm', settleAction: 'DECLINE' },
			path: '/v2/settle-payout',
			movements: (sandbox) => transactions(sandbox, 'payout').filter((t) => t.status === 'DECLINED').length,
		},
	],

	reads: [
		{
			name: 'get status',
			setup: async (sandbox) => ({ transactionId: (await cardPayment(sandbox)).transactionId }),
			parameters: { resource: 'payment', operation: 'getStatus' },
			path: /^\/v2\/payments\//,
		},
		// Initiate and the hosted cashier links open sessions: createOnce, sent once (test/kasha/ledger.test.js)
		{
			name: 'get payment sub-options',
			setup: async (sandbox) => {
				const session = await openPayment(sandbox);
				return { sessionId: session.sessionId, sessionPaymentOptions: JSON.stringify(session.paymentOptions), paymentOption: 'Bank Transfer' };
			},
			parameters: { resource: 'payment', operation: 'getSubOptions' },
			path: '/v2/payment-suboptions',
		},
	],

	badInput: [
		// country, currency, amount (fiat and crypto decimals)
		['Country', initiate({ country: 'GBR' })],
		['Country', initiate({ country: "G' OR '1'='1" })],
		['Country', initiate({ country: 'G\r\nB' })],
		['Country', initiate({ country: '  ' })],
		['Currency', initiate({ currency: 'GB$' })],
		['Currency', initiate({ currency: 'POUNDS' })],
		['Currency', initiate({ currency: '<script>alert(1)</script>' })],
		['Amount', initiate({ amount: '42.001' })],
		['Amount', initiate({ currency: 'USDT', country: 'DE', amount: '0.000000001' })],
		['Amount', initiate({ currency: 'BTC', amount: '1.123456789' })],
		['Amount', initiate({ amount: '-42' })],
		['Amount', initiate({ amount: '0' })],
		['Amount', initiate({ amount: '0.00' })],
		['Amount', initiate({ amount: '4.2e1' })],
		['Amount', initiate({ amount: '42,00' })],
		['Amount', initiate({ amount: 'NaN' })],
		['Amount', initiate({ amount: 'Infinity' })],
		['Amount', initiate({ amount: '1; DROP TABLE payments' })],
		['Amount', initiate({ amount: '9'.repeat(400) })],
		['Amount', paySession({ amount: ' ' })],
		['Amount', payoutInitiate({ amount: '200.005' })],
		// URLs, language, texts and their length limits
		['Redirect URL', initiate({ redirectUrl: 'javascript:alert(1)' })],
		['Redirect URL', initiate({ redirectUrl: 'file:///etc/passwd' })],
		['Redirect URL', initiate({ redirectUrl: `https://shop.example.com/${'a'.repeat(500)}` })],
		['Redirect URL', initiate({ redirectUrl: 'shop.example.com/done' })],
		['Notification URL', initiate({ additionalFields: { notificationUrl: 'ftp://attacker.example/x' } })],
		['Language', initiate({ language: 'ENG' })],
		['Language', initiate({ language: '<b>' })],
		['Language', initiate({ language: ' ' })],
		['Language', payoutInitiate({ operation: 'getHostedCashierLink', additionalFields: { language: 'E\nN' } })],
		['Customer Name', initiate({ customerName: '\t' })],
		['Customer Name', initiate({ customerName: 'x'.repeat(256) })],
		['Email', initiate({ customerDetails: { email: 'john@example.com\r\nBcc: all@example.com' } })],
		['Email', initiate({ customerDetails: { email: '"><script>@x.y' } })],
		['Phone', initiate({ customerDetails: { phone: '+44 20; rm -rf /' } })],
		['IP Address', initiate({ customerDetails: { ip: '127.0.0.1; DROP TABLE' } })],
		['IP Address', initiate({ customerDetails: { ip: '999.999.999.999' } })],
		['User Agent', initiate({ customerDetails: { userAgent: 'A'.repeat(1001) } })],
		['Customer Address Country', initiate({ customerAddress: { country: 'G1' } })],
		['Customer Address Zip Code', initiate({ customerAddress: { zipCode: '9'.repeat(256) } })],
		['Shipping Address Country', initiate({ shippingAddress: { country: 'United Kingdom' } })],
		['Identity Document Type', initiate({ identityDocument: { number: '36570630563' } })],
		['Identity Document Number', initiate({ identityDocument: { type: 'BRA_CPF' } })],
		['Order Details product 1 Quantity', initiate({ orderDetails: { product: [{ productName: 'Tea', quantity: 0 }] } })],
		['Order Details product 1 Product Name', initiate({ orderDetails: { product: [{ productName: '', quantity: 1 }] } })],
		['Merchant Reference', initiate({ additionalFields: { merchantReference: 'r'.repeat(256) } })],
		['Payment Reference', initiate({ additionalFields: { paymentReference: 'p'.repeat(256) } })],
		['Extra 1', initiate({ operation: 'getHostedCashierLink', additionalFields: { extra1: 'e'.repeat(256) } })],
		['Tax', initiate({ additionalFields: { tax: 't'.repeat(256) } })],
		['Merchant Domain', payoutInitiate({ additionalFields: { merchantDomain: `${'d'.repeat(250)}.example` } })],
		['Merchant Reference', { resource: 'payment', operation: 'refund', merchantReference: 'r'.repeat(256), idempotencyKey: 'sec-refund' }],
		['Merchant Reference', { resource: 'payment', operation: 'refund', merchantReference: '   ', idempotencyKey: 'sec-refund' }],
		// card data
		['Card Number', paySession({ card: card({ cardNumber: '4111111111111112' }) })],
		['Card Number', paySession({ card: card({ cardNumber: '1234567890123' }) })],
		['Card Number', paySession({ card: card({ cardNumber: "4111111111111111' OR 1=1" }) })],
		['Card Number', paySession({ card: card({ cardNumber: '4'.repeat(30) }) })],
		['Card Number', paySession({ card: {} })],
		['Card Number', post({ card: card({ cardNumber: '' }) })],
		['CVV', paySession({ card: card({ cvv: '12' }) })],
		['CVV', paySession({ card: card({ cvv: '12345' }) })],
		['CVV', post({ card: card({ cvv: '1a3' }) })],
		['Expiry Month', paySession({ card: card({ expiryMonth: '13' }) })],
		['Expiry Month', paySession({ card: card({ expiryMonth: '00' }) })],
		['Expiry Year', paySession({ card: card({ expiryYear: '203' }) })],
		['Expiry Year', post({ card: card({ expiryYear: '2O31' }) })],
		['Cardholder Name', paySession({ card: card({ cardholder: 'c'.repeat(256) }) })],
		['Cardholder Name', post({ card: card({ cardholder: '' }) })],
		// sessions, options and IDs of the later steps
		['Session ID', post({ sessionId: '  ' })],
		['Session ID', post({ sessionId: 's'.repeat(256) })],
		['Payment Option', post({ paymentOption: 'Bitcoin' })],
		['Payment Option', post({ paymentOption: "Card' OR '1'='1" })],
		['Payment Option', paySession({ paymentOptionName: ' ' })],
		['Sub-Option', post({ paymentOption: 'Bank Transfer', card: {}, optionId: 'o'.repeat(256) })],
		['Method Fields 1 Name', post({ paymentOption: 'Bank Transfer', card: {}, methodFields: { field: [{ name: '', value: 'x' }] } })],
		['Method Fields "phone" Value', post({ paymentOption: 'Bank Transfer', card: {}, methodFields: { field: [{ name: 'phone', value: '1'.repeat(1001) }] } })],
		['Transaction ID', { resource: 'payment', operation: 'getStatus', transactionId: ' ' }],
		['Transaction ID', { resource: 'payment', operation: 'getStatus', transactionId: 't'.repeat(256) }],
		['Transaction ID', { resource: 'payment', operation: 'getStatus', transactionId: '../payout' }],
		['Transaction ID', { resource: 'payout', operation: 'confirm', transactionId: `${UNKNOWN_ID}\r\nX-Injected: 1`, settleAction: 'APPROVE' }],
		['Action', { resource: 'payout', operation: 'confirm', transactionId: UNKNOWN_ID, settleAction: 'APPROVE; DROP TABLE payouts' }],
	],

	/** Values that must never be seen in outputs, errors or logs. */
	secrets: () => [
		KEY,
		SIGNATURE_KEY, // the merchant's signature secret key (signs requests, checks notifications)
		'secret-wrong-key', // a wrong key a Kasha test uses: must not be echoed either
		// full card numbers the Kasha tests, the sandbox and these cases use
		VISA_OK,
		VISA_DECLINED,
		'4000000000000002',
		'4000000000000127',
		'4000000000000069',
		'4000000000003220',
		'4111111111111112',
		// the PIN of the local-method payment
		PIN,
		// a CVV alone is too short to scan for (4 digits occur in random hex IDs): scanned as the field that would carry it
		`"cardcvv":"${CVV}"`,
		`"cvv":"${CVV}"`,
	],
};
