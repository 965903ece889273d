'use strict';
// KPAY's cases for the reliability and security suite (test/security/suite.test.js).
// Both webhooks of the KPAY Trigger: the card-to-card callback (GET from the payer's browser with
// ?authority=…, answered with a redirect) and the crypto notification (unsigned POST, confirmed by
// fetching the payment from KPAY). Valid events are real sandbox transactions and payments.
const path = require('path');
const { DEMO } = require('../../../sandbox/providers/kpay');
const { PACKAGE_ROOT } = require('../../harness/n8n');
const { orderSignature } = require(path.join(PACKAGE_ROOT, 'dist/nodes/Kpay/webhookUrl'));

const SUCCESS = 'https://shop.example.com/paid';
const FAILURE = 'https://shop.example.com/failed';
const AMOUNT = 250000;
const UNKNOWN_PAYMENT = '2f1c1c9e-0000-4000-8000-000000000000';
/** A second KPAY merchant (an attacker with an account of their own), and their card. */
const OTHER = { name: 'Other Merchant', mobile: '09351112233', password: 'other-merchant-pass', card: '6104337812345674' };

const state = (sandbox) => sandbox.state('kpay');

/** Calls the sandbox's KPAY API the way KPAY's own clients would (not through the node). */
async function api(sandbox, method, path, body, token) {
	const response = await fetch(`${sandbox.urls().kpay}${path}`, {
		method,
		headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
		body: body === undefined ? undefined : JSON.stringify(body),
		redirect: 'manual',
	});
	const text = await response.text();
	let json;
	try {
		json = JSON.parse(text);
	} catch {
		json = undefined;
	}
	if (response.status >= 400) throw new Error(`sandbox ${method} ${path}: ${response.status} ${text}`);
	return { status: response.status, body: json, location: response.headers.get('location') };
}

async function control(sandbox, path, body = {}) {
	const response = await fetch(`${sandbox.baseUrl}/_control/kpay${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
	return await response.json();
}

async function login(sandbox, mobile = DEMO.mobile, password = DEMO.password) {
	return (await api(sandbox, 'POST', '/auth/login', { username: mobile, password })).body.access_token;
}

/** A card-to-card transaction of the demo merchant (or of `owner`), paid on the payment page unless `pay` is false. */
async function transaction(sandbox, { amount = AMOUNT, pay = true, owner } = {}) {
	let token;
	let shopId;
	let cardId;
	if (owner) {
		try {
			token = (await api(sandbox, 'POST', '/auth/register', { name: owner.name, mobile: owner.mobile, password: owner.password })).body.access_token;
		} catch {
			token = await login(sandbox, owner.mobile, owner.password);
		}
		shopId = (await api(sandbox, 'POST', '/shops', { name: 'Other Shop' }, token)).body.id;
		const existing = state(sandbox).cards.find((c) => c.card_number === owner.card);
		cardId = existing ? existing.id : (await api(sandbox, 'POST', '/cards', { card_number: owner.card, owner_name: owner.name }, token)).body.id;
	} else {
		token = await login(sandbox);
		shopId = state(sandbox).shops[0].id;
		cardId = state(sandbox).cards[0].id;
	}
	const created = (await api(sandbox, 'POST', '/transactions/create', { shop_id: shopId, card_id: cardId, amount, callback_url: `https://n8n.example.com/cb?amount=${amount}`, fee_side: 'customer' }, token)).body;
	if (pay) await api(sandbox, 'POST', `/pay/${created.authority}`, { action: 'pay' });
	return created.authority;
}

/** A crypto payment of the demo merchant (or of `owner`), moved to `status` through the sandbox's chain events, without notifying. */
async function payment(sandbox, { orderId, status = 'completed', owner } = {}) {
	let token;
	if (owner) {
		try {
			token = (await api(sandbox, 'POST', '/auth/register', { name: owner.name, mobile: owner.mobile, password: owner.password })).body.access_token;
		} catch {
			token = await login(sandbox, owner.mobile, owner.password);
		}
	} else {
		token = await login(sandbox);
	}
	const created = (await api(sandbox, 'POST', '/gateway/payments', { order_id: orderId, currency: 'usdt_trc20', amount_usd: 40 }, token)).body;
	if (status === 'confirming' || status === 'completed') await control(sandbox, `/payments/${created.id}/deposit`, { notify: false });
	if (status === 'completed') for (let i = 0; i < 2; i++) await control(sandbox, `/payments/${created.id}/confirm`, { notify: false });
	if (status === 'expired') await control(sandbox, `/payments/${created.id}/expire`, { notify: false });
	if (status === 'failed') await control(sandbox, `/payments/${created.id}/fail`, { notify: false });
	return created;
}

const callback = (query) => ({ webhook: 'setup', method: 'GET', query });
const notification = (payload, extra = {}) => ({ webhook: 'default', payload, ...extra });
/** The query Create Payment adds to the webhook URL (order ID signed with the sandbox credential). */
const signedFor = (sandbox, orderId, signature = orderSignature(sandbox.credentials().kpay, orderId)) =>
	`?${new URLSearchParams({ kpay_order: orderId, kpay_sig: signature })}`;

const cardCallback = {
	name: 'KPAY Trigger (card-to-card callback)',
	type: 'kpayTrigger',
	parameters: { successUrl: SUCCESS, failureUrl: FAILURE },
	failureRedirect: FAILURE,
	valid: async (n, sandbox) => callback({ authority: await transaction(sandbox), amount: String(AMOUNT), status: 'OK', order: `sec-${n}` }),
	forged: [
		{ name: 'unknown authority', ...callback({ authority: 'KPFORGED00000000000000', amount: String(AMOUNT), status: 'OK' }) },
		{ name: 'unpaid (pending) transaction with status=OK', build: async (sandbox) => callback({ authority: await transaction(sandbox, { pay: false }), amount: String(AMOUNT), status: 'OK' }) },
		{ name: 'paid transaction, lower amount in the query', build: async (sandbox) => callback({ authority: await transaction(sandbox), amount: '1000', status: 'OK' }) },
		{ name: 'paid transaction, higher amount in the query', build: async (sandbox) => callback({ authority: await transaction(sandbox), amount: String(AMOUNT * 10), status: 'OK' }) },
		{ name: 'paid transaction, final amount (with fee) in the query', build: async (sandbox) => callback({ authority: await transaction(sandbox), amount: String(AMOUNT + AMOUNT / 100), status: 'OK' }) },
		{
			name: 'cancelled transaction with status=OK',
			build: async (sandbox) => {
				const authority = await transaction(sandbox, { pay: false });
				await control(sandbox, `/transactions/${authority}/cancel`);
				return callback({ authority, amount: String(AMOUNT), status: 'OK' });
			},
		},
		{
			name: 'expired transaction with status=OK',
			build: async (sandbox) => {
				const authority = await transaction(sandbox, { pay: false });
				await control(sandbox, `/transactions/${authority}/expire`);
				return callback({ authority, amount: String(AMOUNT), status: 'OK' });
			},
		},
		{
			// an attacker with a KPAY account of their own pays a transaction of their own shop (to their own
			// card) and presents it to this trigger, with its own amount
			name: "another merchant's paid transaction, with its amount",
			build: async (sandbox) => callback({ authority: await transaction(sandbox, { owner: OTHER }), amount: String(AMOUNT), status: 'OK' }),
		},
		{
			name: "another merchant's transaction already verified by them",
			build: async (sandbox) => {
				const authority = await transaction(sandbox, { owner: OTHER });
				await api(sandbox, 'POST', '/transactions/verify', { authority });
				return callback({ authority, amount: String(AMOUNT), status: 'OK' });
			},
		},
		{ name: 'a crypto payment ID as authority', build: async (sandbox) => callback({ authority: (await payment(sandbox, { orderId: 'X-1' })).id, amount: '40', status: 'OK' }) },
		{ name: 'no query at all', ...callback({}) },
		{ name: 'authority without amount', build: async (sandbox) => callback({ authority: await transaction(sandbox), status: 'OK' }) },
		{ name: 'amount without authority', ...callback({ amount: String(AMOUNT), status: 'OK' }) },
		{ name: 'empty authority', ...callback({ authority: '', amount: String(AMOUNT) }) },
		{ name: 'path traversal in authority', ...callback({ authority: '../../auth/me', amount: String(AMOUNT) }) },
		// path segments: "." and ".." (also percent-encoded), a slash, a backslash
		{ name: 'authority "."', ...callback({ authority: '.', amount: String(AMOUNT) }) },
		{ name: 'authority ".."', ...callback({ authority: '..', amount: String(AMOUNT) }) },
		{ name: 'authority "%2e%2e"', method: 'GET', webhook: 'setup', search: `?authority=%2e%2e&amount=${AMOUNT}` },
		{ name: 'authority with a slash', ...callback({ authority: 'KP1/check', amount: String(AMOUNT) }) },
		{ name: 'authority with a backslash', ...callback({ authority: 'KP1\\..', amount: String(AMOUNT) }) },
		{ name: 'SQL injection in authority', ...callback({ authority: "KP1' OR '1'='1", amount: String(AMOUNT) }) },
		{ name: 'CRLF in authority', ...callback({ authority: 'KP1\r\nSet-Cookie: a=b', amount: String(AMOUNT) }) },
		{ name: 'template injection in authority', ...callback({ authority: '${jndi:ldap://x}', amount: String(AMOUNT) }) },
		{ name: 'malformed percent-encoding', method: 'GET', webhook: 'setup', search: '?authority=%ZZ%&amount=%' },
		{ name: 'decimal amount', build: async (sandbox) => callback({ authority: await transaction(sandbox), amount: '250000.0' }) },
		{ name: 'negative amount', build: async (sandbox) => callback({ authority: await transaction(sandbox), amount: `-${AMOUNT}` }) },
		{ name: 'exponent amount', build: async (sandbox) => callback({ authority: await transaction(sandbox), amount: '2.5e5' }) },
		{ name: 'hex amount', build: async (sandbox) => callback({ authority: await transaction(sandbox), amount: '0x3D090' }) },
		{ name: 'amount beyond 2^53', build: async (sandbox) => callback({ authority: await transaction(sandbox), amount: '9007199254990993' }) },
		{ name: 'oversized authority (129 characters)', ...callback({ authority: `KP${'A'.repeat(127)}`, amount: String(AMOUNT) }) },
		{ name: 'oversized query string (12 KiB)', ...callback({ authority: 'KPFORGED0001', amount: String(AMOUNT), padding: 'x'.repeat(12 * 1024) }) },
		{ name: 'oversized request line (2 MiB query)', ...callback({ authority: 'KPFORGED0001', amount: String(AMOUNT), padding: 'x'.repeat(2 * 1024 * 1024) }) },
		{ name: 'POST to the callback URL', build: async (sandbox) => ({ webhook: 'setup', payload: { authority: await transaction(sandbox), amount: String(AMOUNT) } }) },
	],
};

/** The same callback without redirect URLs: the trigger answers with a status instead (400 for anything not confirmed). */
const cardCallbackWithoutRedirects = {
	...cardCallback,
	name: 'KPAY Trigger (card-to-card callback, no redirect URLs)',
	parameters: {},
	failureRedirect: undefined,
};

const cryptoWebhook = {
	name: 'KPAY Trigger (crypto webhook)',
	type: 'kpayTrigger',
	parameters: { successUrl: SUCCESS, failureUrl: FAILURE },
	// a payment of this account whose webhook URL Create Payment signed (the default Crypto Ownership)
	valid: async (n, sandbox) => {
		const created = await payment(sandbox, { orderId: `SEC-${n}` });
		return notification({ payment_id: created.id, order_id: created.order_id, status: 'completed', confirmations: 2 }, { search: signedFor(sandbox, created.order_id) });
	},
	forged: [
		{
			// foreign payment: another merchant's completed payment that names our order ID; KPAY's lookup is public
			name: "another merchant's completed payment naming our order ID (unsigned URL)",
			build: async (sandbox) => {
				await payment(sandbox, { orderId: 'OURS-1', status: 'pending' });
				const foreign = await payment(sandbox, { orderId: 'OURS-1', owner: OTHER });
				return notification({ payment_id: foreign.id, order_id: 'OURS-1', status: 'completed' });
			},
		},
		{
			name: "another merchant's completed payment, posted to our signed URL of another order",
			build: async (sandbox) => {
				const foreign = await payment(sandbox, { orderId: 'THEIRS-1', owner: OTHER });
				return notification({ payment_id: foreign.id, order_id: 'THEIRS-1', status: 'completed' }, { search: signedFor(sandbox, 'OURS-2') });
			},
		},
		{
			name: 'our completed payment posted with the signed URL of another order',
			build: async (sandbox) => {
				const own = await payment(sandbox, { orderId: 'OURS-3' });
				return notification({ payment_id: own.id, order_id: 'OURS-3', status: 'completed' }, { search: signedFor(sandbox, 'OURS-4') });
			},
		},
		{
			name: 'forged URL signature',
			build: async (sandbox) => {
				const own = await payment(sandbox, { orderId: 'OURS-5' });
				return notification({ payment_id: own.id, order_id: 'OURS-5', status: 'completed' }, { search: signedFor(sandbox, 'OURS-5', 'f'.repeat(64)) });
			},
		},
		{
			name: 'URL signature made with another credential',
			build: async (sandbox) => {
				const own = await payment(sandbox, { orderId: 'OURS-6' });
				const other = orderSignature({ authMode: 'login', mobile: OTHER.mobile, password: OTHER.password }, 'OURS-6');
				return notification({ payment_id: own.id, order_id: 'OURS-6', status: 'completed' }, { search: signedFor(sandbox, 'OURS-6', other) });
			},
		},
		{ name: 'payment ID "."', ...notification({ payment_id: '.', status: 'completed' }) },
		{ name: 'payment ID ".."', ...notification({ payment_id: '..', status: 'completed' }) },
		{ name: 'payment ID with a slash', ...notification({ payment_id: `${UNKNOWN_PAYMENT}/x`, status: 'completed' }) },
		{ name: 'unknown payment', ...notification({ payment_id: UNKNOWN_PAYMENT, order_id: 'ORD-1', status: 'completed' }) },
		{ name: 'unknown payment (id field)', ...notification({ id: UNKNOWN_PAYMENT, status: 'completed' }) },
		{ name: 'unknown payment, form-encoded', ...notification({ payment_id: UNKNOWN_PAYMENT, status: 'completed' }, { format: 'form' }) },
		{
			name: 'completed payment, notification naming another order',
			build: async (sandbox) => notification({ payment_id: (await payment(sandbox, { orderId: 'REAL-1' })).id, order_id: 'SOMEONE-ELSE', status: 'completed' }, { search: signedFor(sandbox, 'REAL-1') }),
		},
		{
			name: '"completed" claimed for a pending payment (KPAY says pending: acknowledged, not run)',
			acknowledgedWithoutRun: true,
			build: async (sandbox) => {
				const created = await payment(sandbox, { orderId: 'PENDING-1', status: 'pending' });
				return notification({ payment_id: created.id, order_id: created.order_id, status: 'completed', confirmations: 9 }, { search: signedFor(sandbox, created.order_id) });
			},
		},
		{
			name: '"completed" claimed for a confirming payment (acknowledged, not run)',
			acknowledgedWithoutRun: true,
			build: async (sandbox) => {
				const created = await payment(sandbox, { orderId: 'CONFIRMING-1', status: 'confirming' });
				return notification({ payment_id: created.id, order_id: created.order_id, status: 'completed' }, { search: signedFor(sandbox, created.order_id) });
			},
		},
		{
			name: '"completed" claimed for an expired payment (acknowledged, not run)',
			acknowledgedWithoutRun: true,
			build: async (sandbox) => {
				const created = await payment(sandbox, { orderId: 'EXPIRED-1', status: 'expired' });
				return notification({ payment_id: created.id, order_id: created.order_id, status: 'completed' }, { search: signedFor(sandbox, created.order_id) });
			},
		},
		{ name: 'card authority as payment ID', build: async (sandbox) => notification({ payment_id: await transaction(sandbox), status: 'completed' }) },
		{ name: 'missing payment ID', ...notification({ order_id: 'ORD-1', status: 'completed' }) },
		{ name: 'payment ID as an array', build: async (sandbox) => notification({ payment_id: [(await payment(sandbox, { orderId: 'ARR-1' })).id], status: 'completed' }) },
		{ name: 'payment ID as an object', ...notification({ payment_id: { $ne: null }, status: 'completed' }) },
		{ name: 'path traversal in payment ID', ...notification({ payment_id: '../balances', status: 'completed' }) },
		{ name: 'SQL injection in payment ID', ...notification({ payment_id: "1' OR '1'='1", status: 'completed' }) },
		{ name: 'malformed JSON', webhook: 'default', raw: '{"payment_id":"' },
		{ name: 'not JSON at all', webhook: 'default', raw: '<xml>nope</xml>' },
		{ name: 'empty body', webhook: 'default', raw: '' },
		{ name: 'oversized payment ID (129 characters)', ...notification({ payment_id: 'a'.repeat(129), status: 'completed' }) },
		{ name: 'oversized body (2 MiB)', ...notification({ payment_id: UNKNOWN_PAYMENT, status: 'completed', padding: 'x'.repeat(2 * 1024 * 1024) }) },
		{ name: 'GET to the crypto URL', webhook: 'default', method: 'GET', query: { payment_id: UNKNOWN_PAYMENT } },
	],
};

const transactionParameters = (sandbox) => ({ shopId: state(sandbox).shops[0].id, cardId: state(sandbox).cards[0].id });

module.exports = {
	provider: 'kpay',
	credentials: (sandbox) => ({ kpayApi: sandbox.credentials().kpay }),
	node: 'kpay',

	triggers: [cardCallback, cardCallbackWithoutRedirects, cryptoWebhook],

	moneyOps: [
		{
			name: 'transaction create',
			// no idempotencyKey: it defaults to the Factor Number, the operation's own reference
			parameters: { resource: 'transaction', operation: 'create', amount: AMOUNT, callbackUrl: 'https://n8n.example.com/webhook/x/callback', feeSide: 'customer', factorNumber: 'SEC-TX', additionalFields: {} },
			setup: async (sandbox) => transactionParameters(sandbox),
			path: '/transactions/create',
			reference: 'factorNumber',
			movements: (sandbox) => state(sandbox).transactions.length,
		},
		{
			name: 'transaction verify',
			// no `reference`: items cannot be distinct, the setup pays one transaction (the key defaults to its authority)
			parameters: { resource: 'transaction', operation: 'verify' },
			setup: async (sandbox) => ({ authority: await transaction(sandbox) }),
			path: '/transactions/verify',
			movements: (sandbox) => state(sandbox).transactions.filter((t) => t.status === 'verified').length,
		},
		{
			name: 'crypto payment create',
			parameters: { resource: 'crypto', operation: 'createPayment', orderId: 'SEC-CRYPTO', currency: 'usdt_trc20', amountUsd: '40', amountCrypto: '' },
			path: '/gateway/payments',
			reference: 'orderId',
			movements: (sandbox) => state(sandbox).payments.length,
		},
		{
			name: 'crypto withdrawal',
			parameters: { resource: 'crypto', operation: 'createWithdrawal', currency: 'usdt_trc20', amount: '10', destinationAddress: 'TQn9Y2khEsLJW1ChVWFMSMeRDow5KcbLSE', idempotencyKey: 'SEC-WD' },
			path: '/gateway/withdrawals',
			// a withdrawal has no reference field; the Idempotency Key alone makes the items distinct
			reference: 'idempotencyKey',
			// one movement = one withdrawal recorded and 10 USDT taken from the balance (250.5 at the start)
			movements: (sandbox) => {
				const { withdrawals, balances, users } = state(sandbox);
				const taken = Number((250_500_000n - balances[users[0].id].usdt_trc20.available) / 10_000_000n);
				return Math.max(withdrawals.length, taken);
			},
		},
		{
			name: 'shop create',
			parameters: { resource: 'shop', operation: 'create', name: 'Security Shop', additionalFields: {} },
			path: '/shops',
			// sent once (createOnce), not a money move: no ledger (it moves no money; a lost answer is found
			// in the shop list). Still in the fault matrix: at most one shop per run, unknown outcome on a lost answer.
			ledger: false,
			movements: (sandbox) => state(sandbox).shops.length - 1,
		},
		{
			name: 'shop API key regenerate',
			parameters: { resource: 'shop', operation: 'regenerateKey' },
			setup: async (sandbox) => ({ shopId: state(sandbox).shops[0].id }),
			path: /^\/shops\/[^/]+\/regenerate-key$/,
			// sent once (createOnce), not a money move: no ledger. After a lost answer the old key is gone and
			// the new one unknown; running it again on purpose is the way out, so the ledger must not hold it.
			ledger: false,
			movements: (sandbox) => (state(sandbox).shops[0].api_key === DEMO.shopApiKey ? 0 : 1),
		},
	],

	reads: [
		{ name: 'crypto balances', parameters: { resource: 'crypto', operation: 'getBalances' }, path: '/gateway/balances' },
		{ name: 'transactions (get many)', parameters: { resource: 'transaction', operation: 'getMany', returnAll: true, filters: {} }, path: '/transactions' },
		{ name: 'shops (get many)', parameters: { resource: 'shop', operation: 'getMany', returnAll: true }, path: '/shops' },
		{ name: 'current user', parameters: { resource: 'auth', operation: 'getMe' }, path: '/auth/me' },
	],

	badInput: (() => {
		const register = (overrides) => ({ resource: 'auth', operation: 'register', name: 'Mallory', mobile: '09120000000', password: 'mallory-pass', ...overrides });
		const loginOp = (overrides) => ({ resource: 'auth', operation: 'login', mobile: DEMO.mobile, password: DEMO.password, ...overrides });
		const card = (overrides) => ({ resource: 'card', operation: 'create', cardNumber: '6219861234567898', ownerName: 'Owner', shaba: '', ...overrides });
		const shop = (overrides) => ({ resource: 'shop', operation: 'create', name: 'Shop', additionalFields: {}, ...overrides });
		const tx = (overrides) => ({ resource: 'transaction', operation: 'create', shopId: 'shop-1', cardId: 'card-1', amount: AMOUNT, callbackUrl: 'https://n8n.example.com/cb', feeSide: 'customer', additionalFields: {}, idempotencyKey: 'BAD-TX', ...overrides });
		const pay = (overrides) => ({ resource: 'crypto', operation: 'createPayment', orderId: 'ORD-1', currency: 'usdt_trc20', amountUsd: '40', amountCrypto: '', additionalFields: {}, ...overrides });
		const withdraw = (overrides) => ({ resource: 'crypto', operation: 'createWithdrawal', currency: 'usdt_trc20', amount: '10', destinationAddress: 'TQn9Y2khEsLJW1ChVWFMSMeRDow5KcbLSE', memo: '', idempotencyKey: 'BAD-WD', ...overrides });
		return [
			// mobile number: 09 + 9 digits
			['Mobile Number', register({ mobile: '0912123456' })],
			['Mobile Number', register({ mobile: '+989121234567' })],
			['Mobile Number', register({ mobile: '09121234567\r\nX-Injected: 1' })],
			['Mobile Number', register({ mobile: "09121234567' OR '1'='1" })],
			['Mobile Number', loginOp({ mobile: '${jndi:ldap://x}' })],
			// password: at least 6 characters
			['Password', register({ password: '12345' })],
			['Name', register({ name: 'x'.repeat(10_000) })],
			// card number: 16 digits, Luhn
			['Card Number', card({ cardNumber: '6219861234567899' })],
			['Card Number', card({ cardNumber: '621986123456789' })],
			['Card Number', card({ cardNumber: '62198612345678980' })],
			['Card Number', card({ cardNumber: '6219-8612-3456-789x' })],
			['Card Number', card({ cardNumber: "6219861234567898' OR '1'='1" })],
			// Shaba: IR + 24 digits, mod 97
			['Shaba (IBAN)', card({ shaba: 'IR170120000000001234567890' })],
			['Shaba (IBAN)', card({ shaba: 'IR16012000000000123456789' })],
			['Shaba (IBAN)', card({ shaba: 'DE89370400440532013000' })],
			['Shaba (IBAN)', card({ shaba: "IR820540102680020817909002' --" })],
			['Owner Name', card({ ownerName: 'x'.repeat(256) })],
			// shop
			['Website', shop({ additionalFields: { website: 'javascript:alert(1)' } })],
			['Website', shop({ additionalFields: { website: 'not a url' } })],
			['Phone', shop({ additionalFields: { phone: '0'.repeat(33) } })],
			// card-to-card transaction
			['Amount (Rials)', tx({ amount: 0 })],
			['Amount (Rials)', tx({ amount: -250000 })],
			['Amount (Rials)', tx({ amount: 2500.5 })],
			['Amount (Rials)', tx({ amount: "250000' OR '1'='1" })],
			['Callback URL', tx({ callbackUrl: 'javascript:alert(1)' })],
			['Callback URL', tx({ callbackUrl: 'ftp://n8n.example.com/cb' })],
			['Fee Paid By', tx({ feeSide: 'nobody' })],
			['Description', tx({ additionalFields: { description: 'x'.repeat(1001) } })],
			['Factor Number', tx({ factorNumber: 'x'.repeat(256) })],
			['Transaction', { resource: 'transaction', operation: 'verify', authority: 'K'.repeat(256) }],
			['Transaction', { resource: 'transaction', operation: 'checkStatus', authority: 'K'.repeat(256) }],
			// crypto payment: exactly one of the two amounts
			['Amount (USD)', pay({ amountUsd: '40', amountCrypto: '40' })],
			['Amount (USD)', pay({ amountUsd: '', amountCrypto: '' })],
			['Amount (USD)', pay({ amountUsd: '40.001' })],
			['Amount (USD)', pay({ amountUsd: '-40' })],
			['Amount (USD)', pay({ amountUsd: "40' OR '1'='1" })],
			['Amount (USD)', pay({ amountUsd: '1234567890123456.78' })],
			['Amount (Crypto)', pay({ amountUsd: '', amountCrypto: '1e3' })],
			['Amount (Crypto)', pay({ amountUsd: '', amountCrypto: '0.0000000000000000001' })],
			['Order ID', pay({ orderId: 'x'.repeat(256) })],
			['Webhook URL', pay({ additionalFields: { webhookUrl: 'javascript:alert(1)' } })],
			['Success Redirect URL', pay({ additionalFields: { callbackSuccess: 'not a url' } })],
			['Expires In (Minutes)', pay({ additionalFields: { expiresMinutes: 0 } })],
			['Payment ID', { resource: 'crypto', operation: 'getPayment', paymentId: 'x'.repeat(256) }],
			// IDs that go into a URL path ("..", "/", "?", "#", "\\") are refused by the shared request path
			// before sending (test/kpay/errors.test.js), not by a field check
			['Shop', { resource: 'shop', operation: 'regenerateKey', shopId: 'S'.repeat(256) }],
			// withdrawal
			['Amount', withdraw({ amount: '-10' })],
			['Amount', withdraw({ amount: '1e5' })],
			['Amount', withdraw({ amount: '0x10' })],
			['Amount', withdraw({ amount: '10; DROP TABLE withdrawals' })],
			['Destination Address', withdraw({ destinationAddress: 'T'.repeat(256) })],
			['Memo', withdraw({ memo: 'm'.repeat(256) })],
		];
	})(),

	/** Values that must never be seen in outputs, errors or logs. */
	secrets: () => [
		DEMO.password,
		'new-user-pass',
		OTHER.password,
		'mallory-pass',
		DEMO.shopApiKey,
		// full card numbers (outputs show only the last four digits)
		'6037997599999993',
		'6219861234567898',
		OTHER.card,
	],
};
