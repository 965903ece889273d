// Every eZeeWallet operation run through n8n's engine against the sandbox, asserting the node's output
// and the sandbox's state afterwards.
const { runNode, testCredential } = require('../harness/n8n');
const { useSandbox } = require('../harness/sandbox');

const box = useSandbox();
const creds = () => ({ ezeeWalletApi: box.sandbox.credentials().ezeewallet });
const state = () => box.sandbox.state('ezeewallet');
const merchant = () => state().merchants.sandbox_merchant;
const consumer = (email) => state().consumers[email];
const run = (parameters, items = [{}], extra = {}) => runNode({ type: 'ezeeWallet', parameters, credentials: creds(), items, ...extra });

const transferParams = (overrides = {}) => ({
	resource: 'transfer',
	operation: 'create',
	merchantTransactionId: '={{ $json.id }}',
	amount: '={{ $json.amount }}',
	currency: 'EUR',
	sourceWalletId: 'alice@example.com',
	sourceWalletPassword: 'alice-wallet-pw',
	returnSuccessUrl: 'https://shop.example/ok',
	returnFailureUrl: 'https://shop.example/fail',
	notificationUrl: 'https://shop.example/notify',
	merchantWebsite: 'shop.example',
	...overrides,
});

describe('credential', () => {
	test('the test request passes with the demo credentials and fails with a wrong password', async () => {
		expect((await testCredential('ezeeWalletApi', creds().ezeeWalletApi)).ok).toBe(true);
		const wrong = await testCredential('ezeeWalletApi', { ...creds().ezeeWalletApi, password: 'nope' });
		expect(wrong.ok).toBe(false);
		expect(wrong.status).toBe(401);
	});
});

describe('transfers', () => {
	test('create (new endpoint) charges the consumer once and never outputs the wallet password', async () => {
		const result = await run(transferParams(), [{ id: 'order-1', amount: '12.34' }]);
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(1);
		expect(result.items[0]).toMatchObject({ merchant_transaction_id: 'order-1', amount: 1234, currency: 'EUR', status: 'approved' });
		expect(result.items[0].ezw_reference_id).toEqual(expect.any(String));
		expect(result.raw[0].pairedItem).toEqual({ item: 0 });
		expect(consumer('alice@example.com').wallets.EUR).toBe(50_000 - 1234);
		expect(merchant().wallets.EUR).toBe(10_000_000 + 1234);
		const sent = box.sandbox.requests.find((r) => r.path === '/transfers_new');
		expect(Buffer.from(sent.body.source_wallet_pwd, 'base64').toString()).toBe('alice-wallet-pw');
		const everything = JSON.stringify(result.raw);
		expect(everything).not.toContain('alice-wallet-pw');
		expect(everything).not.toContain(Buffer.from('alice-wallet-pw').toString('base64'));
	});

	test('create (legacy endpoint) sends transaction_id', async () => {
		const result = await run(transferParams({ operation: 'createLegacy' }), [{ id: 'legacy-1', amount: '1' }]);
		expect(result.items[0]).toMatchObject({ transaction_id: 'legacy-1', amount: 100, status: 'approved' });
		expect(box.sandbox.count({ path: '/transfers' })).toBe(1);
	});

	test('a consumer without enough balance gets a pending transfer with a top-up link; nothing moves yet', async () => {
		const result = await run(transferParams({ sourceWalletId: 'bob@example.com', sourceWalletPassword: 'bob-wallet-pw' }), [{ id: 'big', amount: '100' }]);
		expect(result.items[0]).toMatchObject({ status: 'pending', redirect_url: expect.stringContaining('/top_up/') });
		expect(consumer('bob@example.com').wallets.EUR).toBe(1_000);
		expect(merchant().wallets.EUR).toBe(10_000_000);
	});

	test('a reused transaction ID is refused with code 408 and charges only once', async () => {
		const result = await run(transferParams(), [{ id: 'dup', amount: '1.00' }, { id: 'dup', amount: '1.00' }], { continueOnFail: true });
		expect(result.items[0].status).toBe('approved');
		expect(result.items[1]).toMatchObject({ errorCode: '408', httpCode: '400' });
		expect(result.items[1].error).toMatch(/Transaction ID already processed/);
		expect(result.items[1].errorDescription).toMatch(/unique transaction ID/);
		expect(result.raw[1].pairedItem).toEqual({ item: 1 });
		expect(consumer('alice@example.com').wallets.EUR).toBe(50_000 - 100);
	});

	test('a wrong consumer password gives 402 and the error does not contain the password', async () => {
		const result = await run(transferParams({ sourceWalletPassword: 'wrong-password-123' }), [{ id: 'x', amount: '1' }]);
		expect(result.error.message).toMatch(/Invalid credentials for source wallet account \(code 402\)/);
		expect(result.error.description).toMatch(/email or password is wrong/);
		expect(JSON.stringify({ m: result.error.message, d: result.error.description, c: result.error.context })).not.toContain('wrong-password-123');
	});

	test('get many: Return All walks every page; Limit stops early; by reference finds one', async () => {
		const items = Array.from({ length: 35 }, (_, i) => ({ id: `list-${i}`, amount: '0.01' }));
		const created = await run(transferParams(), items);
		expect(created.items).toHaveLength(35);
		const range = { resource: 'transfer', operation: 'getMany', filterBy: 'dateRange', startDate: '2000-01-01T00:00:00', endDate: '2100-01-01T00:00:00' };
		box.sandbox.requests.length = 0;
		const all = await run({ ...range, returnAll: true });
		expect(all.items).toHaveLength(35);
		expect(new Set(all.items.map((t) => t.merchant_transaction_id)).size).toBe(35);
		expect(box.sandbox.count({ path: '/transfers', method: 'GET' })).toBe(2);
		const limited = await run({ ...range, returnAll: false, limit: 5 });
		expect(limited.items).toHaveLength(5);
		const reference = created.items[7].ezw_reference_id;
		const one = await run({ resource: 'transfer', operation: 'getMany', filterBy: 'reference', ezwReferenceId: reference, returnAll: true });
		expect(one.items).toEqual([expect.objectContaining({ ezw_reference_id: reference, merchant_transaction_id: 'list-7', amount: 1 })]);
	});
});

describe('refunds and transactions', () => {
	test('refund returns money to the consumer; over-refund and unknown reference are refused', async () => {
		const transfer = (await run(transferParams(), [{ id: 't-refund', amount: '20.00' }])).items[0];
		const refund = (overrides) => ({ resource: 'refund', operation: 'create', merchantTransactionId: '={{ $json.id }}', ezwReferenceId: transfer.ezw_reference_id, amount: '={{ $json.amount }}', currency: 'EUR', ...overrides });
		const ok = await run(refund(), [{ id: 'r-1', amount: '5.00' }]);
		expect(ok.items[0]).toMatchObject({ merchant_transaction_id: 'r-1', ezw_reference_id: transfer.ezw_reference_id, amount: 500, status: 'approved' });
		expect(consumer('alice@example.com').wallets.EUR).toBe(50_000 - 2000 + 500);
		const over = await run(refund(), [{ id: 'r-2', amount: '15.01' }]);
		expect(over.error.message).toMatch(/code 401/);
		const unknown = await run(refund({ ezwReferenceId: 'nope' }), [{ id: 'r-3', amount: '1' }]);
		expect(unknown.error.message).toMatch(/Record not found \(code 416\)/);
		expect(state().refunds).toHaveLength(1);
	});

	test('transaction get reports a transfer and a payout', async () => {
		const transfer = (await run(transferParams(), [{ id: 't-status', amount: '1' }])).items[0];
		const status = await run({ resource: 'transaction', operation: 'get', ezwReferenceId: transfer.ezw_reference_id });
		expect(status.items[0]).toEqual({ ezw_reference_id: transfer.ezw_reference_id, status: 'approved', type: 'transfer' });
		const payout = (await run({ resource: 'payout', operation: 'create', email: 'carol@example.com', amount: '1', currency: 'USD' })).items[0];
		const payoutStatus = await run({ resource: 'transaction', operation: 'get', ezwReferenceId: payout.ezw_reference_id });
		expect(payoutStatus.items[0]).toMatchObject({ type: 'payout' });
	});
});

describe('payouts', () => {
	test('single payout (new endpoint) moves money once and returns the reference', async () => {
		const result = await run({ resource: 'payout', operation: 'create', email: 'carol@example.com', amount: '5', currency: 'USD', merchantReference: 'p-1' });
		expect(result.items[0]).toMatchObject({ email: 'carol@example.com', amount: 500, currency: 'USD', merchant_reference: 'p-1', status: 'pending', ezw_reference_id: expect.any(String) });
		expect(consumer('carol@example.com').wallets.USD).toBe(500);
		expect(merchant().wallets.USD).toBe(5_000_000 - 500);
		expect(box.sandbox.count({ path: '/single_payouts_new' })).toBe(1);
	});

	test('single payout (legacy endpoint), minor units and 0- and 3-decimal currencies', async () => {
		const legacy = await run({ resource: 'payout', operation: 'createLegacy', email: 'carol@example.com', amount: '1050', amountUnit: 'minor', currency: 'USD' });
		expect(legacy.items[0]).toMatchObject({ amount: 1050, status: 'succeeded', unique_id: expect.any(Number) });
		await run({ resource: 'payout', operation: 'create', email: 'carol@example.com', amount: '1500', currency: 'JPY' });
		await run({ resource: 'payout', operation: 'create', email: 'carol@example.com', amount: '1.234', currency: 'KWD' });
		expect(consumer('carol@example.com').wallets).toEqual({ USD: 1050, JPY: 1500, KWD: 1234 });
	});

	test('provider refusals: unknown consumer 405, currency the consumer lacks 426, insufficient funds 414', async () => {
		const base = { resource: 'payout', operation: 'create', amount: '1', currency: 'USD' };
		expect((await run({ ...base, email: 'nobody@example.com' })).error.message).toMatch(/code 405/);
		expect((await run({ ...base, email: 'bob@example.com' })).error.message).toMatch(/code 426/);
		const tooMuch = await run({ ...base, email: 'carol@example.com', amount: '50001' });
		expect(tooMuch.error.message).toMatch(/code 414/);
		expect(tooMuch.error.description).toMatch(/Top it up/);
		expect(state().payouts).toHaveLength(0);
	});

	test('batch payout: one request for all items, each result paired to its item', async () => {
		const items = [
			{ email: 'alice@example.com', amount: '1.00', currency: 'EUR', ref: 'b-1' },
			{ email: 'bob@example.com', amount: '2.50', currency: 'EUR', ref: 'b-2' },
			{ email: 'carol@example.com', amount: '3', currency: 'USD', ref: 'b-3' },
		];
		const params = { resource: 'payout', operation: 'createBatch', email: '={{ $json.email }}', amount: '={{ $json.amount }}', currency: '={{ $json.currency }}', merchantReference: '={{ $json.ref }}' };
		const result = await run(params, items);
		expect(result.error).toBeUndefined();
		expect(box.sandbox.count({ path: '/batch_payouts_new' })).toBe(1);
		expect(result.items.map((i) => [i.email, i.amount, i.merchant_reference, i.status])).toEqual([
			['alice@example.com', 100, 'b-1', 'pending'],
			['bob@example.com', 250, 'b-2', 'pending'],
			['carol@example.com', 300, 'b-3', 'pending'],
		]);
		expect(result.raw.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(consumer('bob@example.com').wallets.EUR).toBe(1_250);
		expect(consumer('carol@example.com').wallets.USD).toBe(300);
	});

	test('batch payout in chunks, and the legacy endpoint', async () => {
		const items = Array.from({ length: 5 }, (_, i) => ({ amount: `${i + 1}` }));
		const params = { resource: 'payout', operation: 'createBatch', email: 'carol@example.com', amount: '={{ $json.amount }}', currency: 'USD', batchOptions: { batchSize: 2 } };
		const result = await run(params, items);
		expect(box.sandbox.count({ path: '/batch_payouts_new' })).toBe(3);
		expect(result.items.map((i) => i.batch)).toEqual([1, 1, 2, 2, 3]);
		expect(consumer('carol@example.com').wallets.USD).toBe(1500);
		const legacy = await run({ ...params, operation: 'createBatchLegacy' }, items);
		expect(legacy.items[0]).toMatchObject({ status: 'pending', batch_unique_id: expect.any(Number) });
		expect(consumer('carol@example.com').wallets.USD).toBe(3000);
	});

	test('batch payout checks every item first: one bad item sends nothing; with continue-on-fail the rest go', async () => {
		const items = [{ email: 'alice@example.com' }, { email: 'not-an-email' }, { email: 'bob@example.com' }];
		const params = { resource: 'payout', operation: 'createBatch', email: '={{ $json.email }}', amount: '1', currency: 'EUR' };
		const failed = await run(params, items);
		expect(failed.error.message).toBe('Invalid Consumer Email [item 1]: must be an email address such as name@example.com');
		expect(box.sandbox.count({ provider: 'ezeewallet' })).toBe(0);
		const partial = await run(params, items, { continueOnFail: true });
		expect(box.sandbox.count({ path: '/batch_payouts_new' })).toBe(1);
		expect(partial.items[1].error).toMatch(/Consumer Email \[item 1\]/);
		expect(partial.items[0].status).toBe('pending');
		expect(partial.raw.map((i) => i.pairedItem.item)).toEqual([0, 1, 2]);
		expect(state().payouts).toHaveLength(2);
	});

	test('parallel requests keep order and pairing, and send each item once', async () => {
		const items = Array.from({ length: 12 }, (_, i) => ({ ref: `par-${i}`, amount: `${i + 1}` }));
		const result = await run({ resource: 'payout', operation: 'create', email: 'carol@example.com', amount: '={{ $json.amount }}', currency: 'USD', merchantReference: '={{ $json.ref }}', executionOptions: { parallelRequests: 5 } }, items);
		expect(result.items.map((i) => i.merchant_reference)).toEqual(items.map((i) => i.ref));
		expect(result.raw.map((i) => i.pairedItem.item)).toEqual(items.map((_, i) => i));
		expect(box.sandbox.count({ path: '/single_payouts_new' })).toBe(12);
		expect(consumer('carol@example.com').wallets.USD).toBe(7800);
	});
});

describe('accounts', () => {
	test('get finds a consumer; an unknown email is a clear error', async () => {
		const found = await run({ resource: 'account', operation: 'get', email: 'alice@example.com' });
		expect(found.items[0]).toEqual({ email: 'alice@example.com', wallet_account_number: 1001, verification_status: 'verified', account_status: 'active' });
		const missing = await run({ resource: 'account', operation: 'get', email: 'ghost@example.com' });
		expect(missing.error.message).toBe('eZeeWallet: Record not found (code 416)');
		expect(missing.error.httpCode).toBe('400');
	});
});
