// Every eZeeWallet operation run through n8n's engine against the sandbox, asserting the node's output
// and the sandbox's state afterwards.
const { testCredential } = require('../harness/n8n');
const { providerKit } = require('../harness/provider');

const kit = providerKit('ezeewallet');
const box = kit.handle;
const creds = () => kit.credentials();
const state = () => kit.raw();
const merchant = () => state().merchants.sandbox_merchant;
const consumer = (email) => state().consumers[email];
const run = (parameters, items = [{}], extra = {}) => kit.run(parameters, { items, ...extra });

const batchParams = { resource: 'payout', operation: 'createBatch', email: '={{ $json.email }}', amount: '={{ $json.amount }}', currency: '={{ $json.currency }}', merchantReference: '={{ $json.ref }}' };

const { transferParams } = require('./fixtures');

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

	test('a repeated transaction ID in one run is not sent again: the ledger skips it', async () => {
		const result = await run(transferParams(), [{ id: 'dup', amount: '1.00' }, { id: 'dup', amount: '1.00' }], { continueOnFail: true });
		expect(result.items[0]).toMatchObject({ status: 'approved', idempotencyKey: 'dup' });
		expect(result.items[1]).toMatchObject({ idempotencyKey: 'dup', skipped: true, reason: expect.stringMatching(/item 0 of this run has the same Idempotency Key/) });
		expect(result.raw[1].pairedItem).toEqual({ item: 1 });
		expect(box.sandbox.count({ path: '/transfers_new' })).toBe(1);
		expect(consumer('alice@example.com').wallets.EUR).toBe(50_000 - 100);
	});

	test('eZeeWallet is the second guard: the transaction ID it receives is the Idempotency Key, so a key the ledger does not hold is still refused (408)', async () => {
		// every runNode call is a new node, i.e. a ledger that has never seen the key (another process, a copied workflow)
		const first = await run(transferParams(), [{ id: 'guarded', amount: '1' }]);
		expect(first.items[0]).toMatchObject({ merchant_transaction_id: 'guarded', idempotencyKey: 'guarded' });
		const again = await run(transferParams(), [{ id: 'guarded', amount: '1' }]);
		expect(again.error.message).toMatch(/Transaction ID already processed \(code 408\)/);
		expect(again.error.description).toMatch(/unique transaction ID/);
		expect(state().transfers).toHaveLength(1);
		const sent = box.sandbox.requests.filter((r) => r.path === '/transfers_new').map((r) => r.body.merchant_transaction_id);
		expect(sent).toEqual(['guarded', 'guarded']);
	});

	test('an Idempotency Key other than the Merchant Transaction ID is refused before anything is sent', async () => {
		const result = await run(transferParams({ idempotencyKey: '={{ "other-" + $json.id }}' }), [{ id: 'k-1', amount: '1' }]);
		expect(result.error.message).toMatch(/^Invalid Idempotency Key \[item 0\]: must be the Merchant Transaction ID \("k-1", its default\)/);
		expect(box.sandbox.count({ provider: 'ezeewallet' })).toBe(0);
		const refund = await run({ resource: 'refund', operation: 'create', merchantTransactionId: 'r-9', idempotencyKey: 'not-r-9', ezwReferenceId: '1', amount: '1', currency: 'EUR' });
		expect(refund.error.message).toMatch(/^Invalid Idempotency Key \[item 0\]: must be the Merchant Transaction ID/);
		expect(box.sandbox.count({ provider: 'ezeewallet' })).toBe(0);
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
		expect(status.items[0]).toMatchObject({ ezw_reference_id: transfer.ezw_reference_id, status: 'approved', type: 'transfer' });
		const payout = (await run({ resource: 'payout', operation: 'create', email: 'carol@example.com', amount: '1', currency: 'USD', merchantReference: 'p-status' })).items[0];
		const payoutStatus = await run({ resource: 'transaction', operation: 'get', ezwReferenceId: payout.response.ezw_reference_id });
		expect(payoutStatus.items[0]).toMatchObject({ type: 'payout' });
	});
});

describe('payouts', () => {
	test('single payout (new endpoint) moves money once and returns the reference', async () => {
		const result = await run({ resource: 'payout', operation: 'create', email: 'carol@example.com', amount: '5', currency: 'USD', merchantReference: 'p-1' });
		expect(result.items[0]).toMatchObject({ email: 'carol@example.com', amount: 500, currency: 'USD', merchant_reference: 'p-1', response: { status: 'pending', ezw_reference_id: expect.any(String) } });
		// money both ways: what eZeeWallet takes (minor units) and the major-unit amount
		expect(result.items[0].money).toEqual({ amount: '5.00', currency: 'USD', minor: 500 });
		expect(consumer('carol@example.com').wallets.USD).toBe(500);
		expect(merchant().wallets.USD).toBe(5_000_000 - 500);
		expect(box.sandbox.count({ path: '/single_payouts_new' })).toBe(1);
	});

	test('single payout (legacy endpoint), minor units and 0- and 3-decimal currencies', async () => {
		const legacy = await run({ resource: 'payout', operation: 'createLegacy', email: 'carol@example.com', amount: '1050', amountUnit: 'minor', currency: 'USD', merchantReference: 'p-legacy' });
		expect(legacy.items[0]).toMatchObject({ amount: 1050, response: { status: 'succeeded', unique_id: expect.any(Number) }, idempotencyKey: 'p-legacy', money: { amount: '10.50', currency: 'USD' } });
		expect(box.sandbox.count({ path: '/single_payouts' })).toBe(1);
		await run({ resource: 'payout', operation: 'create', email: 'carol@example.com', amount: '1500', currency: 'JPY', merchantReference: 'p-jpy' });
		await run({ resource: 'payout', operation: 'create', email: 'carol@example.com', amount: '1.234', currency: 'KWD', merchantReference: 'p-kwd' });
		expect(consumer('carol@example.com').wallets).toEqual({ USD: 1050, JPY: 1500, KWD: 1234 });
	});

	test('provider refusals: unknown consumer 405, currency the consumer lacks 426, insufficient funds 414', async () => {
		const base = { resource: 'payout', operation: 'create', amount: '1', currency: 'USD', merchantReference: 'p-refused' };
		expect((await run({ ...base, email: 'nobody@example.com' })).error.message).toMatch(/code 405/);
		expect((await run({ ...base, email: 'bob@example.com' })).error.message).toMatch(/code 426/);
		const tooMuch = await run({ ...base, email: 'carol@example.com', amount: '50001' });
		expect(tooMuch.error.message).toMatch(/code 414/);
		expect(tooMuch.error.description).toMatch(/Top it up/);
		expect(state().payouts).toHaveLength(0);
	});

	test('batch payout: one request for all items, each result paired to its item by its merchant reference', async () => {
		const items = [
			{ email: 'alice@example.com', amount: '1.00', currency: 'EUR', ref: 'b-1' },
			{ email: 'bob@example.com', amount: '2.50', currency: 'EUR', ref: 'b-2' },
			{ email: 'carol@example.com', amount: '3', currency: 'USD', ref: 'b-3' },
		];
		const result = await run(batchParams, items);
		expect(result.error).toBeUndefined();
		expect(box.sandbox.count({ path: '/batch_payouts_new' })).toBe(1);
		expect(result.items.map((i) => [i.email, i.amount, i.merchant_reference, i.response.merchant_reference, i.response.status, i.idempotencyKey])).toEqual([
			['alice@example.com', 100, 'b-1', 'b-1', 'pending', 'b-1'],
			['bob@example.com', 250, 'b-2', 'b-2', 'pending', 'b-2'],
			['carol@example.com', 300, 'b-3', 'b-3', 'pending', 'b-3'],
		]);
		expect(result.raw.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(consumer('bob@example.com').wallets.EUR).toBe(1_250);
		expect(consumer('carol@example.com').wallets.USD).toBe(300);
	});

	test('batch result lines in another order are paired by reference; eZeeWallet fields stay under "response"', async () => {
		const items = [
			{ email: 'alice@example.com', amount: '1.00', currency: 'EUR', ref: 'o-1' },
			{ email: 'carol@example.com', amount: '2', currency: 'USD', ref: 'o-2' },
		];
		box.sandbox.injectFault({
			provider: 'ezeewallet', path: '/batch_payouts_new', kind: 'status', status: 200,
			body: { unique_ids: [{ email: 'carol@example.com', amount: 200, currency: 'EUR', merchant_reference: 'o-2' }, { email: 'alice@example.com', amount: 100, currency: 'EUR', merchant_reference: 'o-1' }], status: 'pending' },
		});
		const result = await run(batchParams, items);
		expect(result.error).toBeUndefined();
		expect(result.items[0]).toMatchObject({ email: 'alice@example.com', amount: 100, currency: 'EUR', merchant_reference: 'o-1', response: { email: 'alice@example.com', merchant_reference: 'o-1', status: 'pending' }, money: { amount: '1.00', currency: 'EUR', minor: 100 } });
		// the provider's converted currency does not overwrite what the item sent
		expect(result.items[1]).toMatchObject({ email: 'carol@example.com', amount: 200, currency: 'USD', response: { currency: 'EUR', merchant_reference: 'o-2' } });
	});

	test('batch lines that cannot be paired are unknown outcomes, failed lines go to the error output, neither is guessed', async () => {
		const items = [
			{ email: 'alice@example.com', amount: '1', currency: 'EUR', ref: 'u-1' },
			{ email: 'carol@example.com', amount: '2', currency: 'USD', ref: 'u-2' },
			{ email: 'bob@example.com', amount: '3', currency: 'EUR', ref: 'u-3' },
			{ email: 'carol@example.com', amount: '4', currency: 'USD', ref: 'u-4' },
		];
		const answer = {
			unique_ids: [
				{ email: 'alice@example.com', amount: 100, currency: 'EUR', merchant_reference: 'u-1' },
				// u-2: no line at all; u-3: a line naming another consumer; u-4: refused
				{ email: 'eve@example.com', amount: 300, currency: 'EUR', merchant_reference: 'u-3' },
				{ email: 'carol@example.com', amount: 400, currency: 'USD', merchant_reference: 'u-4', status: 'failed', error: { code: 426, message: 'Target wallet currency is different than the currency of the payout' } },
			],
			status: 'pending',
		};
		box.sandbox.injectFault({ provider: 'ezeewallet', path: '/batch_payouts_new', kind: 'status', status: 200, body: answer });
		const result = await run(batchParams, items, { nodeExtra: { onError: 'continueErrorOutput' } });
		const [success, failed] = [result.output('Node', 0), result.output('Node', 1)];
		expect(success.map((i) => i.json.merchant_reference)).toEqual(['u-1']);
		expect(failed).toHaveLength(3);
		// n8n routed them to the error output (their JSON had only error and details; n8n then adds the input item's fields)
		for (const item of failed) {
			expect(item.json).toEqual({ ...items[item.pairedItem.item], error: expect.any(String), details: expect.any(Object) });
		}
		expect(failed.map((i) => i.pairedItem.item)).toEqual([1, 2, 3]);
		expect(failed[0].json.error).toMatch(/no result line with merchant reference "u-2".*may or may not have been made/);
		expect(failed[1].json.error).toMatch(/names another consumer.*may or may not have been made/);
		expect(failed[2].json.error).toMatch(/"u-4" failed \(Target wallet currency/);
		expect(failed[2].json.details).toMatchObject({ merchant_reference: 'u-4', idempotencyKey: 'u-4' });
		// the unknown ones stay claimed, the refused one is given back: a re-run of the same node sends only u-4
		const nodeId = 'batch-ledger-node';
		box.sandbox.injectFault({ provider: 'ezeewallet', path: '/batch_payouts_new', kind: 'status', status: 200, body: answer });
		await run(batchParams, items, { nodeId, nodeExtra: { onError: 'continueErrorOutput' } });
		box.sandbox.requests.length = 0;
		const again = await run(batchParams, items, { nodeId });
		expect(again.items.filter((i) => i.skipped).map((i) => i.idempotencyKey)).toEqual(['u-1', 'u-2', 'u-3']);
		expect(box.sandbox.requests.find((r) => r.path === '/batch_payouts_new').body.payout_requests.map((l) => l.merchant_reference)).toEqual(['u-4']);
	});

	test('without continue-on-fail, an unpaired line stops the run and the error says what was sent and what is unknown', async () => {
		const items = [
			{ email: 'alice@example.com', amount: '1', currency: 'EUR', ref: 's-1' },
			{ email: 'carol@example.com', amount: '2', currency: 'USD', ref: 's-2' },
		];
		box.sandbox.injectFault({ provider: 'ezeewallet', path: '/batch_payouts_new', kind: 'status', status: 200, body: { unique_ids: [{ email: 'alice@example.com', amount: 100, currency: 'EUR', merchant_reference: 's-1' }], status: 'pending' } });
		const result = await run(batchParams, items);
		expect(result.error.message).toMatch(/no result line with merchant reference "s-2"/);
		expect(result.error.description).toMatch(/Already sent in this run: item 0 \(key "s-1"\)\. Outcome unknown: item 1 \(key "s-2"\)\./);
	});

	test('batch payout in chunks, and the legacy endpoint', async () => {
		const items = Array.from({ length: 5 }, (_, i) => ({ amount: `${i + 1}`, ref: `c-${i}` }));
		const params = { resource: 'payout', operation: 'createBatch', email: 'carol@example.com', amount: '={{ $json.amount }}', currency: 'USD', merchantReference: '={{ $json.ref }}', batchOptions: { batchSize: 2 } };
		const result = await run(params, items);
		expect(box.sandbox.count({ path: '/batch_payouts_new' })).toBe(3);
		expect(result.items.map((i) => i.batch)).toEqual([1, 1, 2, 2, 3]);
		expect(consumer('carol@example.com').wallets.USD).toBe(1500);
		const legacy = await run({ ...params, operation: 'createBatchLegacy', merchantReference: '={{ "legacy-" + $json.ref }}' }, items);
		expect(legacy.items[0]).toMatchObject({ merchant_reference: 'legacy-c-0', response: { status: 'pending', batch_unique_id: expect.any(Number) } });
		expect(consumer('carol@example.com').wallets.USD).toBe(3000);
	});

	test('batch payout checks every item first: one bad item sends nothing; with continue-on-fail the rest go', async () => {
		const items = [{ email: 'alice@example.com', ref: 'v-1' }, { email: 'not-an-email', ref: 'v-2' }, { email: 'bob@example.com', ref: 'v-3' }];
		const params = { resource: 'payout', operation: 'createBatch', email: '={{ $json.email }}', amount: '1', currency: 'EUR', merchantReference: '={{ $json.ref }}' };
		const failed = await run(params, items);
		expect(failed.error.message).toBe('Invalid Consumer Email [item 1]: must be an email address such as name@example.com');
		expect(box.sandbox.count({ provider: 'ezeewallet' })).toBe(0);
		const partial = await run(params, items, { continueOnFail: true });
		expect(box.sandbox.count({ path: '/batch_payouts_new' })).toBe(1);
		expect(partial.items[1].error).toMatch(/Consumer Email \[item 1\]/);
		expect(partial.items[0].response.status).toBe('pending');
		expect(partial.raw.map((i) => i.pairedItem.item)).toEqual([0, 1, 2]);
		expect(state().payouts).toHaveLength(2);
	});

	test('batch payout with the payment ledger off: sent as before, without keys, and a re-run is not skipped', async () => {
		const items = [{ email: 'carol@example.com', amount: '1', currency: 'USD', ref: 'off-1' }];
		const params = { ...batchParams, executionOptions: { paymentLedger: false } };
		const first = await run(params, items, { nodeId: 'batch-ledger-off' });
		expect(first.error).toBeUndefined();
		expect(first.items[0].idempotencyKey).toBeUndefined();
		expect(first.items[0].response).toMatchObject({ merchant_reference: 'off-1' });
		const again = await run(params, items, { nodeId: 'batch-ledger-off' });
		expect(again.items[0].skipped).toBeUndefined();
		expect(box.sandbox.count({ path: '/batch_payouts_new' })).toBe(2);
	});

	test('batch payout needs a merchant reference per item, unique in the run (results are paired by it)', async () => {
		const params = { resource: 'payout', operation: 'createBatch', email: 'carol@example.com', amount: '1', currency: 'USD', merchantReference: '={{ $json.ref }}', idempotencyKey: '={{ $json.key }}' };
		const missing = await run(params, [{ key: 'k-1' }]);
		expect(missing.error.message).toMatch(/^Invalid Merchant Reference \[item 0\]: is required for batch payouts/);
		const repeated = await run(params, [{ ref: 'same', key: 'k-1' }, { ref: 'same', key: 'k-2' }]);
		expect(repeated.error.message).toMatch(/^Invalid Merchant Reference \[item 1\]: "same" is also the reference of item 0/);
		expect(box.sandbox.count({ provider: 'ezeewallet' })).toBe(0);
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
		// eZeeWallet's answer as it is
		expect(found.items[0]).toEqual({ wallet_account_number: 1001, verification_status: 'verified', account_status: 'active' });
		const missing = await run({ resource: 'account', operation: 'get', email: 'ghost@example.com' });
		expect(missing.error.message).toBe('eZeeWallet: Record not found (code 416)');
		expect(missing.error.httpCode).toBe('400');
	});
});
