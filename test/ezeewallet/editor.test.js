// eZeeWallet's editor experience (#15): the legacy endpoints as an Endpoint Version option (and workflows
// saved with the old operation values still running), the transfer locators' From List, dates in the
// workflow's time zone, Simplify, money both ways, and a credential test that only reads.
const path = require('path');
const { NodeHelpers } = require('n8n-workflow');
const { providerKit } = require('../harness/provider');
const { PACKAGE_ROOT, testCredential } = require('../harness/n8n');

const kit = providerKit('ezeewallet');
const { EzeeWallet } = require(path.join(PACKAGE_ROOT, 'dist/nodes/EzeeWallet/EzeeWallet.node.js'));
const description = new EzeeWallet().description;

const { transferParams } = require('./fixtures');
const payoutParams = (overrides = {}) => ({ resource: 'payout', operation: 'create', email: 'carol@example.com', amount: '1', currency: 'USD', merchantReference: '={{ $json.ref }}', ...overrides });

describe('legacy endpoints: one option of the operation they duplicate', () => {
	const pickerOf = (resource) => description.properties.find((p) => p.name === 'operation' && p.displayOptions.show.resource.includes(resource));

	test('the pickers offer no legacy operation to a new workflow; the old values are shown only where they are selected', () => {
		for (const [resource, legacy] of [['transfer', ['createLegacy']], ['payout', ['createLegacy', 'createBatchLegacy']]]) {
			const options = pickerOf(resource).options;
			for (const value of legacy) {
				const option = options.find((o) => o.value === value);
				expect(option.displayOptions).toEqual({ show: { operation: [value] } });
			}
			const offered = options.filter((o) => !o.displayOptions).map((o) => o.name);
			expect(offered.some((name) => /legacy/i.test(name))).toBe(false);
		}
		const versions = description.properties.filter((p) => p.name === 'endpointVersion');
		expect(versions.map((p) => [p.displayOptions.show.resource[0], p.displayOptions.show.operation[0]])).toEqual([
			['transfer', 'create'],
			['payout', 'create'],
			['payout', 'createBatch'],
		]);
		expect(versions[0].options.map((o) => o.value)).toEqual(['current', 'legacy']);
	});

	test('n8n keeps the fields of a node saved with an old operation value (they are displayed for it)', () => {
		for (const saved of [
			transferParams({ operation: 'createLegacy', merchantTransactionId: 'saved-1' }),
			payoutParams({ operation: 'createLegacy', merchantReference: 'saved-2' }),
			payoutParams({ operation: 'createBatchLegacy', merchantReference: 'saved-3' }),
		]) {
			// what n8n's Workflow does with a saved node's parameters before running it
			const parameters = NodeHelpers.getNodeParameters(description.properties, saved, true, false, null, description);
			expect(parameters.operation).toBe(saved.operation);
			for (const name of ['amount', 'currency', saved.resource === 'transfer' ? 'merchantTransactionId' : 'merchantReference']) {
				expect([name, parameters[name]]).toEqual([name, saved[name]]);
			}
		}
	});

	test('a workflow saved with operation "createLegacy" (transfer) still charges on POST /transfers', async () => {
		const result = await kit.run(transferParams({ operation: 'createLegacy' }), { items: [{ id: 'saved-legacy-1', amount: '2.00' }] });
		expect(result.error).toBeUndefined();
		expect(result.items[0]).toMatchObject({ transaction_id: 'saved-legacy-1', amount: 200, money: { amount: '2.00', currency: 'EUR', minor: 200 } });
		expect(kit.requests('/transfers').map((r) => [r.method, r.body.transaction_id])).toEqual([['POST', 'saved-legacy-1']]);
		expect(kit.requests('/transfers_new')).toHaveLength(0);
	});

	test('a workflow saved with "createLegacy" / "createBatchLegacy" (payout) still pays on the legacy endpoints', async () => {
		const single = await kit.run(payoutParams({ operation: 'createLegacy' }), { items: [{ ref: 'saved-p-1' }] });
		expect(single.items[0]).toMatchObject({ merchant_reference: 'saved-p-1', response: { unique_id: expect.any(Number) } });
		const batch = await kit.run(payoutParams({ operation: 'createBatchLegacy' }), { items: [{ ref: 'saved-b-1' }, { ref: 'saved-b-2' }] });
		expect(batch.items.map((i) => i.response.batch_unique_id)).toEqual([expect.any(Number), expect.any(Number)]);
		expect(kit.requests('/single_payouts')).toHaveLength(1);
		expect(kit.requests('/batch_payouts')).toHaveLength(1);
		expect(kit.requests('/single_payouts_new')).toHaveLength(0);
		expect(kit.requests('/batch_payouts_new')).toHaveLength(0);
	});

	test('Endpoint Version: Legacy sends Create and Create Batch to the legacy endpoints, Current (the default) to the new ones', async () => {
		await kit.run(transferParams({ endpointVersion: 'legacy' }), { items: [{ id: 'v-legacy', amount: '1' }] });
		await kit.run(transferParams(), { items: [{ id: 'v-current', amount: '1' }] });
		expect(kit.requests('/transfers').map((r) => r.body.transaction_id)).toEqual(['v-legacy']);
		expect(kit.requests('/transfers_new').map((r) => r.body.merchant_transaction_id)).toEqual(['v-current']);
		await kit.run(payoutParams({ endpointVersion: 'legacy' }), { items: [{ ref: 'vp-1' }] });
		await kit.run(payoutParams({ operation: 'createBatch', endpointVersion: 'legacy' }), { items: [{ ref: 'vb-1' }] });
		await kit.run(payoutParams({ operation: 'createBatch' }), { items: [{ ref: 'vb-2' }] });
		expect(kit.requests('/single_payouts')).toHaveLength(1);
		expect(kit.requests('/batch_payouts')).toHaveLength(1);
		expect(kit.requests('/batch_payouts_new')).toHaveLength(1);
	});

	test('a bad Endpoint Version (by expression) is refused before anything is sent', async () => {
		const result = await kit.run(payoutParams({ endpointVersion: '={{ "v2" }}' }), { items: [{ ref: 'bad-version' }] });
		expect(result.error.message).toMatch(/^Invalid Endpoint Version \[item 0\]: must be one of: current, legacy/);
		expect(kit.count()).toBe(0);
	});
});

describe('transfer locators', () => {
	async function transfers(...rows) {
		const result = await kit.run(transferParams(), { items: rows.map(([id, amount]) => ({ id, amount })) });
		expect(result.error).toBeUndefined();
		return result.items;
	}

	test('From List shows the transfers of the last 90 days, named for a person, filtered by the typed text', async () => {
		const [first, second] = await transfers(['order-list-1', '12.34'], ['order-list-2', '0.50']);
		const all = await kit.listSearch('searchTransfers');
		expect(all.results).toEqual(
			expect.arrayContaining([
				{ name: 'order-list-1 · 12.34 EUR · approved · alice@example.com', value: first.ezw_reference_id },
				{ name: 'order-list-2 · 0.50 EUR · approved · alice@example.com', value: second.ezw_reference_id },
			]),
		);
		const [listed] = kit.raw().listQueries;
		// from 90 days ago to a day ahead (dates go to the second; the provider's clock may run behind)
		expect(Math.round((Date.now() - Date.parse(listed.start_date)) / 86_400_000)).toBe(90);
		expect(Math.round((Date.parse(listed.end_date) - Date.now()) / 86_400_000)).toBe(1);
		expect((await kit.listSearch('searchTransfers', 'list-2')).results.map((r) => r.value)).toEqual([second.ezw_reference_id]);
		expect((await kit.listSearch('searchTransfers', second.ezw_reference_id)).results.map((r) => r.value)).toEqual([second.ezw_reference_id]);
		expect((await kit.listSearch('searchTransfers', 'nothing-like-this')).results).toEqual([]);
	});

	test('a locator value (From List or By ID) and a plain ID saved before the locator all refund the same transfer', async () => {
		const [paid] = await transfers(['to-refund', '10.00']);
		const refund = (ezwReferenceId, id) => kit.run({ resource: 'refund', operation: 'create', merchantTransactionId: id, ezwReferenceId, amount: '1', currency: 'EUR' });
		const fromList = await refund({ __rl: true, mode: 'list', value: paid.ezw_reference_id }, 'rf-list');
		const byId = await refund({ __rl: true, mode: 'id', value: paid.ezw_reference_id }, 'rf-id');
		const saved = await refund(paid.ezw_reference_id, 'rf-saved');
		for (const result of [fromList, byId, saved]) {
			expect(result.error).toBeUndefined();
			expect(result.items[0]).toMatchObject({ ezw_reference_id: paid.ezw_reference_id, amount: 100, money: { amount: '1.00', currency: 'EUR', minor: 100 } });
		}
		expect(kit.requests('/refunds').map((r) => r.body.ezw_reference_id)).toEqual(Array(3).fill(paid.ezw_reference_id));
	});

	test('Transaction → Get and Transfer → Get Many by reference take the locator too', async () => {
		const [paid] = await transfers(['locator-get', '3.00']);
		const value = { __rl: true, mode: 'list', value: paid.ezw_reference_id };
		const status = await kit.run({ resource: 'transaction', operation: 'get', ezwReferenceId: value });
		expect(status.items[0]).toMatchObject({ ezw_reference_id: paid.ezw_reference_id, type: 'transfer', status: 'approved' });
		const one = await kit.run({ resource: 'transfer', operation: 'getMany', filterBy: 'reference', ezwReferenceId: value, returnAll: true });
		expect(one.items).toEqual([expect.objectContaining({ ezw_reference_id: paid.ezw_reference_id, merchant_transaction_id: 'locator-get' })]);
	});

	test('the list is asked of the credential\'s own environment (its base URL), nowhere else', async () => {
		await transfers(['env-1', '1']);
		const { baseUrl } = kit.credentials().ezeeWalletApi;
		const elsewhere = kit.credentials({ baseUrl: baseUrl.replace('/ezeewallet/api', '/ezeewallet/nowhere') });
		await expect(kit.listSearch('searchTransfers', '', {}, { credentials: elsewhere })).rejects.toThrow();
		expect(kit.requests('/transfers').length).toBe(0);
	});
});

describe('Get Many: dates in the workflow time zone, Simplify, money', () => {
	test('a date without a zone is read in the workflow\'s time zone (Asia/Tehran, UTC+3:30)', async () => {
		const result = await kit.run(
			{ resource: 'transfer', operation: 'getMany', filterBy: 'dateRange', startDate: '2026-01-01T00:00:00', endDate: '2026-01-02T00:00:00', returnAll: true },
			{ settings: { timezone: 'Asia/Tehran' } },
		);
		expect(result.error).toBeUndefined();
		const [listed] = kit.raw().listQueries;
		expect(listed).toMatchObject({ start_date: '2025-12-31T20:30:00Z', end_date: '2026-01-01T20:30:00Z' });
		// a value with a zone is an instant, whatever the workflow's zone
		await kit.run(
			{ resource: 'transfer', operation: 'getMany', filterBy: 'dateRange', startDate: '2026-01-01T00:00:00Z', endDate: '2026-01-02T00:00:00+01:00', returnAll: true },
			{ settings: { timezone: 'Asia/Tehran' } },
		);
		expect(kit.raw().listQueries[1]).toMatchObject({ start_date: '2026-01-01T00:00:00Z', end_date: '2026-01-01T23:00:00Z' });
	});

	test('Simplify (on by default) keeps the fields most people map plus money; off gives eZeeWallet\'s transfer untouched plus money', async () => {
		await kit.run(transferParams(), { items: [{ id: 'simple-1', amount: '7.25' }] });
		const range = { resource: 'transfer', operation: 'getMany', filterBy: 'dateRange', startDate: '2000-01-01T00:00:00', endDate: '2100-01-01T00:00:00', returnAll: true };
		const simple = await kit.run(range);
		expect(simple.items).toEqual([
			{
				ezw_reference_id: expect.any(String),
				merchant_transaction_id: 'simple-1',
				status: 'approved',
				amount: 725,
				currency: 'EUR',
				consumer_email: 'alice@example.com',
				money: { amount: '7.25', currency: 'EUR', minor: 725 },
			},
		]);
		const raw = await kit.run({ ...range, simplify: false });
		expect(raw.items[0]).toMatchObject({ return_success_url: 'https://shop.example/ok', amount: 725, money: { amount: '7.25', currency: 'EUR', minor: 725 } });
	});
});

describe('credential', () => {
	test('the credential test is a read: it lists transfers of a day long past and changes nothing', async () => {
		const money = () => JSON.stringify(['merchants', 'consumers', 'transfers', 'refunds', 'payouts', 'batches'].map((key) => kit.raw()[key]));
		const before = money();
		expect((await testCredential('ezeeWalletApi', kit.credentials().ezeeWalletApi)).ok).toBe(true);
		expect(kit.requests().map((r) => [r.method, r.path])).toEqual([['GET', '/transfers']]);
		expect(money()).toBe(before);
	});

	test('the test URL is built from the same base URLs as the transport (Production and Staging)', () => {
		const { EZEEWALLET_BASE_URLS, EzeeWalletApi } = require(path.join(PACKAGE_ROOT, 'dist/credentials/EzeeWalletApi.credentials.js'));
		const baseURL = new EzeeWalletApi().test.request.baseURL;
		expect(baseURL).toContain(`'${EZEEWALLET_BASE_URLS.production}'`);
		expect(baseURL).toContain(`'${EZEEWALLET_BASE_URLS.staging}'`);
		const environments = new EzeeWalletApi().properties.find((p) => p.name === 'environment').options.map((o) => o.value);
		expect(environments).toEqual(['production', 'staging', 'custom']);
	});
});
