'use strict';
// KPAY stand-in (reference: "KPAY API Documentation" and the integration notes in docs/kpay.md).
// Card-to-card gateway (users, shops, cards, transactions with authority codes, a payment page that
// redirects the payer to callback_url) and crypto gateway (currencies, payments that move through
// confirmations and notify webhook_url, balances, withdrawals). Errors FastAPI-style: { detail }.
// Access tokens expire after `tokenLifetimeMs` (clock: state.now(), movable with /_control/kpay/clock)
// or after `tokenMaxUses` authenticated requests, so tests can expire a token mid-workflow.

const crypto = require('crypto');

const DEMO = {
	name: 'Sandbox Merchant',
	mobile: '09121234567',
	password: 'sandbox-pass',
	shopApiKey: 'kpay_sandbox_shop_key_0001',
};

const CURRENCIES = [
	{ code: 'btc', name: 'Bitcoin', symbol: 'BTC', network: 'bitcoin', icon: '₿', decimals: 8, usdRate: '50000', confirmations: 2, fee: '0.0001' },
	{ code: 'eth', name: 'Ethereum', symbol: 'ETH', network: 'ethereum', icon: 'Ξ', decimals: 8, usdRate: '2500', confirmations: 3, fee: '0.001' },
	{ code: 'usdt_trc20', name: 'Tether (TRC20)', symbol: 'USDT', network: 'tron', icon: '₮', decimals: 6, usdRate: '1', confirmations: 2, fee: '1' },
	{ code: 'xrp', name: 'Ripple', symbol: 'XRP', network: 'ripple', icon: 'X', decimals: 6, usdRate: '0.5', confirmations: 1, fee: '0.25', memo: true },
];

// ---- exact decimals as scaled BigInt ----
function toUnits(value, decimals) {
	const text = String(value).trim();
	if (!/^\d+(\.\d+)?$/.test(text)) return undefined;
	const [integer, fraction = ''] = text.split('.');
	if (fraction.length > decimals) return undefined;
	return BigInt(integer + fraction.padEnd(decimals, '0'));
}
function fromUnits(units, decimals) {
	const negative = units < 0n;
	const digits = (negative ? -units : units).toString().padStart(decimals + 1, '0');
	const integer = digits.slice(0, digits.length - decimals);
	const fraction = digits.slice(digits.length - decimals).replace(/0+$/, '');
	return `${negative ? '-' : ''}${integer}${fraction ? `.${fraction}` : ''}`;
}

function uuid() {
	return crypto.randomUUID();
}

function createState(sandbox, options) {
	const state = {
		clockOffsetMs: 0,
		now: () => new Date(Date.now() + state.clockOffsetMs),
		config: {
			tokenLifetimeMs: options.tokenLifetimeMs ?? 60 * 60 * 1000,
			tokenMaxUses: options.tokenMaxUses ?? Infinity,
			transactionLifetimeMs: options.transactionLifetimeMs ?? 15 * 60 * 1000,
			perPageDefault: 20,
		},
		users: [],
		tokens: new Map(),
		logins: 0,
		shops: [],
		cards: [],
		transactions: [],
		payments: [],
		balances: {}, // userId -> currency -> { available, pending, received, withdrawn } in units
		withdrawals: [],
		sequence: 1000,
	};
	const user = addUser(state, DEMO.name, DEMO.mobile, DEMO.password);
	state.shops.push({ id: uuid(), user_id: user.id, name: 'Sandbox Shop', website: 'https://shop.example.com', phone: '02112345678', api_key: DEMO.shopApiKey, is_active: true, created_at: state.now().toISOString() });
	state.cards.push({ id: uuid(), user_id: user.id, card_number: '6037997599999993', owner_name: 'Sandbox Merchant', bank_name: 'Bank Melli', shaba: 'IR820540102680020817909002', is_active: true, created_at: state.now().toISOString() });
	credit(state, user.id, 'usdt_trc20', toUnits('250.5', 6));
	credit(state, user.id, 'btc', toUnits('0.01', 8));
	return state;
}

function addUser(state, name, mobile, password) {
	const user = { id: uuid(), name, mobile, password, merchant_id: `KP${++state.sequence}`, created_at: state.now().toISOString() };
	state.users.push(user);
	return user;
}

function balanceOf(state, userId, code) {
	const byUser = (state.balances[userId] ??= {});
	return (byUser[code] ??= { available: 0n, pending: 0n, received: 0n, withdrawn: 0n });
}
function credit(state, userId, code, units) {
	const balance = balanceOf(state, userId, code);
	balance.available += units;
	balance.received += units;
}

function issueTokens(state, user) {
	const access = `kpat_${crypto.randomBytes(16).toString('hex')}`;
	const refresh = `kprt_${crypto.randomBytes(16).toString('hex')}`;
	state.tokens.set(access, { userId: user.id, expiresAt: state.now().getTime() + state.config.tokenLifetimeMs, uses: 0 });
	return { access_token: access, refresh_token: refresh, token_type: 'bearer' };
}

const detail = (status, message, headers) => ({ status, body: { detail: message }, headers });
const unauthorized = (message = 'Could not validate credentials') => detail(401, message, { 'www-authenticate': 'Bearer' });

/** The user behind the Bearer token (login token or shop API key), or an error answer. */
function authenticate(ctx) {
	const header = ctx.headers.authorization || '';
	const match = /^Bearer\s+(.+)$/i.exec(header);
	if (!match) return { error: unauthorized('Not authenticated') };
	const value = match[1].trim();
	const { state } = ctx;
	const token = state.tokens.get(value);
	if (token) {
		if (token.expiresAt <= state.now().getTime() || token.uses >= state.config.tokenMaxUses) {
			state.tokens.delete(value);
			return { error: unauthorized('Token has expired') };
		}
		token.uses += 1;
		return { user: state.users.find((u) => u.id === token.userId) };
	}
	const shop = state.shops.find((s) => s.api_key === value && s.is_active);
	if (shop) return { user: state.users.find((u) => u.id === shop.user_id), shop };
	return { error: unauthorized() };
}

function withAuth(handler) {
	return (ctx) => {
		const auth = authenticate(ctx);
		if (auth.error) return auth.error;
		return handler(ctx, auth.user, auth.shop);
	};
}

function validation(field, msg) {
	return { status: 422, body: { detail: [{ loc: ['body', field], msg, type: 'value_error' }] } };
}

const MOBILE = /^09\d{9}$/;

function luhn(number) {
	let sum = 0;
	for (let i = 0; i < number.length; i++) {
		let digit = Number(number[number.length - 1 - i]);
		if (i % 2 === 1) {
			digit *= 2;
			if (digit > 9) digit -= 9;
		}
		sum += digit;
	}
	return sum % 10 === 0;
}

function shabaValid(shaba) {
	if (!/^IR\d{24}$/.test(shaba)) return false;
	const rearranged = shaba.slice(4) + '1827' + shaba.slice(2, 4);
	return BigInt(rearranged) % 97n === 1n;
}

const BANKS = { 603799: 'Bank Melli', 589210: 'Bank Sepah', 627353: 'Bank Tejarat', 610433: 'Bank Mellat', 621986: 'Saman Bank', 502229: 'Bank Pasargad' };

// ---- auth ----
function register(ctx) {
	const { name, mobile, password } = ctx.body;
	if (!name) return validation('name', 'field required');
	if (!MOBILE.test(String(mobile || ''))) return validation('mobile', 'mobile must be 09xxxxxxxxx');
	if (String(password || '').length < 6) return validation('password', 'ensure this value has at least 6 characters');
	if (ctx.state.users.some((u) => u.mobile === mobile)) return detail(400, 'Mobile number already registered');
	const user = addUser(ctx.state, name, mobile, password);
	return { status: 200, body: issueTokens(ctx.state, user) };
}

function login(ctx) {
	// OAuth2 password form (username = mobile); JSON is accepted too.
	const { username, password } = ctx.body;
	ctx.state.logins += 1;
	const user = ctx.state.users.find((u) => u.mobile === username);
	if (!user || user.password !== password) return unauthorized('Incorrect mobile or password');
	return { status: 200, body: issueTokens(ctx.state, user) };
}

const userView = (user) => ({ id: user.id, name: user.name, mobile: user.mobile, merchant_id: user.merchant_id, created_at: user.created_at });

// ---- shops ----
const shopView = (shop) => ({ id: shop.id, name: shop.name, website: shop.website, phone: shop.phone, api_key: shop.api_key, is_active: shop.is_active, created_at: shop.created_at });
const newApiKey = () => `kpk_${crypto.randomBytes(18).toString('hex')}`;

function createShop(ctx, user) {
	const { name, website, phone } = ctx.body;
	if (!name) return validation('name', 'field required');
	const shop = { id: uuid(), user_id: user.id, name, website: website || null, phone: phone || null, api_key: newApiKey(), is_active: true, created_at: ctx.state.now().toISOString() };
	ctx.state.shops.push(shop);
	return { status: 200, body: { id: shop.id, name: shop.name, api_key: shop.api_key, is_active: shop.is_active } };
}

function regenerateKey(ctx, user) {
	const shop = ctx.state.shops.find((s) => s.id === ctx.params.id && s.user_id === user.id);
	if (!shop) return detail(404, 'Shop not found');
	shop.api_key = newApiKey();
	return { status: 200, body: { api_key: shop.api_key } };
}

// ---- cards ----
const cardView = (card) => ({ id: card.id, card_number: card.card_number, owner_name: card.owner_name, bank_name: card.bank_name, shaba: card.shaba, is_active: card.is_active });

function addCard(ctx, user) {
	const { card_number, owner_name, shaba } = ctx.body;
	if (!/^\d{16}$/.test(String(card_number || '')) || !luhn(card_number)) return detail(400, 'Invalid card number');
	if (!owner_name) return validation('owner_name', 'field required');
	if (shaba && !shabaValid(shaba)) return detail(400, 'Invalid Shaba number');
	if (ctx.state.cards.some((c) => c.user_id === user.id && c.card_number === card_number)) return detail(400, 'Card already exists');
	const card = { id: uuid(), user_id: user.id, card_number, owner_name, bank_name: BANKS[card_number.slice(0, 6)] || 'Unknown bank', shaba: shaba || null, is_active: true, created_at: ctx.state.now().toISOString() };
	ctx.state.cards.push(card);
	return { status: 200, body: cardView(card) };
}

// ---- transactions ----
function refreshStatus(state, tx) {
	if (tx.status === 'pending' && new Date(tx.expires_at).getTime() <= state.now().getTime()) tx.status = 'expired';
	return tx;
}
function findTx(state, authority) {
	const tx = state.transactions.find((t) => t.authority === authority);
	return tx && refreshStatus(state, tx);
}
const txView = (tx) => ({ id: tx.id, authority: tx.authority, shop_id: tx.shop_id, card_id: tx.card_id, amount: tx.amount, final_amount: tx.final_amount, fee: tx.fee, fee_side: tx.fee_side, status: tx.status, description: tx.description, factor_number: tx.factor_number, callback_url: tx.callback_url, created_at: tx.created_at, paid_at: tx.paid_at, verified_at: tx.verified_at });

function createTransaction(ctx, user) {
	const { state } = ctx;
	const b = ctx.body;
	const shop = state.shops.find((s) => s.id === b.shop_id && s.user_id === user.id);
	if (!shop) return detail(404, 'Shop not found');
	const card = state.cards.find((c) => c.id === b.card_id && c.user_id === user.id);
	if (!card) return detail(404, 'Card not found');
	if (!Number.isSafeInteger(b.amount) || b.amount < 1000) return validation('amount', 'amount must be a whole number of Rials, at least 1000');
	if (!b.callback_url || !/^https?:\/\//.test(b.callback_url)) return validation('callback_url', 'invalid url');
	const feeSide = b.fee_side || 'customer';
	if (!['customer', 'merchant'].includes(feeSide)) return validation('fee_side', "must be 'customer' or 'merchant'");
	const fee = Math.ceil(b.amount / 100);
	const authority = `KP${crypto.randomBytes(10).toString('hex').toUpperCase()}`;
	const now = state.now();
	const tx = {
		id: uuid(), authority, user_id: user.id, shop_id: shop.id, card_id: card.id, amount: b.amount, fee,
		final_amount: feeSide === 'customer' ? b.amount + fee : b.amount, fee_side: feeSide, status: 'pending',
		callback_url: b.callback_url, description: b.description || null, factor_number: b.factor_number || null,
		created_at: now.toISOString(), expires_at: new Date(now.getTime() + state.config.transactionLifetimeMs).toISOString(), paid_at: null, verified_at: null,
	};
	state.transactions.push(tx);
	return {
		status: 200,
		body: { id: tx.id, authority, amount: tx.amount, final_amount: tx.final_amount, fee, status: 'pending', payment_url: `${ctx.sandbox.baseUrl}/kpay/api/v1/pay/${authority}` },
	};
}

function paymentInfo(ctx) {
	const { state } = ctx;
	const tx = findTx(state, ctx.params.authority);
	if (!tx) return detail(404, 'Transaction not found');
	const card = state.cards.find((c) => c.id === tx.card_id);
	const shop = state.shops.find((s) => s.id === tx.shop_id);
	const remaining = Math.max(0, Math.floor((new Date(tx.expires_at).getTime() - state.now().getTime()) / 1000));
	return {
		status: 200,
		body: { authority: tx.authority, amount: tx.amount, final_amount: tx.final_amount, status: tx.status, card_number: card.card_number, owner_name: card.owner_name, shop_name: shop.name, remaining_seconds: tx.status === 'pending' ? remaining : 0 },
	};
}

function checkTransaction(ctx) {
	const tx = findTx(ctx.state, ctx.params.authority);
	if (!tx) return detail(404, 'Transaction not found');
	return { status: 200, body: { authority: tx.authority, status: tx.status, is_paid: tx.status === 'paid' || tx.status === 'verified' } };
}

function verifyTransaction(ctx) {
	const authority = ctx.body.authority;
	if (!authority) return validation('authority', 'field required');
	const tx = findTx(ctx.state, authority);
	if (!tx) return detail(404, 'Transaction not found');
	if (tx.status === 'verified') return detail(400, 'Transaction already verified');
	if (tx.status !== 'paid') return detail(400, `Transaction is not paid (status: ${tx.status})`);
	tx.status = 'verified';
	tx.verified_at = ctx.state.now().toISOString();
	return { status: 200, body: { id: tx.id, authority: tx.authority, status: 'verified', amount: tx.amount, paid_at: tx.paid_at } };
}

function listTransactions(ctx, user) {
	const q = ctx.query;
	let list = ctx.state.transactions.filter((t) => t.user_id === user.id).map((t) => refreshStatus(ctx.state, t));
	if (q.shop_id) list = list.filter((t) => t.shop_id === q.shop_id);
	if (q.status) list = list.filter((t) => t.status === q.status);
	const page = Math.max(1, Number(q.page || 1));
	const perPage = Math.min(100, Math.max(1, Number(q.per_page || ctx.state.config.perPageDefault)));
	return {
		status: 200,
		body: { transactions: list.slice((page - 1) * perPage, page * perPage).map(txView), total: list.length, page, per_page: perPage },
	};
}

/** The payer finishes on the payment page: paid or cancelled, then goes back to callback_url. */
function settle(state, tx, outcome) {
	if (tx.status === 'pending') {
		if (outcome === 'pay') {
			tx.status = 'paid';
			tx.paid_at = state.now().toISOString();
		} else if (outcome === 'expire') {
			tx.status = 'expired';
		} else {
			tx.status = 'cancelled';
		}
	}
	const url = new URL(tx.callback_url);
	url.searchParams.set('authority', tx.authority);
	url.searchParams.set('status', tx.status === 'paid' ? 'OK' : 'NOK');
	return url.toString();
}

function paymentPageAction(ctx) {
	const tx = findTx(ctx.state, ctx.params.authority);
	if (!tx) return detail(404, 'Transaction not found');
	const outcome = ctx.body.action || ctx.query.action || 'pay';
	return { status: 302, raw: '', headers: { location: settle(ctx.state, tx, outcome) } };
}

// ---- crypto gateway ----
const currencyView = ({ code, name, symbol, network, icon, decimals }) => ({ code, name, symbol, network, icon, decimals });
const findCurrency = (code) => CURRENCIES.find((c) => c.code === String(code || '').toLowerCase());

const paymentView = (p) => ({
	id: p.id, order_id: p.order_id, currency: p.currency, status: p.status, requested_amount: p.requested_amount,
	received_amount: p.received_amount, confirmations: p.confirmations, required_confirmations: p.required_confirmations,
	tx_hash: p.tx_hash, paid_at: p.paid_at,
});

function createPayment(ctx, user) {
	const { state } = ctx;
	const b = ctx.body;
	if (!b.order_id) return validation('order_id', 'field required');
	const currency = findCurrency(b.currency);
	if (!currency) return detail(400, `Unsupported currency: ${b.currency}`);
	const hasUsd = b.amount_usd !== undefined && b.amount_usd !== null;
	const hasCrypto = b.amount_crypto !== undefined && b.amount_crypto !== null;
	if (hasUsd === hasCrypto) return detail(400, 'Provide exactly one of amount_usd or amount_crypto');
	let requested;
	if (hasCrypto) {
		requested = toUnits(b.amount_crypto, currency.decimals);
	} else {
		const usd = toUnits(b.amount_usd, 2);
		const rate = toUnits(currency.usdRate, 2);
		if (usd !== undefined) requested = (usd * 10n ** BigInt(currency.decimals)) / rate;
	}
	if (requested === undefined || requested <= 0n) return validation(hasCrypto ? 'amount_crypto' : 'amount_usd', 'invalid amount');
	if (state.payments.some((p) => p.user_id === user.id && p.order_id === b.order_id)) return detail(400, 'order_id already used');
	const now = state.now();
	const payment = {
		id: uuid(), user_id: user.id, order_id: String(b.order_id), currency: currency.code,
		requested_amount: fromUnits(requested, currency.decimals), received_amount: null, confirmations: 0,
		required_confirmations: currency.confirmations, tx_hash: null, paid_at: null, status: 'pending',
		deposit_address: `sbx_${currency.network}_${crypto.randomBytes(12).toString('hex')}`,
		memo: currency.memo ? String(100000 + state.payments.length) : null,
		expires_at: new Date(now.getTime() + (Number(b.expires_minutes) || 60) * 60000).toISOString(),
		webhook_url: b.webhook_url || null, callback_success: b.callback_success || null, callback_failed: b.callback_failed || null,
	};
	state.payments.push(payment);
	return {
		status: 200,
		body: {
			id: payment.id, order_id: payment.order_id, currency: payment.currency, requested_amount: payment.requested_amount,
			deposit_address: payment.deposit_address, memo: payment.memo, status: payment.status, expires_at: payment.expires_at,
			payment_url: `${ctx.sandbox.baseUrl}/kpay/api/v1/gateway/pay/${payment.id}`,
		},
	};
}

function getPayment(ctx) {
	const payment = ctx.state.payments.find((p) => p.id === ctx.params.id);
	if (!payment) return detail(404, 'Payment not found');
	return { status: 200, body: paymentView(payment) };
}

function balances(ctx, user) {
	const byUser = ctx.state.balances[user.id] || {};
	return {
		status: 200,
		body: {
			balances: Object.entries(byUser).map(([code, b]) => {
				const { decimals } = findCurrency(code);
				return { currency: code, available_balance: fromUnits(b.available, decimals), pending_balance: fromUnits(b.pending, decimals), total_received: fromUnits(b.received, decimals), total_withdrawn: fromUnits(b.withdrawn, decimals) };
			}),
		},
	};
}

function withdraw(ctx, user) {
	const { state } = ctx;
	const b = ctx.body;
	const currency = findCurrency(b.currency);
	if (!currency) return detail(400, `Unsupported currency: ${b.currency}`);
	if (!b.destination_address) return validation('destination_address', 'field required');
	const amount = toUnits(b.amount, currency.decimals);
	if (amount === undefined || amount <= 0n) return validation('amount', 'invalid amount');
	const fee = toUnits(currency.fee, currency.decimals);
	if (amount <= fee) return detail(400, `Amount must be greater than the withdrawal fee (${currency.fee})`);
	const balance = balanceOf(state, user.id, currency.code);
	if (amount > balance.available) {
		return detail(400, `Insufficient balance. Available: ${fromUnits(balance.available, currency.decimals)} ${currency.code}`);
	}
	balance.available -= amount;
	balance.withdrawn += amount;
	const withdrawal = {
		id: uuid(), user_id: user.id, currency: currency.code, amount: fromUnits(amount, currency.decimals), fee: currency.fee,
		net_amount: fromUnits(amount - fee, currency.decimals), destination_address: b.destination_address, memo: b.memo || null, status: 'pending',
	};
	state.withdrawals.push(withdrawal);
	const { user_id, memo, ...view } = withdrawal;
	return { status: 200, body: view };
}

// ---- control: payer and blockchain events ----
function notifyPayment(ctx, payment) {
	if (!payment.webhook_url) return;
	const body = { payment_id: payment.id, order_id: payment.order_id, status: payment.status, confirmations: payment.confirmations };
	return ctx.sandbox.sendWebhook(payment.webhook_url, body, { provider: 'kpay' });
}

async function paymentEvent(ctx) {
	const { state } = ctx;
	const payment = state.payments.find((p) => p.id === ctx.params.id);
	if (!payment) return { status: 404, body: { error: 'no such payment' } };
	const event = ctx.params.event;
	const { decimals } = findCurrency(payment.currency);
	const balance = balanceOf(state, payment.user_id, payment.currency);
	if (event === 'deposit') {
		if (payment.status !== 'pending') return { status: 409, body: { error: `payment is ${payment.status}` } };
		payment.received_amount = ctx.body.amount ?? payment.requested_amount;
		payment.tx_hash = `0x${crypto.randomBytes(32).toString('hex')}`;
		payment.confirmations = 0;
		payment.status = 'confirming';
		balance.pending += toUnits(payment.received_amount, decimals);
	} else if (event === 'confirm') {
		if (payment.status !== 'confirming') return { status: 409, body: { error: `payment is ${payment.status}` } };
		payment.confirmations += 1;
		if (payment.confirmations >= payment.required_confirmations) {
			const units = toUnits(payment.received_amount, decimals);
			balance.pending -= units;
			credit(state, payment.user_id, payment.currency, units);
			payment.status = 'completed';
			payment.paid_at = state.now().toISOString();
		}
	} else if (event === 'expire' || event === 'fail') {
		if (payment.status === 'completed') return { status: 409, body: { error: 'payment is completed' } };
		payment.status = event === 'expire' ? 'expired' : 'failed';
	} else {
		return { status: 404, body: { error: `unknown event ${event}` } };
	}
	const delivery = ctx.body.notify === false ? undefined : await notifyPayment(ctx, payment);
	return { status: 200, body: { payment: paymentView(payment), delivery } };
}

function transactionEvent(ctx) {
	const tx = findTx(ctx.state, ctx.params.authority);
	if (!tx) return { status: 404, body: { error: 'no such transaction' } };
	return { status: 200, body: { redirect: settle(ctx.state, tx, ctx.params.event), status: tx.status } };
}

function configure(ctx) {
	const { config } = ctx.state;
	for (const key of ['tokenLifetimeMs', 'tokenMaxUses', 'transactionLifetimeMs']) {
		if (ctx.body[key] !== undefined) config[key] = ctx.body[key] === null ? Infinity : Number(ctx.body[key]);
	}
	return { status: 200, body: { ...config, tokenMaxUses: Number.isFinite(config.tokenMaxUses) ? config.tokenMaxUses : null } };
}

module.exports = {
	name: 'kpay',
	credentialType: 'kpayApi',
	prefix: '/kpay/api/v1',
	DEMO,
	CURRENCIES,
	luhn,
	shabaValid,
	createState,
	demoCredentials: (sandbox) => ({
		authMode: 'login',
		environment: 'custom',
		baseUrl: `${sandbox.baseUrl}/kpay/api/v1`,
		mobile: DEMO.mobile,
		password: DEMO.password,
	}),
	routes: [
		['POST', '/auth/register', register],
		['POST', '/auth/login', login],
		['GET', '/auth/me', withAuth((ctx, user) => ({ status: 200, body: userView(user) }))],
		['GET', '/shops', withAuth((ctx, user) => {
			const shops = ctx.state.shops.filter((s) => s.user_id === user.id).map(shopView);
			return { status: 200, body: { shops, total: shops.length } };
		})],
		['POST', '/shops', withAuth(createShop)],
		['POST', '/shops/:id/regenerate-key', withAuth(regenerateKey)],
		['GET', '/cards', withAuth((ctx, user) => {
			const cards = ctx.state.cards.filter((c) => c.user_id === user.id).map(cardView);
			return { status: 200, body: { cards, total: cards.length } };
		})],
		['POST', '/cards', withAuth(addCard)],
		['POST', '/transactions/create', withAuth(createTransaction)],
		['GET', '/transactions/payment/:authority', paymentInfo],
		['POST', '/transactions/verify', verifyTransaction],
		['GET', '/transactions/check/:authority', checkTransaction],
		['GET', '/transactions', withAuth(listTransactions)],
		['GET', '/pay/:authority', paymentInfo],
		['POST', '/pay/:authority', paymentPageAction],
		['GET', '/gateway/currencies', () => ({ status: 200, body: { currencies: CURRENCIES.map(currencyView) } })],
		['POST', '/gateway/payments', withAuth(createPayment)],
		['GET', '/gateway/payments/:id', getPayment],
		['GET', '/gateway/balances', withAuth(balances)],
		['POST', '/gateway/withdrawals', withAuth(withdraw)],
	],
	control: [
		['POST', '/config', configure],
		['POST', '/clock', (ctx) => {
			ctx.state.clockOffsetMs += Number(ctx.body.advanceMs || 0);
			return { status: 200, body: { now: ctx.state.now().toISOString() } };
		}],
		['POST', '/tokens/expire', (ctx) => {
			const count = ctx.state.tokens.size;
			ctx.state.tokens.clear();
			return { status: 200, body: { expired: count } };
		}],
		['POST', '/transactions/:authority/:event', transactionEvent],
		['POST', '/payments/:id/:event', paymentEvent],
		['GET', '/state', (ctx) => ({
			status: 200,
			body: {
				users: ctx.state.users.map(userView), logins: ctx.state.logins, shops: ctx.state.shops.map(shopView), cards: ctx.state.cards.map(cardView),
				transactions: ctx.state.transactions.map(txView), payments: ctx.state.payments.map(paymentView), withdrawals: ctx.state.withdrawals,
			},
		})],
	],
};
