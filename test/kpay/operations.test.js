'use strict';
// Every KPAY operation through n8n's engine against the sandbox: account (register, log in, current
// user), shops, cards, card-to-card transactions and the crypto gateway.
const { runWorkflow, node, chain } = require('../harness/n8n');
const { providerKit } = require('../harness/provider');

const kit = providerKit('kpay');
const s = kit.handle;
const { DEMO } = kit;
const creds = () => kit.credentials();
const apiKeyCredentials = (apiKey = DEMO.shopApiKey) => kit.credentials({ authMode: 'apiKey', apiKey });
const state = () => s.sandbox.state('kpay');
const userId = () => state().users[0].id;


/**
 * A second account for the opt-in outputs (full card numbers, shop API keys): the demo credential's own
 * key and card number are secrets the security report looks for in every output.
 */
async function secondAccount() {
	const account = { mobile: '09350002233', password: 'second-account-pass' };
	const r = await kit.run({ resource: 'auth', operation: 'register', name: 'Second', ...account });
	expect(r.error).toBeUndefined();
	return kit.credentials(account);
}

describe('account', () => {
	test('register creates the user and returns its tokens, never the password', async () => {
		const r = await kit.run({ resource: 'auth', operation: 'register', name: '={{ $json.name }}', mobile: '={{ $json.mobile }}', password: 'new-user-pass' }, { items: [{ name: 'Sara Ahmadi', mobile: '09350001122' }] });
		expect(r.error).toBeUndefined();
		expect(r.items[0]).toMatchObject({ mobile: '09350001122', response: { token_type: 'bearer' } });
		expect(r.items[0].response.access_token).toMatch(/^kpat_/);
		expect(JSON.stringify(r.items)).not.toContain('new-user-pass');
		const user = s.sandbox.state('kpay').users.find((u) => u.mobile === '09350001122');
		expect(user).toMatchObject({ name: 'Sara Ahmadi', password: 'new-user-pass' });
		// sign-up is a public call: the credential's token is not sent with it
		expect(s.sandbox.requests.find((q) => q.path === '/auth/register').headers.authorization).toBeUndefined();
		expect(r.raw[0].pairedItem).toEqual({ item: 0 });
	});

	test('register of a known mobile number: KPAY error in plain words', async () => {
		const r = await kit.run({ resource: 'auth', operation: 'register', name: 'X', mobile: DEMO.mobile, password: 'abcdef' });
		expect(r.error.message).toContain('Mobile number already registered');
		expect(r.error.httpCode).toBe('400');
	});

	test.each([
		['0912123456', 'long-enough', 'Mobile Number'],
		['08121234567', 'long-enough', 'Mobile Number'],
		['091212345678', 'long-enough', 'Mobile Number'],
		['09121234567', '12345', 'Password'],
	])('register with mobile %s / password %s sends nothing', async (mobile, password, field) => {
		const r = await kit.run({ resource: 'auth', operation: 'register', name: 'X', mobile, password });
		expect(r.error.message).toContain(`Invalid ${field} [item 0]`);
		expect(s.sandbox.count({ provider: 'kpay' })).toBe(0);
	});

	test('login returns tokens of the given account (form body, no Bearer sent)', async () => {
		const r = await kit.run({ resource: 'auth', operation: 'login', mobile: DEMO.mobile, password: DEMO.password }, { credentials: apiKeyCredentials() });
		expect(r.error).toBeUndefined();
		expect(r.items[0]).toMatchObject({ mobile: DEMO.mobile, response: { token_type: 'bearer' } });
		expect(s.sandbox.state('kpay').tokens.has(r.items[0].response.access_token)).toBe(true);
		expect(JSON.stringify(r.items)).not.toContain(DEMO.password);
		const login = s.sandbox.requests.find((q) => q.path === '/auth/login');
		expect(login.body).toEqual({ username: DEMO.mobile, password: DEMO.password });
		expect(login.headers.authorization).toBeUndefined();
	});

	test('login with a wrong password is one request and a clear error, without the password', async () => {
		const r = await kit.run({ resource: 'auth', operation: 'login', mobile: DEMO.mobile, password: 'not-the-password' }, { credentials: apiKeyCredentials() });
		expect(r.error.message).toContain('Incorrect mobile or password');
		expect(r.error.message + (r.error.description || '')).not.toContain('not-the-password');
		expect(kit.count({ method: 'POST', path: '/auth/login' })).toBe(1);
	});

	test('login with a short password sends nothing', async () => {
		const r = await kit.run({ resource: 'auth', operation: 'login', mobile: DEMO.mobile, password: 'abc' }, { credentials: apiKeyCredentials() });
		expect(r.error.message).toContain('Invalid Password [item 0]: must be at least 6 characters');
		expect(s.sandbox.count({ provider: 'kpay' })).toBe(0);
	});

	test('get current user', async () => {
		const r = await kit.run({ resource: 'auth', operation: 'getMe' });
		expect(r.items[0]).toMatchObject({ mobile: DEMO.mobile, merchant_id: s.sandbox.state('kpay').users[0].merchant_id });
	});
});

describe('shops', () => {
	test('create stores the shop and returns its API key; list leaves keys out unless asked', async () => {
		const created = await kit.run({ resource: 'shop', operation: 'create', name: 'Book Store', additionalFields: { website: 'https://books.example.com', phone: '02188776655' } });
		expect(created.error).toBeUndefined();
		const stored = s.sandbox.state('kpay').shops.find((shop) => shop.name === 'Book Store');
		expect(stored).toMatchObject({ website: 'https://books.example.com', phone: '02188776655' });
		expect(created.items[0]).toMatchObject({ id: stored.id, api_key: stored.api_key, is_active: true });

		const list = await kit.run({ resource: 'shop', operation: 'getMany', returnAll: true });
		expect(list.items.map((shop) => shop.name).sort()).toEqual(['Book Store', 'Sandbox Shop']);
		expect(list.items.every((shop) => shop.api_key === undefined)).toBe(true);
		const second = await secondAccount();
		const own = await kit.run({ resource: 'shop', operation: 'create', name: 'Second Shop', additionalFields: {} }, { credentials: second });
		expect(own.error).toBeUndefined();
		const withKeys = await kit.run({ resource: 'shop', operation: 'getMany', returnAll: false, limit: 1, includeApiKeys: true }, { credentials: second });
		expect(withKeys.items).toHaveLength(1);
		expect(withKeys.items[0].api_key).toBe(s.sandbox.state('kpay').shops.find((shop) => shop.name === 'Second Shop').api_key);
	});

	test('create with a bad website sends nothing', async () => {
		const r = await kit.run({ resource: 'shop', operation: 'create', name: 'X', additionalFields: { website: 'not a url' } });
		expect(r.error.message).toContain('Invalid Website [item 0]');
		expect(s.sandbox.count({ provider: 'kpay' })).toBe(0);
	});

	test('regenerate key: the new key works, the old one no longer does', async () => {
		const state = s.sandbox.state('kpay');
		const shop = state.shops[0];
		const r = await kit.run({ resource: 'shop', operation: 'regenerateKey', shopId: shop.id });
		expect(r.error).toBeUndefined();
		expect(r.items[0]).toEqual({ shopId: shop.id, response: { api_key: shop.api_key } });
		expect(shop.api_key).not.toBe(DEMO.shopApiKey);
		const old = await kit.run({ resource: 'auth', operation: 'getMe' }, { credentials: apiKeyCredentials() });
		expect(old.error.httpCode).toBe('401');
		const fresh = await kit.run({ resource: 'auth', operation: 'getMe' }, { credentials: apiKeyCredentials(r.items[0].response.api_key) });
		expect(fresh.items[0].mobile).toBe(DEMO.mobile);
	});

	test('regenerate key of an unknown shop: not found, clearly', async () => {
		const r = await kit.run({ resource: 'shop', operation: 'regenerateKey', shopId: '00000000-0000-0000-0000-000000000000' });
		expect(r.error.message).toContain('Shop not found');
		expect(r.error.httpCode).toBe('404');
	});
});

describe('cards', () => {
	test('add a card (Luhn and Shaba valid): stored, output masked', async () => {
		const r = await kit.run({ resource: 'card', operation: 'create', cardNumber: '6219-8612-3456-7898', ownerName: 'Sandbox Merchant', shaba: 'ir16 0120 0000 0000 1234 5678 90' });
		expect(r.error).toBeUndefined();
		const stored = s.sandbox.state('kpay').cards.find((card) => card.card_number === '6219861234567898');
		expect(stored).toMatchObject({ bank_name: 'Saman Bank', shaba: 'IR160120000000001234567890' });
		expect(r.items[0]).toMatchObject({ alreadyExisted: false, response: { id: stored.id, card_number: '************7898' } });
		expect(JSON.stringify(r.items)).not.toContain('6219861234567898');
	});

	test.each([
		['6219861234567899', '', 'Card Number', 'check digit'],
		['621986123456789', '', 'Card Number', '16 digits'],
		['6219861234567898', 'IR170120000000001234567890', 'Shaba (IBAN)', 'check digits'],
		['6219861234567898', 'IR16012000000000123456789', 'Shaba (IBAN)', 'IR followed by 24 digits'],
		['6219861234567898', 'DE89370400440532013000', 'Shaba (IBAN)', 'IR followed by 24 digits'],
	])('card %s / shaba "%s" fails its check and sends nothing', async (cardNumber, shaba, field, problem) => {
		const r = await kit.run({ resource: 'card', operation: 'create', cardNumber, ownerName: 'X', shaba });
		expect(r.error.message).toContain(`Invalid ${field} [item 0]`);
		expect(r.error.message).toContain(problem);
		expect(r.error.message).not.toContain(cardNumber);
		expect(s.sandbox.count({ provider: 'kpay' })).toBe(0);
	});

	test('list cards: masked by default, in full when asked; Limit applies', async () => {
		const masked = await kit.run({ resource: 'card', operation: 'getMany', returnAll: true });
		expect(masked.items).toHaveLength(1);
		expect(masked.items[0].card_number).toBe('************9993');
		const second = await secondAccount();
		const added = await kit.run({ resource: 'card', operation: 'create', cardNumber: '5022291234567897', ownerName: 'Second' }, { credentials: second });
		expect(added.error).toBeUndefined();
		const full = await kit.run({ resource: 'card', operation: 'getMany', returnAll: true, revealCardData: true }, { credentials: second });
		expect(full.items.map((card) => card.card_number)).toEqual(['5022291234567897']);
	});

	test('continue on fail: a bad card becomes an error item, the good one is added', async () => {
		const nodes = [
			node('Start', 'harness.start'),
			node('Add', 'kpay', { resource: 'card', operation: 'create', cardNumber: '={{ $json.card }}', ownerName: 'Owner' }, { onError: 'continueRegularOutput' }),
		];
		const run = await runWorkflow({ nodes, connections: chain('Start', 'Add'), credentials: creds(), input: [{ json: { card: '1234567812345678' } }, { json: { card: '6104337812345674' } }] });
		const out = run.output('Add');
		expect(out[0].json.error).toContain('Invalid Card Number [item 0]');
		expect(out[1].json.response.card_number).toBe('************5674');
		expect(out.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(kit.count({ method: 'POST', path: '/cards' })).toBe(1);
		expect(s.sandbox.state('kpay').cards).toHaveLength(2);
	});
});

describe('AI agents (issue 12)', () => {
	const path = require('path');
	const { PACKAGE_ROOT } = require('../harness/n8n');
	const { Kpay } = require(path.join(PACKAGE_ROOT, 'dist/nodes/Kpay/Kpay.node'));
	const { NodeHelpers } = require('n8n-workflow');

	/** The Operation choices n8n shows for a resource, as a workflow node or as an agent's tool ("…Tool"). */
	function operationChoices(resource, asTool) {
		const description = new Kpay().description;
		const typeDescription = { ...description, name: asTool ? 'kpayTool' : 'kpay' };
		const node = { name: 'KPAY', type: `n8n-nodes-paysuite.${typeDescription.name}`, typeVersion: 1, parameters: { resource } };
		return description.properties
			.filter((property) => property.name === 'operation')
			.filter((property) => NodeHelpers.displayParameter({ resource }, property, node, typeDescription))
			.flatMap((property) => property.options.map((option) => option.value));
	}

	test('operations that manage credentials or keys are not offered to agents', () => {
		expect(operationChoices('auth', false).sort()).toEqual(['getMe', 'login', 'register']);
		expect(operationChoices('auth', true)).toEqual(['getMe']);
		expect(operationChoices('shop', false).sort()).toEqual(['create', 'getMany', 'regenerateKey']);
		expect(operationChoices('shop', true)).toEqual(['getMany']);
		expect(operationChoices('transaction', true).sort()).toEqual(['checkStatus', 'create', 'getMany', 'getPaymentInfo', 'verify']);
	});

	test('and are marked notForAgents, so the router refuses them for an agent', () => {
		const { operations } = require(path.join(PACKAGE_ROOT, 'dist/nodes/Kpay/actions'));
		const marked = Object.entries(operations).flatMap(([resource, byOperation]) =>
			Object.entries(byOperation).filter(([, operation]) => operation.notForAgents).map(([name]) => `${resource}.${name}`),
		);
		expect(marked.sort()).toEqual(['auth.login', 'auth.register', 'shop.create', 'shop.regenerateKey']);
		const money = Object.entries(operations).flatMap(([resource, byOperation]) =>
			Object.entries(byOperation).filter(([, operation]) => operation.moneyMove).map(([name]) => `${resource}.${name}`),
		);
		expect(money.sort()).toEqual(['crypto.createPayment', 'crypto.createWithdrawal', 'transaction.create', 'transaction.verify']);
	});
});


function createParams(extra = {}) {
	return {
		resource: 'transaction',
		operation: 'create',
		shopId: state().shops[0].id,
		cardId: state().cards[0].id,
		amount: 250000,
		callbackUrl: 'https://n8n.example.com/webhook/abc/callback?order=77',
		feeSide: 'customer',
		idempotencyKey: 'TX-1',
		...extra,
	};
}

async function createTransaction(extra) {
	const r = await kit.run(createParams(extra));
	expect(r.error).toBeUndefined();
	return r.items[0];
}

describe('create', () => {
	test('stores a pending transaction with the amount in Rials, fee side and the amount on the callback URL', async () => {
		const out = await createTransaction({ factorNumber: 'INV-77', additionalFields: { description: 'Order 77' } });
		const [tx] = state().transactions;
		expect(tx).toMatchObject({ amount: 250000, fee: 2500, final_amount: 252500, fee_side: 'customer', status: 'pending', factor_number: 'INV-77', description: 'Order 77' });
		expect(tx.callback_url).toBe('https://n8n.example.com/webhook/abc/callback?order=77&amount=250000');
		expect(out).toMatchObject({ authority: tx.authority, factorNumber: 'INV-77', callbackUrl: tx.callback_url, money: { amount: '250000', currency: 'IRR' } });
		expect(out.response).toMatchObject({ authority: tx.authority, amount: 250000, final_amount: 252500, status: 'pending' });
		expect(out.paymentUrl).toBe(out.response.payment_url);
		expect(out.paymentUrl).toContain(`/pay/${tx.authority}`);
		// the Idempotency Key was given; the ledger puts it on the item
		expect(out.idempotencyKey).toBe('TX-1');
		const sent = s.sandbox.requests.find((q) => q.path === '/transactions/create').body;
		expect(Number.isInteger(sent.amount)).toBe(true);
	});

	test('merchant pays the fee; the amount can be left off the callback URL', async () => {
		await createTransaction({ feeSide: 'merchant', additionalFields: { addAmountToCallback: false } });
		expect(state().transactions[0]).toMatchObject({ final_amount: 250000, fee_side: 'merchant', callback_url: 'https://n8n.example.com/webhook/abc/callback?order=77' });
	});

	test.each([
		[{ amount: 1500.5 }, 'Amount (Rials)'],
		[{ amount: 0 }, 'Amount (Rials)'],
		[{ callbackUrl: 'shop.example.com/cb' }, 'Callback URL'],
		[{ shopId: '={{ "" }}' }, 'Shop'],
	])('bad input %p sends nothing', async (extra, field) => {
		const r = await kit.run(createParams(extra));
		expect(r.error.message).toContain(`Invalid ${field} [item 0]`);
		expect(s.sandbox.count({ provider: 'kpay', path: '/transactions/create' })).toBe(0);
		expect(state().transactions).toHaveLength(0);
	});

	test('a lost answer is not resent and is reported as an unknown outcome naming the factor number', async () => {
		s.sandbox.injectFault({ provider: 'kpay', path: '/transactions/create', kind: 'drop-after' });
		const r = await kit.run(createParams({ factorNumber: 'INV-9' }));
		expect(r.error.message).toContain('may or may not have been made');
		expect(r.error.message).toContain('INV-9');
		expect(kit.count({ method: 'POST', path: '/transactions/create' })).toBe(1);
		expect(state().transactions).toHaveLength(1);
	});
});

describe('payment info, check, verify', () => {
	test('follows a transaction from pending to paid to verified; verify succeeds once', async () => {
		const { authority } = await createTransaction();
		const info = await kit.run({ resource: 'transaction', operation: 'getPaymentInfo', authority });
		expect(info.items[0]).toMatchObject({ authority, amount: 250000, final_amount: 252500, status: 'pending', shop_name: 'Sandbox Shop', card_number: '************9993' });
		expect(info.items[0].remaining_seconds).toBeGreaterThan(0);

		const pending = await kit.run({ resource: 'transaction', operation: 'checkStatus', authority });
		expect(pending.items[0]).toEqual({ authority, status: 'pending', is_paid: false });

		const early = await kit.run({ resource: 'transaction', operation: 'verify', authority });
		expect(early.error.message).toContain('not paid');
		expect(early.error.description).toContain('has not paid');

		await kit.control('POST', `/transactions/${authority}/pay`);
		const paid = await kit.run({ resource: 'transaction', operation: 'checkStatus', authority });
		expect(paid.items[0]).toEqual({ authority, status: 'paid', is_paid: true });

		const verified = await kit.run({ resource: 'transaction', operation: 'verify', authority });
		expect(verified.items[0]).toMatchObject({ authority, status: 'verified', amount: 250000 });
		expect(state().transactions[0].status).toBe('verified');

		const again = await kit.run({ resource: 'transaction', operation: 'verify', authority });
		expect(again.error.message).toContain('already verified');
		expect(again.error.description).toContain('only once');
	});

	test('an unknown authority is reported as not found', async () => {
		const r = await kit.run({ resource: 'transaction', operation: 'checkStatus', authority: 'KPUNKNOWN' });
		expect(r.error.httpCode).toBe('404');
		expect(r.error.message).toContain('Transaction not found');
	});

	test('a transaction left on the payment page expires', async () => {
		const { authority } = await createTransaction();
		await kit.control('POST', '/clock', { advanceMs: 16 * 60 * 1000 });
		const r = await kit.run({ resource: 'transaction', operation: 'checkStatus', authority });
		expect(r.items[0]).toMatchObject({ status: 'expired', is_paid: false });
	});
});

describe('list', () => {
	async function seed(n) {
		const r = await kit.run(createParams({ amount: '={{ $json.amount }}', idempotencyKey: '={{ "SEED-" + $json.amount }}' }), { items: Array.from({ length: n }, (_, i) => ({ amount: 10000 + i })) });
		expect(r.error).toBeUndefined();
	}

	test('Return All walks every page', async () => {
		await seed(57);
		s.sandbox.requests = [];
		const r = await kit.run({ resource: 'transaction', operation: 'getMany', returnAll: true });
		expect(r.items).toHaveLength(57);
		expect(new Set(r.items.map((tx) => tx.authority)).size).toBe(57);
		expect(kit.count({ method: 'GET', path: '/transactions' })).toBe(2);
	});

	test('Limit stops early; filters by shop and status are sent', async () => {
		await seed(6);
		const paid = state().transactions.slice(0, 3);
		for (const tx of paid) await kit.control('POST', `/transactions/${tx.authority}/pay`);
		const limited = await kit.run({ resource: 'transaction', operation: 'getMany', returnAll: false, limit: 4 });
		expect(limited.items).toHaveLength(4);
		const filtered = await kit.run({ resource: 'transaction', operation: 'getMany', returnAll: true, filters: { shopId: state().shops[0].id, status: 'paid' } });
		expect(filtered.items.map((tx) => tx.authority).sort()).toEqual(paid.map((tx) => tx.authority).sort());
		const other = await kit.run({ resource: 'transaction', operation: 'getMany', returnAll: true, filters: { shopId: '00000000-0000-0000-0000-000000000000' } });
		expect(other.items).toHaveLength(0);
	});
});


function paymentParams(extra = {}) {
	return { resource: 'crypto', operation: 'createPayment', orderId: 'ORD-1', currency: 'usdt_trc20', amountUsd: '', amountCrypto: '', ...extra };
}

test('currencies: list and dropdown', async () => {
	const list = await kit.run({ resource: 'crypto', operation: 'getCurrencies' });
	expect(list.items.map((c) => c.code)).toEqual(['btc', 'eth', 'usdt_trc20', 'xrp']);
	expect(list.items[0]).toMatchObject({ name: 'Bitcoin', symbol: 'BTC', network: 'bitcoin', decimals: 8 });
	const options = await kit.loadOptions('getCurrencies');
	expect(options[2]).toEqual({ name: 'Tether (TRC20) · USDT on tron', value: 'usdt_trc20' });
});

describe('create payment', () => {
	test('in USD: converted by KPAY and stored', async () => {
		const r = await kit.run(paymentParams({ currency: 'btc', amountUsd: '25.50', additionalFields: { webhookUrl: 'https://n8n.example.com/webhook/x/crypto', expiresMinutes: 30 } }));
		expect(r.error).toBeUndefined();
		const [payment] = state().payments;
		// the webhook URL carries the order ID and its signature (Sign Webhook URL, on by default)
		const signedUrl = expect.stringMatching(/^https:\/\/n8n\.example\.com\/webhook\/x\/crypto\?kpay_order=ORD-1&kpay_sig=[0-9a-f]{64}$/);
		expect(payment).toMatchObject({ order_id: 'ORD-1', currency: 'btc', requested_amount: '0.00051', status: 'pending', webhook_url: signedUrl });
		expect(r.items[0]).toMatchObject({ id: payment.id, requested_amount: '0.00051', deposit_address: payment.deposit_address });
		const sent = s.sandbox.requests.find((q) => q.path === '/gateway/payments').body;
		expect(sent).toEqual({ order_id: 'ORD-1', currency: 'btc', amount_usd: 25.5, webhook_url: signedUrl, expires_minutes: 30 });
	});

	test('in crypto: sent exactly', async () => {
		const r = await kit.run(paymentParams({ amountCrypto: '12.345678' }));
		expect(r.error).toBeUndefined();
		expect(state().payments[0].requested_amount).toBe('12.345678');
	});

	test.each([
		[{ amountUsd: '10', amountCrypto: '10' }, 'both filled in'],
		[{}, 'is required'],
		[{ amountUsd: '10.123' }, 'Amount (USD)'],
		[{ amountCrypto: 'abc' }, 'Amount (Crypto)'],
		[{ amountUsd: '5', additionalFields: { webhookUrl: 'ftp://x' } }, 'Webhook URL'],
	])('bad input %p sends nothing', async (extra, text) => {
		const r = await kit.run(paymentParams(extra));
		expect(r.error.message).toContain(text);
		expect(s.sandbox.count({ provider: 'kpay', path: '/gateway/payments' })).toBe(0);
		expect(state().payments).toHaveLength(0);
	});

	test('an unsupported currency code is KPAY\'s error, in plain words', async () => {
		const r = await kit.run(paymentParams({ currency: 'doge', amountUsd: '5' }));
		expect(r.error.message).toContain('Unsupported currency: doge');
	});
});

test('payment status follows deposits and confirmations; balances follow completed payments', async () => {
	const created = await kit.run(paymentParams({ amountCrypto: '40' }));
	const { id } = created.items[0];
	const get = () => kit.run({ resource: 'crypto', operation: 'getPayment', paymentId: id });
	expect((await get()).items[0]).toMatchObject({ id, status: 'pending', confirmations: 0, received_amount: null });
	await kit.control('POST', `/payments/${id}/deposit`);
	await kit.control('POST', `/payments/${id}/confirm`);
	expect((await get()).items[0]).toMatchObject({ status: 'confirming', confirmations: 1, required_confirmations: 2, received_amount: '40' });
	let balances = await kit.run({ resource: 'crypto', operation: 'getBalances' });
	expect(balances.items.find((b) => b.currency === 'usdt_trc20')).toMatchObject({ available_balance: '250.5', pending_balance: '40' });
	await kit.control('POST', `/payments/${id}/confirm`);
	const done = (await get()).items[0];
	expect(done).toMatchObject({ status: 'completed', confirmations: 2 });
	expect(done.tx_hash).toMatch(/^0x/);
	balances = await kit.run({ resource: 'crypto', operation: 'getBalances' });
	expect(balances.items.find((b) => b.currency === 'usdt_trc20')).toMatchObject({ available_balance: '290.5', pending_balance: '0', total_received: '290.5' });
	expect(balances.items.find((b) => b.currency === 'btc')).toMatchObject({ available_balance: '0.01' });
});

test('get payment of an unknown ID: not found', async () => {
	const r = await kit.run({ resource: 'crypto', operation: 'getPayment', paymentId: 'nope' });
	expect(r.error.httpCode).toBe('404');
	expect(r.error.message).toContain('Payment not found');
});

describe('withdrawals', () => {
	const params = (extra = {}) => ({ resource: 'crypto', operation: 'createWithdrawal', currency: 'usdt_trc20', amount: '100.25', destinationAddress: 'TXYZsandboxDestination', idempotencyKey: 'WD-1', ...extra });

	test('within the balance: sent once, balance reduced once', async () => {
		const r = await kit.run(params());
		expect(r.error).toBeUndefined();
		expect(r.items[0]).toMatchObject({ currency: 'usdt_trc20', amount: '100.25', fee: '1', net_amount: '99.25', status: 'pending', destination_address: 'TXYZsandboxDestination' });
		const balance = state().balances[userId()].usdt_trc20;
		expect(balance.available).toBe(150250000n);
		expect(balance.withdrawn).toBe(100250000n);
		expect(state().withdrawals).toHaveLength(1);
		expect(s.sandbox.requests.find((q) => q.path === '/gateway/withdrawals').body.amount).toBe('100.25');
	});

	test('above the available balance: KPAY refuses, the error says so clearly, nothing moved, not resent', async () => {
		const r = await kit.run(params({ amount: '300' }));
		expect(r.error.message).toBe('KPAY: Insufficient balance. Available: 250.5 usdt_trc20');
		expect(r.error.description).toContain('above the available balance');
		expect(r.error.description).toContain('Nothing was withdrawn');
		expect(r.error.httpCode).toBe('400');
		expect(kit.count({ method: 'POST', path: '/gateway/withdrawals' })).toBe(1);
		expect(state().balances[userId()].usdt_trc20.available).toBe(250500000n);
		expect(state().withdrawals).toHaveLength(0);
	});

	test('a 5xx on a withdrawal is not retried and is reported as an unknown outcome', async () => {
		s.sandbox.injectFault({ provider: 'kpay', path: '/gateway/withdrawals', kind: 'status', status: 502 });
		const r = await kit.run(params());
		expect(r.error.message).toContain('may or may not have been made');
		expect(r.error.message).toContain('TXYZsandboxDestination');
		expect(kit.count({ method: 'POST', path: '/gateway/withdrawals' })).toBe(1);
	});

	test.each([[{ amount: '-5' }], [{ amount: '1e3' }], [{ destinationAddress: '={{ " " }}' }], [{ currency: '={{ "" }}' }]])('bad input %p sends nothing', async (extra) => {
		const r = await kit.run(params(extra));
		expect(r.error.message).toMatch(/Invalid (Amount|Destination Address|Currency) \[item 0\]/);
		expect(s.sandbox.count({ provider: 'kpay' })).toBe(0);
	});

	test('reads are retried after a 503, then succeed', async () => {
		s.sandbox.injectFault({ provider: 'kpay', path: '/gateway/balances', kind: 'status', status: 503 });
		const r = await kit.run({ resource: 'crypto', operation: 'getBalances' });
		expect(r.error).toBeUndefined();
		expect(kit.count({ method: 'GET', path: '/gateway/balances' })).toBe(2);
	});
});
