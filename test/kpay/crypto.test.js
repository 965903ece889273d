'use strict';
// Crypto gateway: currencies (dropdown), payments, status, balances, withdrawals.
const { runNode, loadOptions } = require('../harness/n8n');
const { useSandbox } = require('../harness/sandbox');
const { loginCredentials, control, count } = require('./helpers');

const s = useSandbox();
const creds = () => loginCredentials(s.sandbox);
const state = () => s.sandbox.state('kpay');
const userId = () => state().users[0].id;

function paymentParams(extra = {}) {
	return { resource: 'crypto', operation: 'createPayment', orderId: 'ORD-1', currency: 'usdt_trc20', amountUsd: '', amountCrypto: '', ...extra };
}

test('currencies: list and dropdown', async () => {
	const list = await runNode({ type: 'kpay', parameters: { resource: 'crypto', operation: 'getCurrencies' }, credentials: creds() });
	expect(list.items.map((c) => c.code)).toEqual(['btc', 'eth', 'usdt_trc20', 'xrp']);
	expect(list.items[0]).toMatchObject({ name: 'Bitcoin', symbol: 'BTC', network: 'bitcoin', decimals: 8 });
	const options = await loadOptions({ type: 'kpay', method: 'getCurrencies', credentials: creds() });
	expect(options[2]).toEqual({ name: 'Tether (TRC20) (USDT, tron)', value: 'usdt_trc20' });
});

describe('create payment', () => {
	test('in USD: converted by KPAY and stored', async () => {
		const r = await runNode({
			type: 'kpay',
			parameters: paymentParams({ currency: 'btc', amountUsd: '25.50', additionalFields: { webhookUrl: 'https://n8n.example.com/webhook/x/crypto', expiresMinutes: 30 } }),
			credentials: creds(),
		});
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
		const r = await runNode({ type: 'kpay', parameters: paymentParams({ amountCrypto: '12.345678' }), credentials: creds() });
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
		const r = await runNode({ type: 'kpay', parameters: paymentParams(extra), credentials: creds() });
		expect(r.error.message).toContain(text);
		expect(s.sandbox.count({ provider: 'kpay', path: '/gateway/payments' })).toBe(0);
		expect(state().payments).toHaveLength(0);
	});

	test('an unsupported currency code is KPAY\'s error, in plain words', async () => {
		const r = await runNode({ type: 'kpay', parameters: paymentParams({ currency: 'doge', amountUsd: '5' }), credentials: creds() });
		expect(r.error.message).toContain('Unsupported currency: doge');
	});
});

test('payment status follows deposits and confirmations; balances follow completed payments', async () => {
	const created = await runNode({ type: 'kpay', parameters: paymentParams({ amountCrypto: '40' }), credentials: creds() });
	const { id } = created.items[0];
	const get = () => runNode({ type: 'kpay', parameters: { resource: 'crypto', operation: 'getPayment', paymentId: id }, credentials: creds() });
	expect((await get()).items[0]).toMatchObject({ id, status: 'pending', confirmations: 0, received_amount: null });
	await control(s.sandbox, 'POST', `/payments/${id}/deposit`);
	await control(s.sandbox, 'POST', `/payments/${id}/confirm`);
	expect((await get()).items[0]).toMatchObject({ status: 'confirming', confirmations: 1, required_confirmations: 2, received_amount: '40' });
	let balances = await runNode({ type: 'kpay', parameters: { resource: 'crypto', operation: 'getBalances' }, credentials: creds() });
	expect(balances.items.find((b) => b.currency === 'usdt_trc20')).toMatchObject({ available_balance: '250.5', pending_balance: '40' });
	await control(s.sandbox, 'POST', `/payments/${id}/confirm`);
	const done = (await get()).items[0];
	expect(done).toMatchObject({ status: 'completed', confirmations: 2 });
	expect(done.tx_hash).toMatch(/^0x/);
	balances = await runNode({ type: 'kpay', parameters: { resource: 'crypto', operation: 'getBalances' }, credentials: creds() });
	expect(balances.items.find((b) => b.currency === 'usdt_trc20')).toMatchObject({ available_balance: '290.5', pending_balance: '0', total_received: '290.5' });
	expect(balances.items.find((b) => b.currency === 'btc')).toMatchObject({ available_balance: '0.01' });
});

test('get payment of an unknown ID: not found', async () => {
	const r = await runNode({ type: 'kpay', parameters: { resource: 'crypto', operation: 'getPayment', paymentId: 'nope' }, credentials: creds() });
	expect(r.error.httpCode).toBe('404');
	expect(r.error.message).toContain('Payment not found');
});

describe('withdrawals', () => {
	const params = (extra = {}) => ({ resource: 'crypto', operation: 'createWithdrawal', currency: 'usdt_trc20', amount: '100.25', destinationAddress: 'TXYZsandboxDestination', idempotencyKey: 'WD-1', ...extra });

	test('within the balance: sent once, balance reduced once', async () => {
		const r = await runNode({ type: 'kpay', parameters: params(), credentials: creds() });
		expect(r.error).toBeUndefined();
		expect(r.items[0]).toMatchObject({ currency: 'usdt_trc20', amount: '100.25', fee: '1', net_amount: '99.25', status: 'pending', destination_address: 'TXYZsandboxDestination' });
		const balance = state().balances[userId()].usdt_trc20;
		expect(balance.available).toBe(150250000n);
		expect(balance.withdrawn).toBe(100250000n);
		expect(state().withdrawals).toHaveLength(1);
		expect(s.sandbox.requests.find((q) => q.path === '/gateway/withdrawals').body.amount).toBe('100.25');
	});

	test('above the available balance: KPAY refuses, the error says so clearly, nothing moved, not resent', async () => {
		const r = await runNode({ type: 'kpay', parameters: params({ amount: '300' }), credentials: creds() });
		expect(r.error.message).toBe('KPAY: Insufficient balance. Available: 250.5 usdt_trc20');
		expect(r.error.description).toContain('above the available balance');
		expect(r.error.description).toContain('Nothing was withdrawn');
		expect(r.error.httpCode).toBe('400');
		expect(count(s.sandbox, 'POST', '/gateway/withdrawals')).toBe(1);
		expect(state().balances[userId()].usdt_trc20.available).toBe(250500000n);
		expect(state().withdrawals).toHaveLength(0);
	});

	test('a 5xx on a withdrawal is not retried and is reported as an unknown outcome', async () => {
		s.sandbox.injectFault({ provider: 'kpay', path: '/gateway/withdrawals', kind: 'status', status: 502 });
		const r = await runNode({ type: 'kpay', parameters: params(), credentials: creds() });
		expect(r.error.message).toContain('may or may not have been made');
		expect(r.error.message).toContain('TXYZsandboxDestination');
		expect(count(s.sandbox, 'POST', '/gateway/withdrawals')).toBe(1);
	});

	test.each([[{ amount: '-5' }], [{ amount: '1e3' }], [{ destinationAddress: '={{ " " }}' }], [{ currency: '={{ "" }}' }]])('bad input %p sends nothing', async (extra) => {
		const r = await runNode({ type: 'kpay', parameters: params(extra), credentials: creds() });
		expect(r.error.message).toMatch(/Invalid (Amount|Destination Address|Currency) \[item 0\]/);
		expect(s.sandbox.count({ provider: 'kpay' })).toBe(0);
	});

	test('reads are retried after a 503, then succeed', async () => {
		s.sandbox.injectFault({ provider: 'kpay', path: '/gateway/balances', kind: 'status', status: 503 });
		const r = await runNode({ type: 'kpay', parameters: { resource: 'crypto', operation: 'getBalances' }, credentials: creds() });
		expect(r.error).toBeUndefined();
		expect(count(s.sandbox, 'GET', '/gateway/balances')).toBe(2);
	});
});
