'use strict';
// The editor: dropdowns of the credential's environment only, the Card locator (From list / By ID) and
// its list search, old saved workflows with a plain card id, and the credential's environments.
const path = require('path');
const { PACKAGE_ROOT, testCredential } = require('../harness/n8n');
const { providerKit } = require('../harness/provider');

const k = providerKit('kazawallet');
const { DEMO } = k;

// The two tables of the reference ("Payment Methods"), written out here on purpose: the test does not
// read the node's own table, so a wrong id in it fails.
const REFERENCE_IDS = {
	development: ['15', '13'],
	production: ['118', '116', '117', '115'],
};
const other = (environment) => (environment === 'production' ? 'development' : 'production');

describe('dropdowns show only ids of the credential environment', () => {
	const environments = [
		['Production', { environment: 'production' }, 'production'],
		['Development', { environment: 'development' }, 'development'],
		['Custom URL, development ids', { environment: 'custom', paymentMethodIds: 'development' }, 'development'],
		['Custom URL, production ids', { environment: 'custom', paymentMethodIds: 'production' }, 'production'],
		['Custom URL, ids not chosen', { environment: 'custom', paymentMethodIds: undefined }, 'development'],
	];

	test.each(environments)('%s', async (_label, overrides, expected) => {
		const methods = await k.loadOptions('getPaymentMethods', {}, { credentials: k.credentials(overrides) });
		const ids = methods.map((method) => method.value);
		expect(ids.sort()).toEqual([...REFERENCE_IDS[expected]].sort());
		for (const id of REFERENCE_IDS[other(expected)]) expect(ids).not.toContain(id);
		// the label never names the other environment
		for (const method of methods) expect(method.name).not.toMatch(new RegExp(other(expected), 'i'));
	});

	test('the node has no other dropdown of environment ids (a new one must be added above)', () => {
		const { Kazawallet } = require(path.join(PACKAGE_ROOT, 'dist/nodes/Kazawallet/Kazawallet.node.js'));
		const node = new Kazawallet();
		expect(Object.keys(node.methods.loadOptions).sort()).toEqual(['getPaymentMethodFields', 'getPaymentMethods']);
		expect(Object.keys(node.methods.listSearch)).toEqual(['searchCards']);
		// every option dropdown that loads from a method: which method, by parameter
		const loaders = [];
		const walk = (properties) => {
			for (const property of properties) {
				if (property.typeOptions?.loadOptionsMethod) loaders.push(property.typeOptions.loadOptionsMethod);
				if (property.options) walk(property.options.flatMap((option) => option.values ?? (option.name && option.type ? [option] : [])));
			}
		};
		walk(node.description.properties);
		expect([...new Set(loaders)].sort()).toEqual(['getPaymentMethodFields', 'getPaymentMethods']);
	});

	test('the payment method has no default id (118 would be wrong in development)', () => {
		const { Kazawallet } = require(path.join(PACKAGE_ROOT, 'dist/nodes/Kazawallet/Kazawallet.node.js'));
		const defaults = new Kazawallet().description.properties.filter((p) => p.name === 'paymentMethod').map((p) => p.default);
		expect(defaults.length).toBeGreaterThan(0);
		for (const value of defaults) expect(value).toBe('');
	});
});

describe('credential environments', () => {
	test('Development sends to its Base URL, and the credential test there is a read', async () => {
		const credentials = k.credentials({ environment: 'development' });
		expect((await testCredential('kazawalletApi', credentials.kazawalletApi)).ok).toBe(true);
		expect(k.requests().map((r) => `${r.method} ${r.path}`)).toEqual(['GET /get-merchant-wallets']);
		const result = await k.run({ resource: 'wallet', operation: 'getRates' }, { credentials });
		expect(result.error).toBeUndefined();
		expect(k.requests('/get-rate')).toHaveLength(1);
	});

	test('the credential test changes nothing at the provider', async () => {
		const before = JSON.stringify(k.state());
		expect((await testCredential('kazawalletApi', k.credentials().kazawalletApi)).ok).toBe(true);
		expect(JSON.stringify(k.state())).toBe(before);
		expect(k.requests().every((r) => r.method === 'GET')).toBe(true);
	});
});

describe('Card locator', () => {
	async function issue(email, amount = '5.00', cardType = 'basic') {
		const result = await k.run({ resource: 'card', operation: 'issue', idempotencyKey: `issue-${email}-${amount}-${cardType}`, email, amount, cardType });
		expect(result.error).toBeUndefined();
		return result.items[0].card.id;
	}

	test('From list: every card, by the last four digits only, and filtered by the typed text', async () => {
		const alice = await issue('alice@example.com');
		const bob = await issue('bob@example.com', '1.00', 'plus');
		const all = await k.listSearch('searchCards');
		expect(all.results.map((r) => r.value).sort()).toEqual([alice, bob].sort());
		const aliceCard = k.raw().cards.find((card) => card.id === alice);
		const label = all.results.find((r) => r.value === alice).name;
		expect(label).toContain(`•••• ${aliceCard.cardNumber.slice(-4)}`);
		expect(label).toContain('alice@example.com');
		expect(label).not.toContain(aliceCard.cardNumber);
		expect(label).not.toContain(aliceCard.cvv);

		const filtered = await k.listSearch('searchCards', 'BOB@');
		expect(filtered.results.map((r) => r.value)).toEqual([bob]);
		expect((await k.listSearch('searchCards', 'plus')).results.map((r) => r.value)).toEqual([bob]);
		expect((await k.listSearch('searchCards', 'nobody')).results).toEqual([]);
	});

	test('From list reads the pages a few at a time and hands n8n a token for the next ones', async () => {
		k.raw().pageSize = 1;
		const ids = [];
		for (let n = 1; n <= 7; n++) ids.push(await issue('alice@example.com', `${n}.00`));
		const first = await k.listSearch('searchCards');
		expect(first.results.map((r) => r.value)).toEqual(ids.slice(0, 5));
		expect(first.paginationToken).toBe('6');
		const { listSearch } = require('../harness/n8n');
		const second = await listSearch({ type: 'kazawallet', method: 'searchCards', credentials: k.credentials(), paginationToken: first.paginationToken });
		expect(second.results.map((r) => r.value)).toEqual(ids.slice(5));
		expect(second.paginationToken).toBeUndefined();
	});

	test('an id picked from the list, given By ID, or saved as a plain string reaches Kazawallet the same way', async () => {
		const id = await issue('alice@example.com');
		const values = [
			{ __rl: true, mode: 'list', value: id, cachedResultName: 'Basic card' },
			{ __rl: true, mode: 'id', value: id },
			id, // a workflow saved before the field became a locator
		];
		for (const cardId of values) {
			const result = await k.run({ resource: 'card', operation: 'get', cardId });
			expect(result.error).toBeUndefined();
			expect(result.items[0].id).toBe(id);
		}
		expect(k.requests('/wallet-cards/get-card-details')).toHaveLength(3);
	});

	test('a card id that is not an id is refused before sending (by the editor, and by the node for old plain values)', async () => {
		const byId = await k.run({ resource: 'card', operation: 'lock', cardId: { __rl: true, mode: 'id', value: '../kc-1' } });
		expect(byId.error.message).toContain('A card ID such as kc-123');
		const plain = await k.run({ resource: 'card', operation: 'lock', cardId: '../kc-1' });
		expect(plain.error.message).toBe('Invalid Card ID [item 0]: must be a card ID such as kc-123 (letters, digits, - _ . :, at most 100)');
		const expression = await k.run({ resource: 'card', operation: 'unlock', cardId: '={{ "kc 1" }}' });
		expect(expression.error.message).toContain('Invalid Card ID [item 0]');
		expect(k.requests('/wallet-cards/lock')).toHaveLength(0);
		expect(k.requests('/wallet-cards/unlock')).toHaveLength(0);
		expect(k.requests()).toHaveLength(0);
		expect(DEMO.merchantEmail).toBeTruthy();
	});
});

describe('a payment method id of the other environment is refused at run time too (an expression bypasses the dropdown)', () => {
	const withdrawal = (paymentMethod) => ({
		resource: 'withdrawal', operation: 'create', idempotencyKey: `env-check-${paymentMethod}`, email: DEMO.merchantEmail, currency: 'USDT', amount: '1',
		paymentMethod: `={{ "${paymentMethod}" }}`, methodFields: { field: [{ name: 'wallet_address', value: 'TXyz123' }] },
	});

	test('production USDT-TRC20 (118) on a development credential: refused naming the field, the item and the right id; nothing sent', async () => {
		const result = await k.run(withdrawal('118'));
		expect(result.error.message).toContain('Payment Method');
		expect(result.error.message).toContain('[item 0]');
		expect(result.error.message).toContain('118 is the production id of USDT-TRC20; this credential uses development ids (USDT-TRC20 is 15 here)');
		expect(k.requests('/createWithdrawalRequest')).toHaveLength(0);
		expect(k.state().withdrawals).toHaveLength(0);
	});

	test('development USDT-TRC20 (15) on a production-id credential: refused; an id the reference does not list is passed on', async () => {
		const production = k.credentials({ environment: 'custom', paymentMethodIds: 'production' });
		const refused = await k.run(withdrawal('15'), { credentials: production });
		expect(refused.error.message).toContain('15 is the development id of USDT-TRC20; this credential uses production ids (USDT-TRC20 is 118 here)');
		expect(k.requests('/createWithdrawalRequest')).toHaveLength(0);
		await k.run(withdrawal('999'));
		expect(k.requests('/createWithdrawalRequest')).toHaveLength(1);
	});
});
