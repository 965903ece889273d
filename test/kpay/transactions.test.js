'use strict';
// Card-to-card transactions: dropdowns from the API, create, payment info, check, verify (once), list.
const { runNode, loadOptions } = require('../harness/n8n');
const { useSandbox } = require('../harness/sandbox');
const { loginCredentials, control, count } = require('./helpers');

const s = useSandbox();
const creds = () => loginCredentials(s.sandbox);
const state = () => s.sandbox.state('kpay');

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
	const r = await runNode({ type: 'kpay', parameters: createParams(extra), credentials: creds() });
	expect(r.error).toBeUndefined();
	return r.items[0];
}

describe('dropdowns loaded from KPAY', () => {
	test('shops and cards (card numbers masked)', async () => {
		const shops = await loadOptions({ type: 'kpay', method: 'getShops', credentials: creds() });
		expect(shops).toEqual([{ name: 'Sandbox Shop', value: state().shops[0].id, description: 'https://shop.example.com' }]);
		const cards = await loadOptions({ type: 'kpay', method: 'getCards', credentials: creds() });
		expect(cards).toEqual([{ name: 'Bank Melli ************9993 (Sandbox Merchant)', value: state().cards[0].id }]);
		expect(count(s.sandbox, 'GET', '/shops')).toBe(1);
		expect(count(s.sandbox, 'GET', '/cards')).toBe(1);
	});
});

describe('create', () => {
	test('stores a pending transaction with the amount in Rials, fee side and the amount on the callback URL', async () => {
		const out = await createTransaction({ additionalFields: { description: 'Order 77', factorNumber: 'INV-77' } });
		const [tx] = state().transactions;
		expect(tx).toMatchObject({ amount: 250000, fee: 2500, final_amount: 252500, fee_side: 'customer', status: 'pending', factor_number: 'INV-77', description: 'Order 77' });
		expect(tx.callback_url).toBe('https://n8n.example.com/webhook/abc/callback?order=77&amount=250000');
		expect(out).toMatchObject({ authority: tx.authority, amount: 250000, final_amount: 252500, status: 'pending' });
		expect(out.payment_url).toContain(`/pay/${tx.authority}`);
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
		const r = await runNode({ type: 'kpay', parameters: createParams(extra), credentials: creds() });
		expect(r.error.message).toContain(`Invalid ${field} [item 0]`);
		expect(s.sandbox.count({ provider: 'kpay', path: '/transactions/create' })).toBe(0);
		expect(state().transactions).toHaveLength(0);
	});

	test('a lost answer is not resent and is reported as an unknown outcome naming the factor number', async () => {
		s.sandbox.injectFault({ provider: 'kpay', path: '/transactions/create', kind: 'drop-after' });
		const r = await runNode({ type: 'kpay', parameters: createParams({ additionalFields: { factorNumber: 'INV-9' } }), credentials: creds() });
		expect(r.error.message).toContain('may or may not have been made');
		expect(r.error.message).toContain('INV-9');
		expect(count(s.sandbox, 'POST', '/transactions/create')).toBe(1);
		expect(state().transactions).toHaveLength(1);
	});
});

describe('payment info, check, verify', () => {
	test('follows a transaction from pending to paid to verified; verify succeeds once', async () => {
		const { authority } = await createTransaction();
		const info = await runNode({ type: 'kpay', parameters: { resource: 'transaction', operation: 'getPaymentInfo', authority }, credentials: creds() });
		expect(info.items[0]).toMatchObject({ authority, amount: 250000, final_amount: 252500, status: 'pending', shop_name: 'Sandbox Shop', card_number: '************9993' });
		expect(info.items[0].remaining_seconds).toBeGreaterThan(0);

		const pending = await runNode({ type: 'kpay', parameters: { resource: 'transaction', operation: 'checkStatus', authority }, credentials: creds() });
		expect(pending.items[0]).toEqual({ authority, status: 'pending', is_paid: false });

		const early = await runNode({ type: 'kpay', parameters: { resource: 'transaction', operation: 'verify', authority }, credentials: creds() });
		expect(early.error.message).toContain('not paid');
		expect(early.error.description).toContain('has not paid');

		await control(s.sandbox, 'POST', `/transactions/${authority}/pay`);
		const paid = await runNode({ type: 'kpay', parameters: { resource: 'transaction', operation: 'checkStatus', authority }, credentials: creds() });
		expect(paid.items[0]).toEqual({ authority, status: 'paid', is_paid: true });

		const verified = await runNode({ type: 'kpay', parameters: { resource: 'transaction', operation: 'verify', authority }, credentials: creds() });
		expect(verified.items[0]).toMatchObject({ authority, status: 'verified', amount: 250000 });
		expect(state().transactions[0].status).toBe('verified');

		const again = await runNode({ type: 'kpay', parameters: { resource: 'transaction', operation: 'verify', authority }, credentials: creds() });
		expect(again.error.message).toContain('already verified');
		expect(again.error.description).toContain('only once');
	});

	test('an unknown authority is reported as not found', async () => {
		const r = await runNode({ type: 'kpay', parameters: { resource: 'transaction', operation: 'checkStatus', authority: 'KPUNKNOWN' }, credentials: creds() });
		expect(r.error.httpCode).toBe('404');
		expect(r.error.message).toContain('Transaction not found');
	});

	test('a transaction left on the payment page expires', async () => {
		const { authority } = await createTransaction();
		await control(s.sandbox, 'POST', '/clock', { advanceMs: 16 * 60 * 1000 });
		const r = await runNode({ type: 'kpay', parameters: { resource: 'transaction', operation: 'checkStatus', authority }, credentials: creds() });
		expect(r.items[0]).toMatchObject({ status: 'expired', is_paid: false });
	});
});

describe('list', () => {
	async function seed(n) {
		const r = await runNode({
			type: 'kpay',
			parameters: createParams({ amount: '={{ $json.amount }}', idempotencyKey: '={{ "SEED-" + $json.amount }}' }),
			credentials: creds(),
			items: Array.from({ length: n }, (_, i) => ({ amount: 10000 + i })),
		});
		expect(r.error).toBeUndefined();
	}

	test('Return All walks every page', async () => {
		await seed(57);
		s.sandbox.requests = [];
		const r = await runNode({ type: 'kpay', parameters: { resource: 'transaction', operation: 'getMany', returnAll: true }, credentials: creds() });
		expect(r.items).toHaveLength(57);
		expect(new Set(r.items.map((tx) => tx.authority)).size).toBe(57);
		expect(count(s.sandbox, 'GET', '/transactions')).toBe(2);
	});

	test('Limit stops early; filters by shop and status are sent', async () => {
		await seed(6);
		const paid = state().transactions.slice(0, 3);
		for (const tx of paid) await control(s.sandbox, 'POST', `/transactions/${tx.authority}/pay`);
		const limited = await runNode({ type: 'kpay', parameters: { resource: 'transaction', operation: 'getMany', returnAll: false, limit: 4 }, credentials: creds() });
		expect(limited.items).toHaveLength(4);
		const filtered = await runNode({
			type: 'kpay',
			parameters: { resource: 'transaction', operation: 'getMany', returnAll: true, filters: { shopId: state().shops[0].id, status: 'paid' } },
			credentials: creds(),
		});
		expect(filtered.items.map((tx) => tx.authority).sort()).toEqual(paid.map((tx) => tx.authority).sort());
		const other = await runNode({
			type: 'kpay',
			parameters: { resource: 'transaction', operation: 'getMany', returnAll: true, filters: { shopId: '00000000-0000-0000-0000-000000000000' } },
			credentials: creds(),
		});
		expect(other.items).toHaveLength(0);
	});
});
