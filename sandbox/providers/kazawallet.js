'use strict';
// Kazawallet stand-in (Kazawallet API reference, https://www.kazawallet.com/ar/api-docs, and the facts
// docs/kazawallet.md lists). Headers x-api-key / x-api-secret / merchant-email (the payment-link
// endpoint needs the key only); amounts are strings; errors in both of the provider's shapes:
// { error: { message, details: { key } } } and { success: false, error: "message" } (HTTP 200).
// Request bodies the reference does not show follow the same assumptions as the node (docs/kazawallet.md).

const crypto = require('crypto');

const DEMO = {
	apiKey: 'kz_sandbox_key_4f1c',
	apiSecret: 'kz_sandbox_secret_9b7e',
	merchantEmail: 'merchant@kazawallet.test',
};

const CRYPTO = new Set(['USDT', 'BTC', 'ETH', 'USDC']);
const SCALE = 10n ** 8n;
const ONE_YEAR_MS = 365 * 24 * 60 * 60 * 1000;

/** Exact decimal string → integer units of 1e-8 (no floats). */
function units(value) {
	const text = String(value).trim();
	if (!/^\d+(\.\d{1,8})?$/.test(text)) return undefined;
	const [integer, fraction = ''] = text.split('.');
	return BigInt(integer) * SCALE + BigInt((fraction + '00000000').slice(0, 8));
}

function decimals(currency) {
	return CRYPTO.has(String(currency).toUpperCase()) ? 8 : 2;
}

/** Integer units → decimal string with the currency's decimals. */
function format(value, currency) {
	const d = decimals(currency);
	const negative = value < 0n;
	const abs = negative ? -value : value;
	const integer = abs / SCALE;
	const fraction = (abs % SCALE).toString().padStart(8, '0').slice(0, d);
	return `${negative ? '-' : ''}${integer}${d ? `.${fraction}` : ''}`;
}

/** The payment-link webhook secret (README recipe). */
function webhookSecret(amount, orderId, apiKey = DEMO.apiKey, apiSecret = DEMO.apiSecret) {
	const digest = crypto.createHash('sha256').update(`${amount}:::${orderId}:::${apiKey}`).digest();
	return crypto.createHmac('sha512', apiSecret).update(digest).digest('base64');
}

const PAYMENT_METHODS = {
	15: { name: 'USDT-TRC20', env: 'development', currency: 'USDT', fields: [{ slug: 'wallet_address', name: 'TRC20 wallet address', type: 'text', required: true }, { slug: 'memo', name: 'Memo', type: 'text', required: false }] },
	13: { name: 'USDT-BEP20', env: 'development', currency: 'USDT', fields: [{ slug: 'wallet_address', name: 'BEP20 wallet address', type: 'text', required: true }] },
	118: { name: 'USDT-TRC20', env: 'production', currency: 'USDT', fields: [{ slug: 'wallet_address', name: 'TRC20 wallet address', type: 'text', required: true }, { slug: 'memo', name: 'Memo', type: 'text', required: false }] },
	116: { name: 'USDT-ERC20', env: 'production', currency: 'USDT', fields: [{ slug: 'wallet_address', name: 'ERC20 wallet address', type: 'text', required: true }] },
	117: { name: 'USDT-SOL', env: 'production', currency: 'USDT', fields: [{ slug: 'wallet_address', name: 'Solana wallet address', type: 'text', required: true }] },
	115: { name: 'USDT-BEP20', env: 'production', currency: 'USDT', fields: [{ slug: 'wallet_address', name: 'BEP20 wallet address', type: 'text', required: true }] },
};

const CARD_FEES = { basic: units('5.00'), plus: units('10.00') };

function createState() {
	const wallet = (entries) => Object.fromEntries(Object.entries(entries).map(([c, v]) => [c, units(v)]));
	return {
		webhookUrl: undefined,
		pageSize: 10,
		sequence: 1000,
		accounts: {
			[DEMO.merchantEmail]: { merchant: true, wallets: wallet({ USD: '10000.00', EUR: '2000.00', USDT: '5000.00000000' }) },
			'alice@example.com': { wallets: wallet({ USD: '100.00', USDT: '50.00000000' }) },
			'bob@example.com': { wallets: wallet({ USD: '0.00' }) },
		},
		rates: { USD: '1', EUR: '0.92', USDT: '1.0002', SYP: '13000', TRY: '34.1' },
		paymentLinks: [],
		withdrawals: [],
		deposits: [],
		transfers: [],
		cards: [],
		challenges: [],
		giftCards: [],
		now: () => new Date(),
	};
}

function nextId(state, prefix) {
	state.sequence += 1;
	return `${prefix}-${state.sequence}`;
}

const keyError = (status, message, key) => ({ status, body: { error: { message, details: { key } } } });
const softError = (message, status = 200) => ({ status, body: { success: false, error: message } });
const ok = (body) => ({ status: 200, body: { success: true, error: null, ...body } });

function authenticate(ctx, keyOnly = false) {
	if (ctx.headers['x-api-key'] !== DEMO.apiKey) return keyError(401, 'Invalid API key', 'INVALID_CREDENTIALS');
	if (keyOnly) return undefined;
	if (ctx.headers['x-api-secret'] !== DEMO.apiSecret || ctx.headers['merchant-email'] !== DEMO.merchantEmail) {
		return softError('Invalid API secret or merchant email', 401);
	}
	return undefined;
}

function merchant(state) {
	return state.accounts[DEMO.merchantEmail];
}

function balance(account, currency) {
	return account.wallets[currency] ?? 0n;
}

function move(from, to, currency, amount) {
	if (from) from.wallets[currency] = balance(from, currency) - amount;
	if (to) to.wallets[currency] = balance(to, currency) + amount;
}

/** A string amount with at most the currency's decimals, > 0. */
function parseAmount(value, currency) {
	if (typeof value !== 'string') return undefined;
	const amount = units(value);
	if (amount === undefined || amount <= 0n) return undefined;
	const fraction = value.split('.')[1] || '';
	if (fraction.length > decimals(currency)) return undefined;
	return amount;
}

function deliver(ctx, payload, options = {}) {
	const url = options.url || ctx.state.webhookUrl;
	if (!url) return Promise.resolve({ status: 0, response: 'no webhook URL configured' });
	return ctx.sandbox.sendWebhook(url, payload, { provider: 'kazawallet', format: options.format || 'json' });
}

function deliverLater(ctx, payload) {
	setImmediate(() => deliver(ctx, payload));
}

function maskedNumber(card) {
	return `****${card.cardNumber.slice(-4)}`;
}

function publicCard(card) {
	return {
		id: card.id,
		email: card.email,
		cardType: card.cardType,
		status: card.status,
		locked: card.locked,
		balance: format(card.balance, 'USD'),
		currency: 'USD',
		cardNumber: card.cardNumber,
		cvv: card.cvv,
		expiry: card.expiry,
		createdAt: card.createdAt,
	};
}

function findCard(ctx, cardId) {
	return ctx.state.cards.find((card) => card.id === cardId);
}

function recordCardTransaction(ctx, card, { amount, type, direction, status = 1, merchantName = null, notify }) {
	const transaction = {
		id: nextId(ctx.state, 'ct'),
		reason: 'R7',
		amount: format(amount, 'USD'),
		transactionAt: ctx.state.now().getTime(),
		type,
		originalAmount: format(amount, 'USD'),
		originalCurrency: 'USD',
		currency: 'USD',
		status,
		direction,
		cardNumber: maskedNumber(card),
		merchantName,
	};
	card.transactions.push(transaction);
	if (notify) deliverLater(ctx, { event: notify, cardId: card.id, details: transaction });
	return transaction;
}

function page(ctx, list) {
	const size = ctx.state.pageSize;
	const number = Math.max(1, Number(ctx.query.page || 1));
	return { entries: list.slice((number - 1) * size, number * size), page: number, totalPages: Math.max(1, Math.ceil(list.length / size)) };
}

// ---- API routes ----

function createPaymentLink(ctx) {
	const denied = authenticate(ctx, true);
	if (denied) return denied;
	const { amount, currency, email, ref, redirectUrl } = ctx.body;
	if (email !== DEMO.merchantEmail) return keyError(400, 'User not found', 'USER_NOT_FOUND');
	const code = String(currency || '').toUpperCase();
	if (!merchant(ctx.state).wallets[code] && !ctx.state.rates[code]) return keyError(400, 'Unsupported currency', 'INVALID_CURRENCY');
	if (parseAmount(amount, code) === undefined) return keyError(400, 'Amount must be a positive decimal string', 'INVALID_AMOUNT');
	const link = { order_id: nextId(ctx.state, 'pl'), amount, currency: code, ref: ref ?? '', redirectUrl, status: 'pending', headers: { secretSent: ctx.headers['x-api-secret'] !== undefined, emailSent: ctx.headers['merchant-email'] !== undefined } };
	ctx.state.paymentLinks.push(link);
	return { status: 200, body: { url: `https://pay.kazawallet.test/link/${link.order_id}`, order_id: link.order_id } };
}

function createWithdrawal(ctx) {
	const denied = authenticate(ctx);
	if (denied) return denied;
	const { email, currency, amount, note, paymentMethod, fields = {} } = ctx.body;
	const account = ctx.state.accounts[email];
	if (!account) return keyError(400, 'User not found', 'USER_NOT_FOUND');
	const method = PAYMENT_METHODS[paymentMethod];
	if (typeof paymentMethod !== 'string' || !method) return softError('Payment method not found');
	const parsed = parseAmount(amount, currency);
	if (parsed === undefined) return softError('Invalid amount');
	for (const field of method.fields) {
		if (field.required && !fields[field.slug]) return softError(`The field ${field.slug} is required for ${method.name}`);
	}
	if (balance(account, currency) < parsed) return softError('Insufficient balance');
	move(account, undefined, currency, parsed); // held until the withdrawal settles
	const withdrawal = { id: nextId(ctx.state, 'wd'), email, currency, amount, note, paymentMethod, fields, status: 'pending', createdAt: ctx.state.now().toISOString() };
	ctx.state.withdrawals.push(withdrawal);
	return ok({ status: 'pending', withdrawal: { id: withdrawal.id, status: 'pending', amount, currency, paymentMethod } });
}

function getRates(ctx) {
	return authenticate(ctx) || ok({ rates: ctx.state.rates, base: 'USD' });
}

function getWallets(ctx) {
	const denied = authenticate(ctx);
	if (denied) return denied;
	const wallets = Object.entries(merchant(ctx.state).wallets).map(([currency, amount]) => ({ currency, amount: format(amount, currency) }));
	return ok({ wallets });
}

function getPaymentMethodFields(ctx) {
	const denied = authenticate(ctx);
	if (denied) return denied;
	const method = PAYMENT_METHODS[ctx.query.id];
	if (!method) return softError('Payment method not found');
	const fields = ctx.query.field ? method.fields.filter((field) => field.slug === ctx.query.field) : method.fields;
	return ok({ paymentMethod: { id: Number(ctx.query.id), name: method.name }, fields });
}

function createDeposit(ctx) {
	const denied = authenticate(ctx);
	if (denied) return denied;
	const { merchantEmail, email, currency, amount, note, paymentMethod, fields = {} } = ctx.body;
	if (merchantEmail !== DEMO.merchantEmail) return softError('Merchant email does not match');
	if (!ctx.state.accounts[email] || ctx.state.accounts[email].merchant) return softError('User not found');
	if (typeof paymentMethod !== 'number' || !PAYMENT_METHODS[paymentMethod]) return softError('Payment method not found');
	if (parseAmount(amount, currency) === undefined) return softError('Invalid amount');
	const deposit = { transaction_id: nextId(ctx.state, 'de'), email, currency, amount, note, paymentMethod, fields, status: 'pending', created_at: ctx.state.now().toISOString() };
	ctx.state.deposits.push(deposit);
	return ok({ createdPayment: { status: 'pending', transaction_id: deposit.transaction_id, amount, currency, email } });
}

function transfer(ctx) {
	const denied = authenticate(ctx);
	if (denied) return denied;
	const { email, currency, amount, note } = ctx.body;
	const user = ctx.state.accounts[email];
	if (!user || user.merchant) return keyError(400, 'User not found', 'USER_NOT_FOUND');
	const parsed = parseAmount(amount, currency);
	if (parsed === undefined) return softError('Invalid amount');
	if (balance(merchant(ctx.state), currency) < parsed) return softError('Insufficient balance');
	move(merchant(ctx.state), user, currency, parsed);
	const record = { id: nextId(ctx.state, 'tr'), email, currency, amount, note, createdAt: ctx.state.now().toISOString() };
	ctx.state.transfers.push(record);
	return ok({ transfer: record });
}

function issueCard(ctx, withTopUp) {
	const denied = authenticate(ctx);
	if (denied) return denied;
	const { email, amount, cardType = 'basic' } = ctx.body;
	const user = ctx.state.accounts[email];
	if (!user || user.merchant) return keyError(400, 'User not found', 'USER_NOT_FOUND');
	if (!CARD_FEES[cardType]) return softError('cardType must be basic or plus');
	let topUp = 0n;
	if (withTopUp) {
		topUp = parseAmount(amount, 'USD');
		if (topUp === undefined) return softError('Invalid amount');
	}
	const cost = CARD_FEES[cardType] + topUp;
	if (balance(merchant(ctx.state), 'USD') < cost) return softError('Insufficient balance');
	move(merchant(ctx.state), undefined, 'USD', cost);
	const serial = String(ctx.state.sequence + 1).padStart(4, '0').slice(-4);
	const card = { id: nextId(ctx.state, 'kc'), email, cardType, status: 'active', locked: false, balance: topUp, cardNumber: `411111111111${serial}`, cvv: '737', expiry: '12/29', fee: format(CARD_FEES[cardType], 'USD'), createdAt: ctx.state.now().toISOString(), transactions: [] };
	ctx.state.cards.push(card);
	if (topUp > 0n) recordCardTransaction(ctx, card, { amount: topUp, type: 1, direction: 1 });
	return ok({ card: { ...publicCard(card), fee: card.fee } });
}

function withCard(handler) {
	return (ctx) => {
		const denied = authenticate(ctx);
		if (denied) return denied;
		const card = findCard(ctx, ctx.body.cardId ?? ctx.query.cardId);
		if (!card) return keyError(404, 'Card not found', 'CARD_NOT_FOUND');
		return handler(ctx, card);
	};
}

const topUpCard = withCard((ctx, card) => {
	if (card.status === 'cancelled') return keyError(400, 'Card is cancelled', 'CARD_CANCELLED');
	const amount = parseAmount(ctx.body.amount, 'USD');
	if (amount === undefined) return softError('Invalid amount');
	if (balance(merchant(ctx.state), 'USD') < amount) return softError('Insufficient balance');
	move(merchant(ctx.state), undefined, 'USD', amount);
	card.balance += amount;
	const transaction = recordCardTransaction(ctx, card, { amount, type: 1, direction: 1, notify: 'CC_RECHARGE' });
	return ok({ card: { id: card.id, balance: format(card.balance, 'USD') }, transaction });
});

const cancelCard = withCard((ctx, card) => {
	if (card.status === 'cancelled') return keyError(400, 'Card is already cancelled', 'CARD_CANCELLED');
	card.status = 'cancelled';
	move(undefined, merchant(ctx.state), 'USD', card.balance); // the remaining balance returns to the merchant
	const refunded = format(card.balance, 'USD');
	card.balance = 0n;
	return ok({ card: { id: card.id, status: card.status }, refunded });
});

const setLock = (locked) =>
	withCard((ctx, card) => {
		if (card.status === 'cancelled') return keyError(400, 'Card is cancelled', 'CARD_CANCELLED');
		card.locked = locked;
		return ok({ card: { id: card.id, locked } });
	});

function listCards(ctx) {
	const denied = authenticate(ctx);
	if (denied) return denied;
	const { entries, page: number, totalPages } = page(ctx, ctx.state.cards);
	return ok({ cards: entries.map(publicCard), page: number, totalPages });
}

const cardDetails = withCard((ctx, card) => ok({ card: publicCard(card) }));

const cardTransactions = withCard((ctx, card) => {
	const { entries, page: number, totalPages } = page(ctx, card.transactions);
	return ok({ transactions: entries, page: number, totalPages });
});

const validateCode = withCard((ctx, card) => {
	const challenge = ctx.state.challenges.find((c) => c.cardId === card.id && c.code === String(ctx.body.code) && !c.used);
	if (!challenge) return softError('Invalid or already used code');
	challenge.used = true;
	challenge.acceptedAt = ctx.state.now().toISOString();
	card.balance -= challenge.amount;
	const transaction = recordCardTransaction(ctx, card, { amount: challenge.amount, type: 2, direction: 2, merchantName: challenge.merchantName, notify: 'CC_CONSUME' });
	return ok({ validated: true, transaction });
});

function createGiftCard(ctx) {
	const denied = authenticate(ctx);
	if (denied) return denied;
	const { giftCardCurrency, amount } = ctx.body;
	const currency = String(giftCardCurrency || '').toUpperCase();
	const parsed = parseAmount(amount, currency);
	if (!currency || parsed === undefined) return softError('Invalid gift card currency or amount');
	if (balance(merchant(ctx.state), currency) < parsed) return softError('Insufficient balance');
	move(merchant(ctx.state), undefined, currency, parsed);
	const created = ctx.state.now();
	const giftCard = {
		code: `GC-${crypto.randomBytes(4).toString('hex').toUpperCase()}-${crypto.randomBytes(4).toString('hex').toUpperCase()}`,
		currency,
		amount,
		createdAt: created.toISOString(),
		expiresAt: new Date(created.getTime() + ONE_YEAR_MS).toISOString(), // fixed: any expiry in the body is ignored
		ignoredExpiry: ctx.body.expiresAt ?? ctx.body.expiry ?? undefined,
		redeemedBy: undefined,
	};
	ctx.state.giftCards.push(giftCard);
	return ok({ giftCard: { code: giftCard.code, currency: giftCard.currency.toLowerCase(), amount, expiresAt: giftCard.expiresAt } });
}

function redeemGiftCard(ctx) {
	const denied = authenticate(ctx);
	if (denied) return denied;
	const { giftCardCode, userEmail } = ctx.body;
	const giftCard = ctx.state.giftCards.find((g) => g.code === giftCardCode);
	if (!giftCard) return keyError(404, 'Gift card not found', 'GIFT_CARD_NOT_FOUND');
	if (giftCard.redeemedBy) return keyError(400, 'Gift card already redeemed', 'GIFT_CARD_REDEEMED');
	if (new Date(giftCard.expiresAt) < ctx.state.now()) return keyError(400, 'Gift card expired', 'GIFT_CARD_EXPIRED');
	const user = ctx.state.accounts[userEmail];
	if (!user || user.merchant) return keyError(400, 'User not found', 'USER_NOT_FOUND');
	move(undefined, user, giftCard.currency, units(giftCard.amount));
	giftCard.redeemedBy = userEmail;
	return ok({ redeemed: { amount: giftCard.amount, currency: giftCard.currency.toLowerCase(), userEmail } });
}

// ---- control: provider-side events ----

async function completePaymentLink(ctx) {
	const link = ctx.state.paymentLinks.find((l) => l.order_id === ctx.params.orderId);
	if (!link) return { status: 404, body: { error: 'no such payment link' } };
	if (link.status !== 'pending') return { status: 409, body: { error: `already ${link.status}` } };
	const status = ctx.body.status === 'timed_out' ? 'timed_out' : 'fulfilled';
	link.status = status;
	if (status === 'fulfilled') move(undefined, merchant(ctx.state), link.currency, units(link.amount));
	const secret = webhookSecret(link.amount, link.order_id);
	const payload = { order_id: link.order_id, secret, amount: link.amount, ref: link.ref, status, currency: link.currency };
	let delivery;
	if (ctx.body.amountAsNumber) {
		// a JSON number written as received, e.g. 10.00 (JSON.parse would read 10)
		const text = `{"order_id":${JSON.stringify(link.order_id)},"secret":${JSON.stringify(secret)},"amount":${link.amount},"ref":${JSON.stringify(link.ref)},"status":"${status}","currency":"${link.currency}"}`;
		delivery = await deliver(ctx, text);
	} else {
		delivery = await deliver(ctx, payload, { format: ctx.body.format });
	}
	return { status: 200, body: { payload, delivery } };
}

async function settle(ctx, list, idField, kind) {
	const record = ctx.state[list].find((r) => r[idField] === ctx.params.id);
	if (!record) return { status: 404, body: { error: `no such ${kind}` } };
	if (record.status !== 'pending') return { status: 409, body: { error: `already ${record.status}` } };
	const status = ctx.body.status === 'rejected' ? 'rejected' : 'completed';
	record.status = status;
	const account = ctx.state.accounts[record.email];
	const amount = units(record.amount);
	if (kind === 'withdrawal' && status === 'rejected') move(undefined, account, record.currency, amount); // hold released
	if (kind === 'deposit' && status === 'completed') move(undefined, account, record.currency, amount);
	const payload = { type: kind, transaction_id: record[idField], status, amount: record.amount, currency: record.currency, email: record.email };
	const delivery = await deliver(ctx, payload);
	return { status: 200, body: { payload, delivery } };
}

async function spendCard(ctx) {
	const card = findCard(ctx, ctx.params.cardId);
	if (!card) return { status: 404, body: { error: 'no such card' } };
	const amount = units(ctx.body.amount || '1.00');
	const merchantName = ctx.body.merchantName || 'Sandbox Shop';
	if (ctx.body.threeDS) {
		const code = String(crypto.randomInt(100000, 1000000));
		const transactionDate = ctx.state.now().getTime();
		ctx.state.challenges.push({ cardId: card.id, code, amount, merchantName, used: false, createdAt: transactionDate });
		const payload = { event: '3DS_CONFIRM', cardId: card.id, details: { amount: format(amount, 'USD'), type: 'code', cardNumber: maskedNumber(card), merchants: merchantName, transactionCurrency: 'USD', transactionDate, validateCode: code } };
		const delivery = await deliver(ctx, payload);
		return { status: 200, body: { payload, delivery } };
	}
	const declined = card.locked || card.status === 'cancelled' || card.balance < amount;
	if (!declined) card.balance -= amount;
	const transaction = recordCardTransaction(ctx, card, { amount, type: 2, direction: 2, status: declined ? 2 : 1, merchantName });
	const payload = { event: 'CC_CONSUME', cardId: card.id, details: transaction };
	const delivery = await deliver(ctx, payload);
	return { status: 200, body: { payload, delivery, declined } };
}

function snapshot(state) {
	return {
		webhookUrl: state.webhookUrl,
		accounts: Object.fromEntries(Object.entries(state.accounts).map(([email, account]) => [email, Object.fromEntries(Object.entries(account.wallets).map(([c, v]) => [c, format(v, c)]))])),
		paymentLinks: state.paymentLinks,
		withdrawals: state.withdrawals,
		deposits: state.deposits,
		transfers: state.transfers,
		cards: state.cards.map((card) => ({ ...publicCard(card), transactions: card.transactions })),
		challenges: state.challenges.map(({ amount, ...c }) => ({ ...c, amount: format(amount, 'USD') })),
		giftCards: state.giftCards,
	};
}

module.exports = {
	name: 'kazawallet',
	credentialType: 'kazawalletApi',
	prefix: '/kazawallet',
	DEMO,
	webhookSecret,
	snapshot,
	createState,
	demoCredentials: (sandbox) => ({
		environment: 'custom',
		baseUrl: `${sandbox.baseUrl}/kazawallet`,
		// the sandbox accepts both tables of ids; the dropdown offers the development ones
		paymentMethodIds: 'development',
		apiKey: DEMO.apiKey,
		apiSecret: DEMO.apiSecret,
		merchantEmail: DEMO.merchantEmail,
	}),
	routes: [
		['POST', '/createPaymentLink', createPaymentLink],
		['POST', '/createWithdrawalRequest', createWithdrawal],
		['GET', '/get-rate', getRates],
		['GET', '/get-merchant-wallets', getWallets],
		['GET', '/get-payment-method-fields', getPaymentMethodFields],
		['POST', '/createDepositRequest', createDeposit],
		['POST', '/transfer-from-merchant-to-user', transfer],
		['POST', '/wallet-cards/create-then-topup', (ctx) => issueCard(ctx, true)],
		['POST', '/wallet-cards/create', (ctx) => issueCard(ctx, false)],
		['PUT', '/wallet-cards/topup', topUpCard],
		['PUT', '/wallet-cards/cancel', cancelCard],
		['PUT', '/wallet-cards/lock', setLock(true)],
		['PUT', '/wallet-cards/unlock', setLock(false)],
		['GET', '/get-merchant-wallets-cards', listCards],
		['GET', '/wallet-cards/get-card-details', cardDetails],
		['GET', '/wallet-cards/get-transactions', cardTransactions],
		['POST', '/wallet-cards/validate-code', validateCode],
		['POST', '/gift-card/create', createGiftCard],
		['POST', '/gift-card/redeem', redeemGiftCard],
	],
	control: [
		['POST', '/webhook-url', (ctx) => { ctx.state.webhookUrl = ctx.body.url; return { status: 200, body: { ok: true } }; }],
		['POST', '/payment-links/:orderId/complete', completePaymentLink],
		['POST', '/withdrawals/:id/settle', (ctx) => settle(ctx, 'withdrawals', 'id', 'withdrawal')],
		['POST', '/deposits/:id/settle', (ctx) => settle(ctx, 'deposits', 'transaction_id', 'deposit')],
		['POST', '/cards/:cardId/spend', spendCard],
		['GET', '/state', (ctx) => ({ status: 200, body: snapshot(ctx.state) })],
		[
			'POST',
			'/notify',
			// sends a webhook exactly as given (a string is sent as the raw JSON text)
			async (ctx) => ({ status: 200, body: await deliver(ctx, ctx.body.payload, { url: ctx.body.url, format: ctx.body.format }) }),
		],
	],
};
