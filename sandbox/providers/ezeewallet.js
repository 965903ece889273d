'use strict';
// eZeeWallet API 1.3.7 stand-in (reference: eZeeWallet's merchant API reference 1.3.7, cited by section title). Basic auth; amounts
// in minor units; errors exactly as the reference's table (HTTP 400 with { error: { code, message } }).

const crypto = require('crypto');

const ERRORS = {
	401: 'Parameters are missing or invalid',
	402: 'Invalid credentials for source wallet account',
	403: 'Transaction disallowed for source wallet account',
	404: 'Merchant wallet is disabled',
	405: 'Target wallet account not found',
	406: 'Transaction disallowed for target wallet account',
	407: 'Currency mismatch',
	408: 'Transaction ID already processed',
	409: 'Required top up amount is higher than the maximum deposit amount',
	410: 'Transaction disallowed between wallets with different industry types',
	412: 'Payouts for this account have been suspended',
	413: 'One of the payout amounts is of an invalid format',
	414: 'Insufficient balance in source wallet account to make a payout',
	415: 'Exceeded threshold limit for payouts',
	416: 'Record not found',
	417: 'Could not approve a timed out credit payout request',
	418: 'Could not approve a failed credit payout request',
	419: 'Could not approve a declined credit payout request',
	420: 'Credit payout request already approved',
	421: 'Credit payout request already declined',
	422: "Merchant is not allowed to process transaction for this consumer's country",
	423: 'Source wallet account not found',
	424: 'One of the payout currencies mismatched to the currency of source wallets',
	425: 'Payout currency mismatched to the currency of source wallets',
	426: 'Target wallet currency is different than the currency of the payout',
	427: 'Payout amount is in an invalid format',
	500: 'Request Transfer failed due to internal error',
};

const DEMO = { username: 'sandbox_merchant', password: 'sandbox_api_password' };
const PER_PAGE = 30;

function fail(code) {
	return { status: code === 500 ? 500 : 400, body: { error: { code, message: ERRORS[code] } } };
}

function signature(id, username) {
	return crypto.createHash('sha1').update(`${id}${username}`).digest('hex');
}

function createState(sandbox, options) {
	return {
		merchants: {
			[DEMO.username]: {
				password: DEMO.password,
				wallets: { EUR: 10_000_000, USD: 5_000_000, GBP: 1_000_000, JPY: 100_000_000, KWD: 1_000_000 },
				disabled: false,
				payoutsSuspended: false,
			},
		},
		consumers: {
			'alice@example.com': { password: 'alice-wallet-pw', wallets: { EUR: 50_000, USD: 20_000 }, account: 1001, verification_status: 'verified', account_status: 'active' },
			'bob@example.com': { password: 'bob-wallet-pw', wallets: { EUR: 1_000 }, account: 1002, verification_status: 'unverified', account_status: 'active' },
			'carol@example.com': { password: 'carol-wallet-pw', wallets: { USD: 0, JPY: 0, KWD: 0 }, account: 1003, verification_status: 'verified', account_status: 'active' },
			...(options.consumers || {}),
		},
		transfers: [],
		refunds: [],
		payouts: [],
		batches: [],
		// the queries of Transaction → Get, to see what the trigger asked
		lookups: [],
		// the queries of ListTransfers, to see which dates a node or the editor asked for
		listQueries: [],
		usedIds: new Set(),
		sequence: 1062431000,
		now: () => new Date(),
	};
}

function authenticate(ctx) {
	const header = ctx.headers.authorization || '';
	const [scheme, encoded] = header.split(' ');
	if (scheme !== 'Basic' || !encoded) return undefined;
	const [username, ...rest] = Buffer.from(encoded, 'base64').toString('utf8').split(':');
	const merchant = ctx.state.merchants[username];
	if (!merchant || merchant.password !== rest.join(':')) return undefined;
	return { username, merchant };
}

const unauthorized = { status: 401, body: { error: { message: 'Access denied: invalid API username or password' } } };

function isPositiveInteger(value) {
	return Number.isSafeInteger(value) && value > 0;
}

function nextId(state) {
	state.sequence += 1;
	return String(state.sequence);
}

function notify(ctx, url, username, payload, idField) {
	if (!url) return;
	const body = { ...payload, signature: signature(payload[idField], username) };
	// delivered after the API answer, like the real service
	setImmediate(() => ctx.sandbox.sendWebhook(url, body, { provider: 'ezeewallet' }));
}

function createTransfer(ctx, idField, api) {
	const auth = authenticate(ctx);
	if (!auth) return unauthorized;
	const { state } = ctx;
	const b = ctx.body;
	const required = [idField, 'amount', 'source_wallet_id', 'source_wallet_pwd', 'return_success_url', 'return_failure_url', 'notification_url', 'merchant_website'];
	if (required.some((field) => b[field] === undefined || b[field] === '')) return fail(401);
	if (!isPositiveInteger(b.amount)) return fail(401);
	if (auth.merchant.disabled) return fail(404);
	const consumer = state.consumers[b.source_wallet_id];
	if (!consumer) return fail(423);
	const password = Buffer.from(String(b.source_wallet_pwd), 'base64').toString('utf8');
	if (password !== consumer.password) return fail(402);
	const key = `${auth.username}:transfer:${b[idField]}`;
	if (state.usedIds.has(key)) return fail(408);
	const currency = b.currency || Object.keys(consumer.wallets)[0];
	if (consumer.wallets[currency] === undefined || auth.merchant.wallets[currency] === undefined) return fail(407);
	state.usedIds.add(key);
	const transfer = {
		ezw_reference_id: nextId(state),
		merchant_transaction_id: b[idField],
		api,
		merchant: auth.username,
		amount: b.amount,
		currency,
		consumer_email: b.source_wallet_id,
		return_success_url: b.return_success_url,
		return_failure_url: b.return_failure_url,
		notification_url: b.notification_url,
		usage: b.usage,
		refunded: 0,
		created_at: state.now().toISOString(),
	};
	if (consumer.wallets[currency] >= b.amount) {
		consumer.wallets[currency] -= b.amount;
		auth.merchant.wallets[currency] += b.amount;
		transfer.status = 'approved';
	} else {
		transfer.status = 'pending';
		transfer.redirect_url = `${ctx.sandbox.baseUrl}/ezeewallet/en/consumers/top_up/${crypto.randomBytes(8).toString('hex')}`;
	}
	state.transfers.push(transfer);
	const view = {
		[idField]: b[idField],
		usage: b.usage,
		amount: b.amount,
		currency,
		source_wallet_id: b.source_wallet_id,
		return_success_url: b.return_success_url,
		return_failure_url: b.return_failure_url,
		status: transfer.status,
	};
	if (api === 'new') Object.assign(view, { first_name: 'Sandbox', last_name: 'Consumer', ezw_reference_id: transfer.ezw_reference_id });
	if (transfer.redirect_url) view.redirect_url = transfer.redirect_url;
	return { status: 200, body: { transfer: view } };
}

function transferView(transfer) {
	return {
		ezw_reference_id: transfer.ezw_reference_id,
		merchant_transaction_id: transfer.merchant_transaction_id,
		currency: transfer.currency,
		consumer_email: transfer.consumer_email,
		return_success_url: transfer.return_success_url,
		return_failure_url: transfer.return_failure_url,
		status: transfer.status,
		amount: transfer.amount,
	};
}

function listTransfers(ctx) {
	const auth = authenticate(ctx);
	if (!auth) return unauthorized;
	const q = ctx.query;
	ctx.state.listQueries.push({ ...q });
	let list = ctx.state.transfers.filter((transfer) => transfer.merchant === auth.username);
	if (q.ezw_reference_id) {
		list = list.filter((transfer) => transfer.ezw_reference_id === q.ezw_reference_id);
	} else if (q.start_date && q.end_date) {
		const start = Date.parse(q.start_date);
		const end = Date.parse(q.end_date);
		if (Number.isNaN(start) || Number.isNaN(end)) return fail(401);
		list = list.filter((transfer) => {
			const at = Date.parse(transfer.created_at);
			return at >= start && at <= end;
		});
	} else {
		return fail(401);
	}
	const page = Math.max(1, Number(q.page || 1));
	const pages = Math.max(1, Math.ceil(list.length / PER_PAGE));
	return {
		status: 200,
		body: {
			total_count: list.length,
			pages_count: pages,
			per_page: PER_PAGE,
			page: String(page),
			transfers: list.slice((page - 1) * PER_PAGE, page * PER_PAGE).map(transferView),
		},
	};
}

function createRefund(ctx) {
	const auth = authenticate(ctx);
	if (!auth) return unauthorized;
	const { state } = ctx;
	const b = ctx.body;
	if (!b.merchant_transaction_id || !b.ezw_reference_id || !b.currency || !isPositiveInteger(b.amount)) return fail(401);
	const transfer = state.transfers.find((t) => t.merchant === auth.username && t.ezw_reference_id === b.ezw_reference_id);
	if (!transfer || transfer.status !== 'approved') return fail(416);
	const key = `${auth.username}:refund:${b.merchant_transaction_id}`;
	if (state.usedIds.has(key)) return fail(408);
	if (b.currency !== transfer.currency) return fail(407);
	if (b.amount > transfer.amount - transfer.refunded) return fail(401);
	if (auth.merchant.wallets[b.currency] < b.amount) return fail(414);
	state.usedIds.add(key);
	auth.merchant.wallets[b.currency] -= b.amount;
	state.consumers[transfer.consumer_email].wallets[b.currency] += b.amount;
	transfer.refunded += b.amount;
	const refund = {
		merchant: auth.username,
		merchant_transaction_id: b.merchant_transaction_id,
		ezw_reference_id: nextId(state),
		transfer_reference_id: transfer.ezw_reference_id,
		amount: b.amount,
		currency: b.currency,
		notification_url: b.notification_url,
		status: 'approved',
	};
	state.refunds.push(refund);
	notify(ctx, b.notification_url, auth.username, { transaction_id: b.merchant_transaction_id, status: 'approved' }, 'transaction_id');
	const { transfer_reference_id, merchant, ...view } = refund;
	return { status: 200, body: { refund: { ...view, ezw_reference_id: b.ezw_reference_id } } };
}

/** Checks one payout line against the merchant's and consumer's wallets; returns an error code or 0. */
function checkPayout(state, merchant, line, batch) {
	if (!line || typeof line.email !== 'string' || !line.currency) return 401;
	if (!isPositiveInteger(line.amount)) return batch ? 413 : 427;
	if (merchant.wallets[line.currency] === undefined) return batch ? 424 : 425;
	const consumer = state.consumers[line.email];
	if (!consumer) return 405;
	if (consumer.wallets[line.currency] === undefined) return 426;
	return 0;
}

function pay(state, merchant, line, username, api) {
	merchant.wallets[line.currency] -= line.amount;
	state.consumers[line.email].wallets[line.currency] += line.amount;
	const payout = {
		unique_id: String(state.payouts.length + 1),
		ezw_reference_id: nextId(state),
		merchant: username,
		api,
		email: line.email,
		amount: line.amount,
		currency: line.currency,
		merchant_reference: line.merchant_reference,
		status: api === 'legacy' ? 'succeeded' : 'pending',
	};
	state.payouts.push(payout);
	return payout;
}

function singlePayout(api) {
	return (ctx) => {
		const auth = authenticate(ctx);
		if (!auth) return unauthorized;
		const { state } = ctx;
		if (auth.merchant.payoutsSuspended) return fail(412);
		const code = checkPayout(state, auth.merchant, ctx.body, false);
		if (code) return fail(code);
		if (auth.merchant.wallets[ctx.body.currency] < ctx.body.amount) return fail(414);
		const payout = pay(state, auth.merchant, ctx.body, auth.username, api);
		if (api === 'new') {
			// settles right after the answer, then notifies
			setImmediate(() => {
				payout.status = 'approved';
				notify(ctx, ctx.body.notification_url, auth.username, { ezw_reference_id: payout.ezw_reference_id, merchant_reference: payout.merchant_reference, unique_id: payout.unique_id, status: 'approved' }, 'unique_id');
			});
			return { status: 200, body: { ezw_reference_id: payout.ezw_reference_id, status: 'pending', merchant_reference: payout.merchant_reference } };
		}
		notify(ctx, ctx.body.notification_url, auth.username, { unique_id: payout.unique_id, merchant_reference: payout.merchant_reference, status: 'approved' }, 'unique_id');
		return { status: 200, body: { unique_id: Number(payout.unique_id), status: 'succeeded', merchant_reference: payout.merchant_reference } };
	};
}

function batchPayout(api) {
	return (ctx) => {
		const auth = authenticate(ctx);
		if (!auth) return unauthorized;
		const { state } = ctx;
		const lines = ctx.body.payout_requests;
		if (!Array.isArray(lines) || lines.length === 0) return fail(401);
		if (auth.merchant.payoutsSuspended) return fail(412);
		const totals = {};
		for (const line of lines) {
			const code = checkPayout(state, auth.merchant, line, true);
			if (code) return fail(code);
			totals[line.currency] = (totals[line.currency] || 0) + line.amount;
		}
		for (const [currency, total] of Object.entries(totals)) {
			if (auth.merchant.wallets[currency] < total) return fail(414);
		}
		const payouts = lines.map((line) => pay(state, auth.merchant, line, auth.username, 'batch'));
		const batch = { unique_id: state.batches.length + 1, api, merchant: auth.username, payouts: payouts.map((p) => p.unique_id), status: 'pending' };
		state.batches.push(batch);
		setImmediate(() => {
			batch.status = 'approved';
			for (const payout of payouts) payout.status = 'approved';
		});
		if (api === 'legacy') return { status: 200, body: { unique_id: batch.unique_id, status: 'pending' } };
		return {
			status: 200,
			body: {
				unique_ids: lines.map((line) => ({ email: line.email, amount: line.amount, currency: line.currency, merchant_reference: line.merchant_reference })),
				status: 'pending',
			},
		};
	};
}

// Transaction → Get. The reference documents `ezw_reference_id` and the answer { ezw_reference_id, status,
// type }. Additions for the trigger's confirmation (each optional, so the documented call is unchanged):
// the query may name the notified id instead of or beside ezw_reference_id (`transaction_id` of a transfer
// or refund, `unique_id` of a payout; all given must name the same record), and the answer also carries
// the amount, currency and the record's own ids, so the trigger can bind it to the signed id.
function getTransaction(ctx) {
	const auth = authenticate(ctx);
	if (!auth) return unauthorized;
	const { state } = ctx;
	const q = ctx.query;
	state.lookups.push({ ...q });
	if (!q.ezw_reference_id && !q.transaction_id && !q.unique_id) return fail(401);
	const mine = (record) => record.merchant === auth.username;
	const matches = (record, ids) => Object.entries(ids).every(([field, value]) => q[field] === undefined || String(record[value]) === q[field]);
	const transfer = state.transfers.find((t) => mine(t) && matches(t, { ezw_reference_id: 'ezw_reference_id', transaction_id: 'merchant_transaction_id' }) && q.unique_id === undefined);
	if (transfer) {
		return {
			status: 200,
			body: { ezw_reference_id: transfer.ezw_reference_id, status: transfer.status, type: 'transfer', merchant_transaction_id: transfer.merchant_transaction_id, amount: transfer.amount, currency: transfer.currency },
		};
	}
	const refund = state.refunds.find((r) => r.merchant === auth.username && matches(r, { ezw_reference_id: 'ezw_reference_id', transaction_id: 'merchant_transaction_id' }) && q.unique_id === undefined);
	if (refund) {
		return {
			status: 200,
			body: { ezw_reference_id: refund.ezw_reference_id, status: refund.status, type: 'refund', merchant_transaction_id: refund.merchant_transaction_id, amount: refund.amount, currency: refund.currency },
		};
	}
	const payout = state.payouts.find((p) => mine(p) && matches(p, { ezw_reference_id: 'ezw_reference_id', unique_id: 'unique_id' }) && q.transaction_id === undefined);
	if (payout) {
		return {
			status: 200,
			body: {
				ezw_reference_id: payout.ezw_reference_id, status: payout.status === 'succeeded' ? 'approved' : payout.status, type: 'payout',
				unique_id: payout.unique_id, merchant_reference: payout.merchant_reference, amount: payout.amount, currency: payout.currency,
			},
		};
	}
	return fail(416);
}

function getAccount(ctx) {
	const auth = authenticate(ctx);
	if (!auth) return unauthorized;
	const email = ctx.query.email || ctx.body.email;
	if (!email) return fail(401);
	const consumer = ctx.state.consumers[email];
	if (!consumer) return fail(416);
	return {
		status: 200,
		body: { wallet_account_number: consumer.account, verification_status: consumer.verification_status, account_status: consumer.account_status },
	};
}

/** Control: the consumer finished (or abandoned) the top-up of a pending transfer. */
function completeTransfer(ctx) {
	const { state } = ctx;
	const transfer = state.transfers.find((t) => t.ezw_reference_id === ctx.params.reference && t.status === 'pending');
	if (!transfer) return { status: 404, body: { error: 'no pending transfer with that reference' } };
	const outcome = ctx.body.status === 'declined' ? 'declined' : 'approved';
	if (outcome === 'approved') {
		const consumer = state.consumers[transfer.consumer_email];
		consumer.wallets[transfer.currency] = Math.max(consumer.wallets[transfer.currency], transfer.amount) - transfer.amount;
		state.merchants[transfer.merchant].wallets[transfer.currency] += transfer.amount;
	}
	transfer.status = outcome;
	notify(ctx, transfer.notification_url, transfer.merchant, { transaction_id: transfer.merchant_transaction_id, status: outcome }, 'transaction_id');
	return { status: 200, body: { ok: true, status: outcome } };
}

/** The record behind a notification sent through the control endpoint (see `/notify`). */
function recordNotified(state, payload) {
	const status = ['approved', 'declined', 'pending'].includes(payload.status) ? payload.status : 'approved';
	const merchant = DEMO.username;
	if (payload.transaction_id !== undefined) {
		const id = String(payload.transaction_id);
		if (state.transfers.some((t) => t.merchant === merchant && t.merchant_transaction_id === id)) return;
		state.transfers.push({
			ezw_reference_id: nextId(state), merchant_transaction_id: id, api: 'new', merchant, amount: 100, currency: 'EUR',
			consumer_email: 'alice@example.com', return_success_url: '', return_failure_url: '', notification_url: '', refunded: 0,
			created_at: state.now().toISOString(), status,
		});
	} else if (payload.unique_id !== undefined) {
		const id = String(payload.unique_id);
		if (state.payouts.some((p) => p.merchant === merchant && p.unique_id === id)) return;
		state.payouts.push({
			unique_id: id, ezw_reference_id: payload.ezw_reference_id !== undefined ? String(payload.ezw_reference_id) : nextId(state), merchant, api: 'new',
			email: 'carol@example.com', amount: 100, currency: 'USD', merchant_reference: payload.merchant_reference, status,
		});
	}
}

module.exports = {
	name: 'ezeewallet',
	// the n8n credential type these demo credentials are for (npm run dev and the e2e tests create one per provider)
	credentialType: 'ezeeWalletApi',
	prefix: '/ezeewallet/api',
	createState,
	signature,
	recordNotified,
	DEMO,
	demoCredentials: (sandbox) => ({
		environment: 'custom',
		baseUrl: `${sandbox.baseUrl}/ezeewallet/api`,
		username: DEMO.username,
		password: DEMO.password,
	}),
	routes: [
		['POST', '/transfers', (ctx) => createTransfer(ctx, 'transaction_id', 'legacy')],
		['POST', '/transfers_new', (ctx) => createTransfer(ctx, 'merchant_transaction_id', 'new')],
		['GET', '/transfers', listTransfers],
		['POST', '/refunds', createRefund],
		['GET', '/transaction', getTransaction],
		['POST', '/single_payouts', singlePayout('legacy')],
		['POST', '/single_payouts_new', singlePayout('new')],
		['POST', '/batch_payouts', batchPayout('legacy')],
		['POST', '/batch_payouts_new', batchPayout('new')],
		['GET', '/account', getAccount],
	],
	control: [
		['POST', '/transfers/:reference/complete', completeTransfer],
		['GET', '/state', (ctx) => ({ status: 200, body: { merchants: ctx.state.merchants, consumers: ctx.state.consumers, transfers: ctx.state.transfers, payouts: ctx.state.payouts.length } })],
		[
			'POST',
			'/notify',
			// sends a notification exactly as given (signed with the demo username unless a signature is given).
			// eZeeWallet only notifies about its own transactions, and the trigger confirms each with
			// Transaction → Get: a notified id the sandbox has no record of is recorded first (a transfer of
			// 1.00 EUR for a transaction_id, a payout for a unique_id) with the notified status.
			async (ctx) => {
				const { url, payload, idField = 'transaction_id', format = 'json' } = ctx.body;
				recordNotified(ctx.state, payload || {});
				const body = { ...payload };
				if (!body.signature) body.signature = signature(body[idField], DEMO.username);
				const result = await ctx.sandbox.sendWebhook(url, body, { provider: 'ezeewallet', format });
				return { status: 200, body: result };
			},
		],
	],
};
