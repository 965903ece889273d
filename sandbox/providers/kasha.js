'use strict';
// Kasha API v2 stand-in (reference: Kasha's API reference v2, https://docs.kasha.io/api/, and its public guides). Paths as in the
// node's KASHA_CALLS (confirmed, inferred and assumed). API key in x-api-key (or "Authorization:
// Bearer <key>"). Sessions expire after 30 minutes and take one payment each. Amounts are kept in 1e-8 units.
//
// Signatures (docs.kasha.io "Signatures"): the merchant has a signature secret key (DEMO.signatureKey).
// Notifications carry x-signature = Base64(HMAC-SHA256(key, body sent)). A request that carries an
// x-signature is checked against its raw body (a wrong one → 401); unsigned requests are accepted, as
// Kasha does ("not forced"), unless the provider option requireSignedRequests is set (or
// POST /_control/kasha/signatures { required: true }).
//
// Notifications have the predecessor API's shape (Kasha publishes none): the transaction ID is `internalId`.
//
// Magic values (documented in docs/kasha.md):
//   card 4000000000009995 → 3000, 4000000000000002 → 3001, 4000000000000127 → 3004,
//   4000000000000069 → 3007, 4000000000003220 → 3-D Secure redirect (PENDING);
//   cardholder or any method field "DECLINE <code>" → declined with that documented code;
//   amount above 100000 → 1008, below 1 → 1007; an unknown country/currency pair → 995;
//   a local method field "ACTION 081" (082, 083, 084) → /direct-payment answers that action code
//   (QR code, build a request, receipt, info) and the payment stays PENDING.

const crypto = require('crypto');

const ERRORS = {
	1000: ['DECLINED', 'Validation error.'], 1001: ['DECLINED', 'Missing phone number.'], 1002: ['DECLINED', 'Invalid document id.'],
	1003: ['DECLINED', 'Invalid document type.'], 1004: ['DECLINED', 'Invalid phone number.'], 1005: ['DECLINED', 'Invalid bank account format.'],
	1006: ['DECLINED', 'Invalid zip code.'], 1007: ['DECLINED', 'Low amount received.'], 1008: ['DECLINED', 'Payment amount is too high.'],
	1009: ['DECLINED', 'Invalid amount.'], 1100: ['ERROR', 'Contact support to confirm payment.'],
	3000: ['DECLINED', 'Insufficient card funds.'], 3001: ['DECLINED', 'Do not honour.'], 3002: ['DECLINED', 'Untrusted transaction.'],
	3003: ['DECLINED', 'Abandoned 3DS.'], 3004: ['DECLINED', 'Invalid CVV2/CVC2.'], 3005: ['DECLINED', 'Invalid cardholder name.'],
	3006: ['DECLINED', 'Exceeded amount limit.'], 3007: ['DECLINED', 'Card expired.'], 3008: ['DECLINED', 'Transaction already in progress.'],
	3009: ['DECLINED', 'Invalid card number.'], 3010: ['DECLINED', 'Customer has failed 3DS.'], 3011: ['DECLINED', 'No card record.'],
	3012: ['DECLINED', 'Pickup card.'], 3013: ['DECLINED', 'Charge count limit reached for this card.'], 3014: ['DECLINED', 'Exceeded amount limit.'],
	3015: ['DECLINED', 'Transaction not permitted to cardholder.'], 3016: ['DECLINED', 'Visa decline.'], 3017: ['DECLINED', 'Duplicate transaction.'],
	3018: ['DECLINED', 'Payment was not received.'], 3019: ['DECLINED', 'Recalculation.'], 3020: ['DECLINED', 'Transaction amount less than allowed.'],
	3021: ['DECLINED', 'Country is blocked.'], 3022: ['DECLINED', 'Transaction blocked.'], 3023: ['DECLINED', 'Declined by card Issuer.'],
	3024: ['DECLINED', 'Card type declined.'], 3025: ['DECLINED', 'Transaction not allowed in country.'], 3026: ['DECLINED', 'Mastercard Decline.'],
	994: ['DECLINED', 'Unidentified subject.'], 995: ['DECLINED', 'No payment options were found.'], 996: ['DECLINED', 'Currency conversion error.'],
	997: ['DECLINED', 'No route was found.'], 998: ['DECLINED', 'Adapter timeout.'], 999: ['DECLINED', 'Miscellaneous error.'],
};

const DEMO = { apiKey: 'kasha_sandbox_key_7f3a9c', signatureKey: 'kasha_sandbox_signing_5d81e2b7' };
const SESSION_MS = 30 * 60 * 1000;
const UNIT = 1e8;
const CRYPTO = new Set(['BTC', 'ETH', 'USDT', 'USDC', 'LTC']);
const MAGIC_CARDS = { '4000000000009995': 3000, '4000000000000002': 3001, '4000000000000127': 3004, '4000000000000069': 3007 };
const THREE_DS_CARD = '4000000000003220';

const CARD = { name: 'Card', card: true, extraData: [
	{ label: 'Card Number', name: 'cardnum', type: 'string', values: [], required: true },
	{ label: 'Owner', name: 'cardholder', type: 'string', values: [], required: true },
] };
const PHONE_INPUT = { label: 'phone', name: 'phone', type: 'string', values: [], required: true, validations: { minLength: 11, maxLength: 18 } };

/** Payment options per "COUNTRY:CURRENCY". */
const PAYMENT_CATALOG = {
	'BR:BRL': [CARD, { name: 'PIX', needsDocument: true, extraData: [] }, { name: 'Online Banking', subOptions: [{ id: 'b_101', name: 'Banco do Brasil' }, { id: 'b_102', name: 'Itaú' }], formInputs: [PHONE_INPUT] }],
	'RU:RUB': [CARD, { name: 'Online Banking', subOptions: [{ id: 'b_26', name: 'Alfa-Bank' }, { id: 'b_56', name: 'Qiwi' }, { id: 'b_256', name: 'Sberbank - by mobile' }, { id: 'b_25', name: 'Sberbank - card number' }, { id: 'b_24', name: 'VTB' }], formInputs: [PHONE_INPUT] }],
	'GB:GBP': [CARD, { name: 'Bank Transfer', extraData: [] }],
	'MX:MXN': [CARD, { name: 'OXXO', subOptions: [{ id: 'c_1', name: 'OXXO Pay' }], formInputs: [] }],
	'DE:USDT': [{ name: 'Crypto Wallet', extraData: [] }],
};

/** Payout options per "COUNTRY:CURRENCY" (payout option IDs are stable, as in the reference). */
const PAYOUT_CATALOG = {
	'AR:ARS': [{ paymentOptionId: 'dfb7a9c4-1e87-4803-9929-091d946999d3', name: 'Bank Transfer', sub: { id: 'd_316', name: 'name', uuid: '9fe7e381-c9db-44b0-88aa-22dae4eb6185', formInputs: [
		{ label: "Beneficiary's name", name: 'name', type: 'string', values: [], required: true, validations: { minLength: 5, maxLength: 100 } },
		{ label: "Beneficiary's phone", name: 'phone', type: 'string', values: [], required: false, validations: null },
	] } }],
	'GB:GBP': [{ paymentOptionId: '5b1e0c2a-7d7e-4a53-9b1f-2f5f6d1c9e01', name: 'Bank Transfer', sub: { id: 'd_400', name: 'UK Faster Payments', uuid: '0d3c9a52-4b59-4f0e-8a8e-3b1c2d4e5f60', formInputs: [
		{ label: 'Account holder', name: 'name', type: 'string', values: [], required: true, validations: { minLength: 2, maxLength: 100 } },
		{ label: 'Bank account (sort code + account number)', name: 'bankAccount', type: 'string', values: [], required: true, validations: { pattern: '^\\d{6}-?\\d{8}$' } },
	] } }],
};

const BALANCES = { BRL: 0, RUB: 0, GBP: 50_000, MXN: 0, ARS: 1_000_000, USDT: 0 };

/** Kasha's signature: Base64 HMAC-SHA256 of the body bytes with the merchant's signature key. */
const sign = (key, body) => crypto.createHmac('sha256', key).update(body).digest('base64');

function createState(_sandbox, options = {}) {
	const balances = {};
	for (const [currency, amount] of Object.entries(BALANCES)) balances[currency] = amount * UNIT;
	return {
		apiKeys: new Set([DEMO.apiKey]),
		// null: the merchant has no signature key (nothing signed, nothing checked)
		signatureKey: options.signatureKey === undefined ? DEMO.signatureKey : options.signatureKey,
		requireSignedRequests: Boolean(options.requireSignedRequests),
		balances,
		sessions: new Map(),
		transactions: new Map(),
		references: new Set(),
		clockOffset: 0,
		now() {
			return Date.now() + this.clockOffset;
		},
	};
}

const uuid = () => crypto.randomUUID();
const units = (amount) => Math.round(Number(amount) * UNIT);

function fail(code, status = 400, extra = {}) {
	const [kind, reason] = ERRORS[code];
	return { status, body: { statusCode: String(code), status: kind, resultType: 'error', errorReason: reason, ...extra } };
}
const notFound = (what) => ({ status: 404, body: { statusCode: '404', resultType: 'error', errorReason: `${what} not found` } });
const unauthorized = { status: 401, body: { statusCode: '401', resultType: 'error', errorReason: 'Unauthorized: invalid API key' } };
const badSignature = (reason) => ({ status: 401, body: { statusCode: '401', resultType: 'error', errorReason: `Unauthorized: ${reason}` } });

/** The API key, then the request signature when the merchant has a key: an error response, or undefined. */
function guard(ctx) {
	const key = ctx.headers['x-api-key'] || String(ctx.headers.authorization || '').replace(/^Bearer\s+/i, '');
	if (!key || !ctx.state.apiKeys.has(key)) return unauthorized;
	const signatureKey = ctx.state.signatureKey;
	if (!signatureKey) return undefined;
	const received = ctx.headers['x-signature'];
	if (received === undefined) return ctx.state.requireSignedRequests ? badSignature('the request is not signed (x-signature)') : undefined;
	const expected = sign(signatureKey, ctx.rawBody || Buffer.alloc(0));
	const a = Buffer.from(String(received));
	const b = Buffer.from(expected);
	if (a.length !== b.length || !crypto.timingSafeEqual(a, b)) return badSignature('invalid x-signature');
	ctx.signed = true;
	return undefined;
}

/** Checks the fields every session-opening call shares; returns an error response or undefined. */
function validateSession(ctx, { needsLanguage }) {
	const b = ctx.body;
	if (!/^[A-Z]{2}$/.test(String(b.country || '')) || !/^[A-Z]{3,4}$/.test(String(b.currency || ''))) return fail(1000);
	if (typeof b.amount !== 'number' || !Number.isFinite(b.amount) || b.amount <= 0) return fail(1009);
	const decimals = (String(b.amount).split('.')[1] || '').length;
	if (decimals > (CRYPTO.has(b.currency) ? 8 : 2)) return fail(1009);
	if (!CRYPTO.has(b.currency) && b.amount < 1) return fail(1007);
	if (b.amount > 100000) return fail(1008);
	if (!b.redirectUrl || String(b.redirectUrl).length > 500) return fail(1000);
	if (needsLanguage && !/^[A-Z]{2,3}$/.test(String(b.language || ''))) return fail(1000);
	if (!b.customer || typeof b.customer !== 'object' || !b.customer.name) return fail(1000);
	if (b.customer.address && b.customer.address.zipCode !== undefined && !/^[A-Za-z0-9 -]{3,10}$/.test(b.customer.address.zipCode)) return fail(1006);
	for (const field of ['merchantReference', 'paymentReference', 'userId', 'extra1', 'extra2', 'extra3', 'tax']) {
		if (b[field] !== undefined && (String(b[field]).length < 1 || String(b[field]).length > 255)) return fail(1000);
	}
	if (b.merchantReference && ctx.state.references.has(b.merchantReference)) return fail(3017);
	return undefined;
}

function openSession(ctx, type, options) {
	const { state } = ctx;
	const b = ctx.body;
	const session = { id: uuid(), type, transactionId: uuid(), createdAt: state.now(), expiresAt: state.now() + SESSION_MS, used: false, options, request: b };
	state.sessions.set(session.id, session);
	if (b.merchantReference) state.references.add(b.merchantReference);
	const now = new Date(state.now()).toISOString();
	state.transactions.set(session.transactionId, {
		id: session.transactionId, sessionId: session.id, type, country: b.country, currency: b.currency, paymentAmount: b.amount,
		method: null, status: 'CREATED', paymentReference: b.paymentReference, merchantReference: b.merchantReference || `kasha-${session.transactionId.slice(0, 8)}`,
		userId: b.userId, customer: b.customer, shippingAddress: b.shippingAddress, orderDetails: b.orderDetails,
		notificationUrl: b.notificationUrl, createdAt: now, updatedAt: now,
	});
	return session;
}

function paymentOptionsFor(ctx) {
	const list = PAYMENT_CATALOG[`${ctx.body.country}:${ctx.body.currency}`];
	return list && list.map((option) => ({ ...option }));
}

function viewPaymentOption(session, option) {
	return { paymentOptionId: optionId(session, option), name: option.name, logo: null, extraData: option.extraData || [] };
}

/** Payment option IDs are per session (long hashes, as in the reference's sample). */
function optionId(session, option) {
	return crypto.createHash('sha512').update(`${session.id}:${option.name}`).digest('hex').slice(0, 96);
}

function initiatePayment(ctx) {
	const denied = guard(ctx);
	if (denied) return denied;
	const error = validateSession(ctx, { needsLanguage: true });
	if (error) return error;
	const options = paymentOptionsFor(ctx);
	if (!options) return fail(995);
	const session = openSession(ctx, 'payment', options);
	return {
		status: 200,
		body: { transactionId: `${session.transactionId},`, sessionId: session.id, paymentOptions: options.map((option) => viewPaymentOption(session, option)) },
	};
}

function hostedCashier(type) {
	return (ctx) => {
		const denied = guard(ctx);
	if (denied) return denied;
		const error = validateSession(ctx, { needsLanguage: false });
		if (error) return error;
		const options = type === 'payment' ? paymentOptionsFor(ctx) : PAYOUT_CATALOG[`${ctx.body.country}:${ctx.body.currency}`];
		if (!options) return fail(995);
		const session = openSession(ctx, type, options);
		session.hosted = true;
		return {
			status: 200,
			// the predecessor API answers the link as `cashierUrl`
			body: { statusCode: '300', resultType: 'redirect', result: { sessionId: session.id, transactionId: session.transactionId, cashierUrl: `${ctx.sandbox.baseUrl}/kasha/cashier/${session.id}`, expiresAt: new Date(session.expiresAt).toISOString() } },
		};
	};
}

/** The live session of a request, or an error response. */
function liveSession(ctx, type) {
	const session = ctx.state.sessions.get(String(ctx.body.sessionId || ''));
	if (!session || session.type !== type) return { error: fail(1000, 400, { errorReason: 'Session not found.' }) };
	if (ctx.state.now() > session.expiresAt) return { error: fail(1000, 400, { errorReason: 'Session expired.' }) };
	if (session.used) {
		const transaction = ctx.state.transactions.get(session.transactionId);
		return { error: fail(transaction.status === 'PENDING' ? 3008 : 3017) };
	}
	return { session };
}

function findPaymentOption(session, id) {
	return session.options.find((option) => optionId(session, option) === id);
}

function paymentSuboptions(ctx) {
	const denied = guard(ctx);
	if (denied) return denied;
	const { session, error } = liveSession(ctx, 'payment');
	if (error) return error;
	const option = findPaymentOption(session, ctx.body.paymentOptionId);
	if (!option) return fail(1000, 400, { errorReason: 'Unknown payment option.' });
	if (option.card) return fail(1000, 400, { errorReason: 'Suboptions are not available for card payments.' });
	return {
		status: 200,
		body: { statusCode: '085', resultType: 'option_choice', result: { paymentOptionId: ctx.body.paymentOptionId, transactionId: session.transactionId, sessionId: session.id, options: (option.subOptions || []).map((s) => ({ ...s, logo: null })), formInputs: option.formInputs || [] } },
	};
}

function hybridPayment(ctx) {
	const denied = guard(ctx);
	if (denied) return denied;
	const { session, error } = liveSession(ctx, 'payment');
	if (error) return error;
	const option = findPaymentOption(session, ctx.body.paymentOptionId);
	if (!option) return fail(1000, 400, { errorReason: 'Unknown payment option.' });
	if (ctx.body.optionId && !(option.subOptions || []).some((s) => s.id === ctx.body.optionId)) return fail(1000, 400, { errorReason: 'Unknown option id.' });
	session.preselected = { option: option.name, optionId: ctx.body.optionId };
	return { status: 200, body: { statusCode: '300', resultType: 'redirect', result: { transactionId: session.transactionId, url: `${ctx.sandbox.baseUrl}/kasha/cashier/${session.id}?preselected=1` } } };
}

/** The predecessor API's /direct-payment action codes (the payment is pending, the customer has something to do). */
const ACTIONS = { '081': 'qr_code', '082': 'http_request', '083': 'receipt', '084': 'info' };

function actionCodeIn(values) {
	for (const value of values) {
		const match = /^ACTION\s+(08[1-4])$/i.exec(String(value || '').trim());
		if (match) return match[1];
	}
	return undefined;
}

function actionAnswer(ctx, code, session, transaction) {
	const base = `${ctx.sandbox.baseUrl}/kasha/pay/${transaction.id}`;
	const result = {
		'081': { qrCode: `kasha-sandbox-qr:${transaction.id}` },
		'082': { request: { method: 'POST', url: `${base}/confirm`, body: { sessionId: session.id } } },
		'083': { sessionId: session.id, message: 'Upload the payment receipt.' },
		'084': { info: 'Transfer the amount with the reference shown, then continue.', redirectUrl: base },
	}[code];
	return { statusCode: code, resultType: ACTIONS[code], result: { transactionId: transaction.id, ...result } };
}

function declineCodeIn(values) {
	for (const value of values) {
		const match = /^DECLINE\s+(\d+)$/i.exec(String(value || '').trim());
		if (match && ERRORS[match[1]]) return Number(match[1]);
	}
	return undefined;
}

/** The notification of a transaction, in the predecessor API's shape (the ID is `internalId`). */
function notificationOf(transaction) {
	return {
		internalId: transaction.id, sessionId: transaction.sessionId, type: transaction.type, paymentOptionName: transaction.method,
		country: transaction.country, currency: transaction.currency, paymentAmount: transaction.paymentAmount,
		merchantReference: transaction.merchantReference, status: transaction.status,
		...(transaction.paymentReference ? { paymentReference: transaction.paymentReference } : {}),
		...(transaction.userId ? { userId: transaction.userId } : {}),
		...(transaction.errors ? { errorCode: transaction.errors.code } : {}),
	};
}

/** Sends a notification as Kasha does: JSON, signed with x-signature when the merchant has a key. */
function deliver(ctx, url, payload, { signed = true } = {}) {
	const body = typeof payload === 'string' ? payload : JSON.stringify(payload);
	const key = ctx.state.signatureKey;
	const headers = signed && key ? { 'x-signature': sign(key, body) } : {};
	return ctx.sandbox.sendWebhook(url, payload, { provider: 'kasha', headers });
}

function notify(ctx, transaction) {
	if (!transaction.notificationUrl) return;
	// delivered after the API answer, like the real service
	setImmediate(() => deliver(ctx, transaction.notificationUrl, notificationOf(transaction)));
}

function settle(ctx, transaction, status, code) {
	transaction.status = status;
	transaction.updatedAt = new Date(ctx.state.now()).toISOString();
	if (code) transaction.errors = { code: String(code), msg: ERRORS[code][1] };
	if (status === 'COMPLETED' && transaction.type === 'payment') ctx.state.balances[transaction.currency] = (ctx.state.balances[transaction.currency] || 0) + units(transaction.paymentAmount);
	notify(ctx, transaction);
}

function declined(transaction, code) {
	return { status: 200, body: { statusCode: String(code), status: ERRORS[code][0], resultType: 'declined', errorReason: ERRORS[code][1], result: { transactionId: transaction.id } } };
}

function directPayment(ctx) {
	const denied = guard(ctx);
	if (denied) return denied;
	const { session, error } = liveSession(ctx, 'payment');
	if (error) return error;
	const option = findPaymentOption(session, ctx.body.paymentOptionId);
	if (!option) return fail(1000, 400, { errorReason: 'Unknown payment option.' });
	const extra = ctx.body.extraData && typeof ctx.body.extraData === 'object' ? ctx.body.extraData : {};
	const transaction = ctx.state.transactions.get(session.transactionId);
	const customer = session.request.customer || {};
	if (option.card) {
		const { cardnum, expirymonth, expiryyear, cardcvv, cardholder } = extra;
		if (!cardnum || !expirymonth || !expiryyear || !cardcvv || !cardholder) return fail(1000, 400, { errorReason: 'Card details are incomplete.' });
		if (!/^\d{12,19}$/.test(String(cardnum))) return fail(3009);
		session.used = true;
		transaction.method = 'Card';
		transaction.card = { last4: String(cardnum).slice(-4) };
		const now = new Date(ctx.state.now());
		const expired = Number(expiryyear) < now.getUTCFullYear() || (Number(expiryyear) === now.getUTCFullYear() && Number(expirymonth) < now.getUTCMonth() + 1);
		const code = MAGIC_CARDS[cardnum] ?? declineCodeIn([cardholder]) ?? (expired ? 3007 : undefined);
		if (code) {
			settle(ctx, transaction, ERRORS[code][0], code);
			return declined(transaction, code);
		}
		if (cardnum === THREE_DS_CARD) {
			transaction.status = 'PENDING';
			return { status: 200, body: { statusCode: '300', resultType: 'redirect', result: { transactionId: transaction.id, redirectUrl: `${ctx.sandbox.baseUrl}/kasha/3ds/${transaction.id}` } } };
		}
		settle(ctx, transaction, 'COMPLETED');
		return { status: 200, body: { statusCode: '000', resultType: 'success', result: { transactionId: transaction.id } } };
	}
	// local methods
	if (option.subOptions && option.subOptions.length) {
		if (!ctx.body.optionId) return fail(1000, 400, { errorReason: 'optionId is required for this payment option.' });
		if (!option.subOptions.some((s) => s.id === ctx.body.optionId)) return fail(1000, 400, { errorReason: 'Unknown option id.' });
	}
	for (const input of option.formInputs || []) {
		const value = extra[input.name] ?? (input.name === 'phone' ? customer.phone : undefined);
		if (input.required && (value === undefined || value === '')) return fail(input.name === 'phone' ? 1001 : 1000);
		const digits = String(value ?? '').replace(/\D/g, '');
		const v = input.validations || {};
		if (value !== undefined && !declineCodeIn([value]) && ((v.minLength && digits.length < v.minLength) || (v.maxLength && digits.length > v.maxLength))) {
			return fail(input.name === 'phone' ? 1004 : 1000);
		}
	}
	if (option.needsDocument) {
		const identify = customer.identify;
		if (!identify) return fail(1002);
		if (identify.type !== 'BRA_CPF') return fail(1003);
		if (!/^\d{11}$/.test(String(identify.number))) return fail(1002);
	}
	session.used = true;
	transaction.method = option.name;
	transaction.optionId = ctx.body.optionId || null;
	const code = declineCodeIn(Object.values(extra));
	if (code) {
		settle(ctx, transaction, ERRORS[code][0], code);
		return declined(transaction, code);
	}
	transaction.status = 'PENDING';
	const action = actionCodeIn(Object.values(extra));
	if (action) return { status: 200, body: actionAnswer(ctx, action, session, transaction) };
	return { status: 200, body: { statusCode: '300', resultType: 'redirect', result: { transactionId: transaction.id, redirectUrl: `${ctx.sandbox.baseUrl}/kasha/pay/${transaction.id}` } } };
}

function initiatePayout(ctx) {
	const denied = guard(ctx);
	if (denied) return denied;
	const error = validateSession(ctx, { needsLanguage: false });
	if (error) return error;
	const options = PAYOUT_CATALOG[`${ctx.body.country}:${ctx.body.currency}`];
	if (!options) return fail(995);
	const session = openSession(ctx, 'payout', options);
	return {
		status: 200,
		body: [{ transactionId: session.transactionId, sessionId: session.id, paymentOptions: options.map((o) => ({ paymentOptionId: o.paymentOptionId, name: o.name, logo: null, extraData: [] })) }],
	};
}

function payoutSuboptions(ctx) {
	const denied = guard(ctx);
	if (denied) return denied;
	const { session, error } = liveSession(ctx, 'payout');
	if (error) return error;
	const option = session.options.find((o) => o.paymentOptionId === ctx.body.paymentOptionId);
	if (!option) return fail(1000, 400, { errorReason: 'Unknown payment option.' });
	return {
		status: 200,
		body: [{ statusCode: 85, resultType: 'option_choice', result: { paymentOptionId: option.paymentOptionId, transactionId: session.transactionId, sessionId: session.id, options: { ...option.sub, logo: null } } }],
	};
}

function createPayout(ctx) {
	const denied = guard(ctx);
	if (denied) return denied;
	const { session, error } = liveSession(ctx, 'payout');
	if (error) return error;
	const option = session.options.find((o) => o.paymentOptionId === ctx.body.paymentOptionId);
	if (!option) return fail(1000, 400, { errorReason: 'Unknown payment option.' });
	if (ctx.body.optionId !== option.sub.id) return fail(1000, 400, { errorReason: 'Unknown option id.' });
	const extra = ctx.body.extraData && typeof ctx.body.extraData === 'object' ? ctx.body.extraData : {};
	for (const input of option.sub.formInputs) {
		const value = extra[input.name];
		if (input.required && (value === undefined || value === '')) return fail(1000, 400, { errorReason: `${input.label} is required.` });
		const v = input.validations || {};
		if (value !== undefined && ((v.minLength && String(value).length < v.minLength) || (v.maxLength && String(value).length > v.maxLength))) return fail(1000, 400, { errorReason: `${input.label} has the wrong length.` });
		if (value !== undefined && v.pattern && !new RegExp(v.pattern).test(String(value))) return fail(1005);
	}
	session.used = true;
	const transaction = ctx.state.transactions.get(session.transactionId);
	Object.assign(transaction, { status: 'PENDING', method: option.name, optionId: option.sub.id, beneficiary: extra.name });
	return { status: 200, body: { statusCode: 0, resultType: 'success', result: { transactionId: transaction.id } } };
}

function settlePayout(ctx) {
	const denied = guard(ctx);
	if (denied) return denied;
	const { action, transactionId } = ctx.body;
	const transaction = ctx.state.transactions.get(String(transactionId || ''));
	if (!transaction || transaction.type !== 'payout') return notFound('Transaction');
	if (action !== 'APPROVE' && action !== 'DECLINE') return fail(1000, 400, { errorReason: 'action must be APPROVE or DECLINE.' });
	if (transaction.status !== 'PENDING') return fail(1000, 400, { errorReason: `Payout is ${transaction.status}, not PENDING.` });
	const answer = { statusCode: '000', transactionId: transaction.id, merchantReference: transaction.merchantReference };
	if (action === 'DECLINE') {
		settle(ctx, transaction, 'DECLINED');
		return { status: 200, body: { ...answer, status: 'DECLINED', result: 'Payout was declined.' } };
	}
	ctx.state.balances[transaction.currency] = (ctx.state.balances[transaction.currency] || 0) - units(transaction.paymentAmount);
	transaction.status = 'PROCESSING';
	// the processor pays out right after the answer, then Kasha notifies
	setImmediate(() => settle(ctx, transaction, 'COMPLETED'));
	return { status: 200, body: { ...answer, status: 'PROCESSING', result: 'Payout request was submitted successfully.' } };
}

function refund(ctx) {
	const denied = guard(ctx);
	if (denied) return denied;
	const reference = ctx.body.merchantReference;
	if (!reference) return fail(1000);
	const transaction = [...ctx.state.transactions.values()].find((t) => t.type === 'payment' && t.merchantReference === reference);
	if (!transaction) return notFound('Transaction');
	if (transaction.status !== 'COMPLETED') return fail(1000, 400, { errorReason: `Transaction is ${transaction.status}; only COMPLETED payments can be refunded.` });
	ctx.state.balances[transaction.currency] -= units(transaction.paymentAmount);
	settle(ctx, transaction, 'REFUNDED');
	return {
		status: 200,
		body: { statusCode: '000', errorReason: 'Success', paymentAmount: transaction.paymentAmount, status: 'REFUNDED', currency: transaction.currency, country: transaction.country, paymentOptionName: transaction.method, userId: transaction.userId, type: 'All', _id: transaction.id, createdAt: transaction.createdAt, updatedAt: transaction.updatedAt },
	};
}

function transactionView(t) {
	const { notificationUrl, card, optionId: _option, beneficiary, ...view } = t;
	return view;
}

function getTransaction(ctx) {
	const denied = guard(ctx);
	if (denied) return denied;
	const transaction = ctx.state.transactions.get(ctx.params.transactionId);
	if (!transaction) return notFound('Transaction');
	return { status: 200, body: transactionView(transaction) };
}

module.exports = {
	name: 'kasha',
	prefix: '/kasha',
	credentialType: 'kashaApi',
	createState,
	DEMO,
	ERRORS,
	MAGIC_CARDS,
	THREE_DS_CARD,
	sign,
	notificationOf,
	demoCredentials: (sandbox) => ({ environment: 'custom', baseUrl: `${sandbox.baseUrl}/kasha`, apiKey: DEMO.apiKey, signatureSecretKey: DEMO.signatureKey }),
	routes: [
		['POST', '/v2/payment-options', initiatePayment],
		['POST', '/v2/payment-suboptions', paymentSuboptions],
		['POST', '/v2/direct-payment', directPayment],
		['POST', '/v2/payment-session', hostedCashier('payment')],
		['POST', '/v2/payout-session', hostedCashier('payout')],
		['POST', '/v2/hybrid-payment', hybridPayment],
		['POST', '/v2/payout-options', initiatePayout],
		['POST', '/v2/payout-suboptions', payoutSuboptions],
		['POST', '/v2/direct-payout', createPayout],
		['POST', '/v2/settle-payout', settlePayout],
		['POST', '/v2/refund/by-reference', refund],
		['GET', '/v2/payments/:transactionId', getTransaction],
	],
	control: [
		// the customer finished (or failed) a pending local-method / 3DS payment
		['POST', '/transactions/:id/complete', (ctx) => {
			const transaction = ctx.state.transactions.get(ctx.params.id);
			if (!transaction || transaction.status !== 'PENDING') return { status: 404, body: { error: 'no pending transaction with that id' } };
			const code = ctx.body.code ? Number(ctx.body.code) : undefined;
			settle(ctx, transaction, ctx.body.status || (code ? ERRORS[code][0] : 'COMPLETED'), code);
			return { status: 200, body: { ok: true, status: transaction.status } };
		}],
		['POST', '/clock', (ctx) => {
			ctx.state.clockOffset += Number(ctx.body.advanceMs || 0);
			return { status: 200, body: { ok: true, offsetMs: ctx.state.clockOffset } };
		}],
		['GET', '/state', (ctx) => ({ status: 200, body: { balances: ctx.state.balances, transactions: [...ctx.state.transactions.values()], sessions: ctx.state.sessions.size } })],
		// sends a notification exactly as given (for forged-notification tests); signed only with { signed: true }
		['POST', '/notify', async (ctx) => ({ status: 200, body: await deliver(ctx, ctx.body.url, ctx.body.payload, { signed: ctx.body.signed === true }) })],
		// turns the merchant's signature key on or off ({ key: null }) and whether unsigned requests are refused
		['POST', '/signatures', (ctx) => {
			if (ctx.body.key !== undefined) ctx.state.signatureKey = ctx.body.key;
			if (ctx.body.required !== undefined) ctx.state.requireSignedRequests = Boolean(ctx.body.required);
			return { status: 200, body: { ok: true, signing: Boolean(ctx.state.signatureKey), required: ctx.state.requireSignedRequests } };
		}],
	],
};
