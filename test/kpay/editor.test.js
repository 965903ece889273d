'use strict';
// The KPAY node in the editor (issue 15): resource locators filled from KPAY (shops, cards,
// transactions) with their values accepted by the operations, the Idempotency Key defaults that read
// them, Simplify, and the credential's environments.
const path = require('path');
const { listSearch, PACKAGE_ROOT } = require('../harness/n8n');
const { providerKit } = require('../harness/provider');

const kit = providerKit('kpay');
const state = () => kit.sandbox.state('kpay');
const locator = (value, mode = 'list') => ({ __rl: true, mode, value });

async function seedTransactions(n, extra = {}, options = {}) {
	const r = await kit.run(
		{
			resource: 'transaction',
			operation: 'create',
			shopId: locator(state().shops[0].id),
			cardId: locator(state().cards[0].id),
			amount: '={{ $json.amount }}',
			factorNumber: '={{ "INV-" + $json.amount }}',
			callbackUrl: 'https://n8n.example.com/webhook/x/callback',
			feeSide: 'customer',
			additionalFields: {},
			...extra,
		},
		{ items: Array.from({ length: n }, (_, i) => ({ amount: 10000 + i })), ...options },
	);
	expect(r.error).toBeUndefined();
	return r.items;
}

describe('list searches (From List)', () => {
	test('searchShops: the account\'s shops, filtered by the typed text', async () => {
		const all = await kit.listSearch('searchShops');
		expect(all).toEqual({ results: [{ name: 'Sandbox Shop', value: state().shops[0].id, description: 'https://shop.example.com' }] });
		expect((await kit.listSearch('searchShops', 'sandbox')).results).toHaveLength(1);
		expect((await kit.listSearch('searchShops', state().shops[0].id.slice(0, 8))).results).toHaveLength(1);
		expect((await kit.listSearch('searchShops', 'no such shop')).results).toEqual([]);
		expect(kit.count({ method: 'GET', path: '/shops' })).toBe(4);
	});

	test('searchShops shows only the shops of the credential\'s account', async () => {
		const second = { mobile: '09350004455', password: 'second-account-pass' };
		expect((await kit.run({ resource: 'auth', operation: 'register', name: 'Second', ...second })).error).toBeUndefined();
		const own = await kit.run({ resource: 'shop', operation: 'create', name: 'Second Shop', additionalFields: {} }, { credentials: kit.credentials(second) });
		expect(own.error).toBeUndefined();
		const theirs = await kit.listSearch('searchShops', undefined, {}, { credentials: kit.credentials(second) });
		expect(theirs.results.map((item) => item.name)).toEqual(['Second Shop']);
		const ours = await kit.listSearch('searchShops');
		expect(ours.results.map((item) => item.name)).toEqual(['Sandbox Shop']);
	});

	test('searchCards: card numbers shown by their last four only', async () => {
		const cards = await kit.listSearch('searchCards');
		expect(cards).toEqual({ results: [{ name: 'Bank Melli ************9993 (Sandbox Merchant)', value: state().cards[0].id }] });
		expect(JSON.stringify(cards)).not.toContain('6037997599999993');
		expect((await kit.listSearch('searchCards', '9993')).results).toHaveLength(1);
		expect((await kit.listSearch('searchCards', 'saman')).results).toHaveLength(0);
	});

	test('searchTransactions: authorities with amount, status and factor number; filtered; one page per scroll', async () => {
		expect(await kit.listSearch('searchTransactions')).toEqual({ results: [], paginationToken: undefined });
		await seedTransactions(51);
		const first = await kit.listSearch('searchTransactions');
		expect(first.results).toHaveLength(50);
		expect(first.paginationToken).toBe('2');
		const tx = state().transactions[0];
		expect(first.results[0]).toEqual({ name: `${tx.authority} · 10000 Rials · pending · factor INV-10000`, value: tx.authority, description: tx.created_at });
		const second = await listSearch({ type: 'kpay', method: 'searchTransactions', credentials: kit.credentials(), paginationToken: first.paginationToken });
		expect(second.results).toHaveLength(1);
		expect(second.paginationToken).toBeUndefined();
		expect([...first.results, ...second.results].map((item) => item.value).sort()).toEqual(state().transactions.map((t) => t.authority).sort());
		const filtered = await kit.listSearch('searchTransactions', 'inv-10007');
		expect(filtered.results.map((item) => item.value)).toEqual([state().transactions[7].authority]);
	});
});

describe('locator values in operations', () => {
	test('Create takes Shop and Card from the list mode; the Idempotency Key defaults to the Factor Number', async () => {
		// the same node twice (its id keeps the ledger's scope)
		const [item] = await seedTransactions(1, {}, { nodeId: 'create-node' });
		expect(state().transactions[0]).toMatchObject({ shop_id: state().shops[0].id, card_id: state().cards[0].id, factor_number: 'INV-10000' });
		expect(item.idempotencyKey).toBe('INV-10000');
		// the same Factor Number again: the ledger holds the key, nothing is sent
		const again = await seedTransactions(1, {}, { nodeId: 'create-node' });
		expect(again[0]).toMatchObject({ skipped: true, idempotencyKey: 'INV-10000' });
		expect(state().transactions).toHaveLength(1);
	});

	test('Create without Factor Number and without a key sends nothing', async () => {
		const r = await kit.run({ resource: 'transaction', operation: 'create', shopId: locator(state().shops[0].id), cardId: locator(state().cards[0].id), amount: 5000, callbackUrl: 'https://n8n.example.com/cb', feeSide: 'customer', additionalFields: {} });
		expect(r.error.message).toContain('Idempotency Key');
		expect(kit.count()).toBe(0);
	});

	test('Check Status, Payment Info and Verify take the Transaction locator (list or ID mode); Verify\'s key defaults to its authority', async () => {
		const [created] = await seedTransactions(1);
		const { authority } = created;
		const status = await kit.run({ resource: 'transaction', operation: 'checkStatus', authority: locator(authority, 'id') });
		expect(status.items[0]).toEqual({ authority, status: 'pending', is_paid: false });
		const info = await kit.run({ resource: 'transaction', operation: 'getPaymentInfo', authority: locator(authority) });
		expect(info.items[0]).toMatchObject({ authority, card_number: '************9993', money: { amount: '10000', currency: 'IRR', minor: 1000000 } });
		await kit.control('POST', `/transactions/${authority}/pay`);
		const verified = await kit.run({ resource: 'transaction', operation: 'verify', authority: locator(authority) });
		expect(verified.error).toBeUndefined();
		expect(verified.items[0]).toMatchObject({ authority, status: 'verified', amount: 10000, idempotencyKey: authority, money: { amount: '10000', currency: 'IRR' } });
	});

	test('Get Many: Shop filter as a locator, Simplify on by default, the full record when off', async () => {
		await seedTransactions(2);
		const simple = await kit.run({ resource: 'transaction', operation: 'getMany', returnAll: true, filters: { shopId: locator(state().shops[0].id) } });
		expect(simple.items).toHaveLength(2);
		expect(Object.keys(simple.items[0]).sort()).toEqual(['amount', 'authority', 'created_at', 'factor_number', 'final_amount', 'id', 'money', 'paid_at', 'shop_id', 'status']);
		const full = await kit.run({ resource: 'transaction', operation: 'getMany', returnAll: true, simplify: false, filters: {} });
		expect(full.items[0]).toMatchObject({ callback_url: expect.stringContaining('https://n8n.example.com/webhook/x/callback'), fee_side: 'customer', money: { amount: expect.any(String), currency: 'IRR' } });
		const none = await kit.run({ resource: 'transaction', operation: 'getMany', returnAll: true, filters: { shopId: locator('00000000-0000-0000-0000-000000000000', 'id') } });
		expect(none.items).toEqual([]);
	});
});

describe('credential', () => {
	const { KpayApi, KPAY_BASE_URLS, kpayBaseUrl } = require(path.join(PACKAGE_ROOT, 'dist/credentials/KpayApi.credentials'));

	test('Production or Custom URL; the description says KPAY has no sandbox', () => {
		const environment = new KpayApi().properties.find((p) => p.name === 'environment');
		expect(environment.options.map((o) => o.value)).toEqual(['production', 'custom']);
		expect(environment.description).toMatch(/KPAY publishes no sandbox/);
	});

	test('the credential test is a read, built from the same base URL constant as the transport', () => {
		const { request } = new KpayApi().test;
		expect(request.method ?? 'GET').toBe('GET');
		expect(request.url).toBe('/auth/me');
		expect(request.baseURL).toContain(`'${KPAY_BASE_URLS.production}'`);
		expect(kpayBaseUrl({ environment: 'production' })).toBe(KPAY_BASE_URLS.production);
		expect(kpayBaseUrl({ environment: 'custom', baseUrl: 'http://127.0.0.1:1/kpay/api/v1/' })).toBe('http://127.0.0.1:1/kpay/api/v1');
	});
});
