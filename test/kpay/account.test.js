'use strict';
// Account (register, login, current user), shops and cards, through n8n's engine against the sandbox.
const { runNode, runWorkflow, node, chain } = require('../harness/n8n');
const { useSandbox } = require('../harness/sandbox');
const { DEMO, loginCredentials, apiKeyCredentials, count } = require('./helpers');

const s = useSandbox();
const creds = () => loginCredentials(s.sandbox);

/**
 * A second account for the opt-in outputs (full card numbers, shop API keys): the demo credential's own
 * key and card number are secrets the security report looks for in every output.
 */
async function secondAccount() {
	const account = { mobile: '09350002233', password: 'second-account-pass' };
	const r = await runNode({ type: 'kpay', parameters: { resource: 'auth', operation: 'register', name: 'Second', ...account }, credentials: creds() });
	expect(r.error).toBeUndefined();
	return loginCredentials(s.sandbox, account);
}

describe('account', () => {
	test('register creates the user and returns its tokens, never the password', async () => {
		const r = await runNode({
			type: 'kpay',
			parameters: { resource: 'auth', operation: 'register', name: '={{ $json.name }}', mobile: '={{ $json.mobile }}', password: 'new-user-pass' },
			credentials: creds(),
			items: [{ name: 'Sara Ahmadi', mobile: '09350001122' }],
		});
		expect(r.error).toBeUndefined();
		expect(r.items[0].access_token).toMatch(/^kpat_/);
		expect(r.items[0].token_type).toBe('bearer');
		expect(JSON.stringify(r.items)).not.toContain('new-user-pass');
		const user = s.sandbox.state('kpay').users.find((u) => u.mobile === '09350001122');
		expect(user).toMatchObject({ name: 'Sara Ahmadi', password: 'new-user-pass' });
		// sign-up is a public call: the credential's token is not sent with it
		expect(s.sandbox.requests.find((q) => q.path === '/auth/register').headers.authorization).toBeUndefined();
		expect(r.raw[0].pairedItem).toEqual({ item: 0 });
	});

	test('register of a known mobile number: KPAY error in plain words', async () => {
		const r = await runNode({ type: 'kpay', parameters: { resource: 'auth', operation: 'register', name: 'X', mobile: DEMO.mobile, password: 'abcdef' }, credentials: creds() });
		expect(r.error.message).toContain('Mobile number already registered');
		expect(r.error.httpCode).toBe('400');
	});

	test.each([
		['0912123456', 'long-enough', 'Mobile Number'],
		['08121234567', 'long-enough', 'Mobile Number'],
		['091212345678', 'long-enough', 'Mobile Number'],
		['09121234567', '12345', 'Password'],
	])('register with mobile %s / password %s sends nothing', async (mobile, password, field) => {
		const r = await runNode({ type: 'kpay', parameters: { resource: 'auth', operation: 'register', name: 'X', mobile, password }, credentials: creds() });
		expect(r.error.message).toContain(`Invalid ${field} [item 0]`);
		expect(s.sandbox.count({ provider: 'kpay' })).toBe(0);
	});

	test('login returns tokens of the given account (form body, no Bearer sent)', async () => {
		const r = await runNode({ type: 'kpay', parameters: { resource: 'auth', operation: 'login', mobile: DEMO.mobile, password: DEMO.password }, credentials: apiKeyCredentials(s.sandbox) });
		expect(r.error).toBeUndefined();
		expect(r.items[0]).toMatchObject({ mobile: DEMO.mobile, token_type: 'bearer' });
		expect(s.sandbox.state('kpay').tokens.has(r.items[0].access_token)).toBe(true);
		expect(JSON.stringify(r.items)).not.toContain(DEMO.password);
		const login = s.sandbox.requests.find((q) => q.path === '/auth/login');
		expect(login.body).toEqual({ username: DEMO.mobile, password: DEMO.password });
		expect(login.headers.authorization).toBeUndefined();
	});

	test('login with a wrong password is one request and a clear error, without the password', async () => {
		const r = await runNode({ type: 'kpay', parameters: { resource: 'auth', operation: 'login', mobile: DEMO.mobile, password: 'not-the-password' }, credentials: apiKeyCredentials(s.sandbox) });
		expect(r.error.message).toContain('Incorrect mobile or password');
		expect(r.error.message + (r.error.description || '')).not.toContain('not-the-password');
		expect(count(s.sandbox, 'POST', '/auth/login')).toBe(1);
	});

	test('login with a short password sends nothing', async () => {
		const r = await runNode({ type: 'kpay', parameters: { resource: 'auth', operation: 'login', mobile: DEMO.mobile, password: 'abc' }, credentials: apiKeyCredentials(s.sandbox) });
		expect(r.error.message).toContain('Invalid Password [item 0]: must be at least 6 characters');
		expect(s.sandbox.count({ provider: 'kpay' })).toBe(0);
	});

	test('get current user', async () => {
		const r = await runNode({ type: 'kpay', parameters: { resource: 'auth', operation: 'getMe' }, credentials: creds() });
		expect(r.items[0]).toMatchObject({ mobile: DEMO.mobile, merchant_id: s.sandbox.state('kpay').users[0].merchant_id });
	});
});

describe('shops', () => {
	test('create stores the shop and returns its API key; list leaves keys out unless asked', async () => {
		const created = await runNode({
			type: 'kpay',
			parameters: { resource: 'shop', operation: 'create', name: 'Book Store', additionalFields: { website: 'https://books.example.com', phone: '02188776655' } },
			credentials: creds(),
		});
		expect(created.error).toBeUndefined();
		const stored = s.sandbox.state('kpay').shops.find((shop) => shop.name === 'Book Store');
		expect(stored).toMatchObject({ website: 'https://books.example.com', phone: '02188776655' });
		expect(created.items[0]).toMatchObject({ id: stored.id, api_key: stored.api_key, is_active: true });

		const list = await runNode({ type: 'kpay', parameters: { resource: 'shop', operation: 'getMany', returnAll: true }, credentials: creds() });
		expect(list.items.map((shop) => shop.name).sort()).toEqual(['Book Store', 'Sandbox Shop']);
		expect(list.items.every((shop) => shop.api_key === undefined)).toBe(true);
		const second = await secondAccount();
		const own = await runNode({ type: 'kpay', parameters: { resource: 'shop', operation: 'create', name: 'Second Shop', additionalFields: {} }, credentials: second });
		expect(own.error).toBeUndefined();
		const withKeys = await runNode({ type: 'kpay', parameters: { resource: 'shop', operation: 'getMany', returnAll: false, limit: 1, includeApiKeys: true }, credentials: second });
		expect(withKeys.items).toHaveLength(1);
		expect(withKeys.items[0].api_key).toBe(s.sandbox.state('kpay').shops.find((shop) => shop.name === 'Second Shop').api_key);
	});

	test('create with a bad website sends nothing', async () => {
		const r = await runNode({ type: 'kpay', parameters: { resource: 'shop', operation: 'create', name: 'X', additionalFields: { website: 'not a url' } }, credentials: creds() });
		expect(r.error.message).toContain('Invalid Website [item 0]');
		expect(s.sandbox.count({ provider: 'kpay' })).toBe(0);
	});

	test('regenerate key: the new key works, the old one no longer does', async () => {
		const state = s.sandbox.state('kpay');
		const shop = state.shops[0];
		const r = await runNode({ type: 'kpay', parameters: { resource: 'shop', operation: 'regenerateKey', shopId: shop.id }, credentials: creds() });
		expect(r.error).toBeUndefined();
		expect(r.items[0].api_key).toBe(shop.api_key);
		expect(shop.api_key).not.toBe(DEMO.shopApiKey);
		const old = await runNode({ type: 'kpay', parameters: { resource: 'auth', operation: 'getMe' }, credentials: apiKeyCredentials(s.sandbox) });
		expect(old.error.httpCode).toBe('401');
		const fresh = await runNode({ type: 'kpay', parameters: { resource: 'auth', operation: 'getMe' }, credentials: apiKeyCredentials(s.sandbox, r.items[0].api_key) });
		expect(fresh.items[0].mobile).toBe(DEMO.mobile);
	});

	test('regenerate key of an unknown shop: not found, clearly', async () => {
		const r = await runNode({ type: 'kpay', parameters: { resource: 'shop', operation: 'regenerateKey', shopId: '00000000-0000-0000-0000-000000000000' }, credentials: creds() });
		expect(r.error.message).toContain('Shop not found');
		expect(r.error.httpCode).toBe('404');
	});
});

describe('cards', () => {
	test('add a card (Luhn and Shaba valid): stored, output masked', async () => {
		const r = await runNode({
			type: 'kpay',
			parameters: { resource: 'card', operation: 'create', cardNumber: '6219-8612-3456-7898', ownerName: 'Sandbox Merchant', shaba: 'ir16 0120 0000 0000 1234 5678 90' },
			credentials: creds(),
		});
		expect(r.error).toBeUndefined();
		const stored = s.sandbox.state('kpay').cards.find((card) => card.card_number === '6219861234567898');
		expect(stored).toMatchObject({ bank_name: 'Saman Bank', shaba: 'IR160120000000001234567890' });
		expect(r.items[0].card_number).toBe('************7898');
		expect(JSON.stringify(r.items)).not.toContain('6219861234567898');
	});

	test.each([
		['6219861234567899', '', 'Card Number', 'Luhn'],
		['621986123456789', '', 'Card Number', '16 digits'],
		['6219861234567898', 'IR170120000000001234567890', 'Shaba (IBAN)', 'check digits'],
		['6219861234567898', 'IR16012000000000123456789', 'Shaba (IBAN)', 'IR followed by 24 digits'],
		['6219861234567898', 'DE89370400440532013000', 'Shaba (IBAN)', 'IR followed by 24 digits'],
	])('card %s / shaba "%s" fails its check and sends nothing', async (cardNumber, shaba, field, problem) => {
		const r = await runNode({ type: 'kpay', parameters: { resource: 'card', operation: 'create', cardNumber, ownerName: 'X', shaba }, credentials: creds() });
		expect(r.error.message).toContain(`Invalid ${field} [item 0]`);
		expect(r.error.message).toContain(problem);
		expect(r.error.message).not.toContain(cardNumber);
		expect(s.sandbox.count({ provider: 'kpay' })).toBe(0);
	});

	test('list cards: masked by default, in full when asked; Limit applies', async () => {
		const masked = await runNode({ type: 'kpay', parameters: { resource: 'card', operation: 'getMany', returnAll: true }, credentials: creds() });
		expect(masked.items).toHaveLength(1);
		expect(masked.items[0].card_number).toBe('************9993');
		const second = await secondAccount();
		const added = await runNode({ type: 'kpay', parameters: { resource: 'card', operation: 'create', cardNumber: '5022291234567897', ownerName: 'Second' }, credentials: second });
		expect(added.error).toBeUndefined();
		const full = await runNode({ type: 'kpay', parameters: { resource: 'card', operation: 'getMany', returnAll: true, showFullCardNumber: true }, credentials: second });
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
		expect(out[1].json.card_number).toBe('************5674');
		expect(out.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(count(s.sandbox, 'POST', '/cards')).toBe(1);
		expect(s.sandbox.state('kpay').cards).toHaveLength(2);
	});
});

describe('sent once, reconciled after a lost answer (issue 12)', () => {
	test('card add: a lost answer is an unknown outcome, not resent; run again, "already exists" returns the card', async () => {
		s.sandbox.injectFault({ provider: 'kpay', path: '/cards', method: 'POST', kind: 'drop-after' });
		const parameters = { resource: 'card', operation: 'create', cardNumber: '6219861234567898', ownerName: 'Owner' };
		const lost = await runNode({ type: 'kpay', parameters, credentials: creds() });
		expect(lost.error.message).toMatch(/card registration may or may not have been made: it was not sent again/);
		expect(lost.error.message).toContain('ending in 7898');
		expect(lost.error.message).not.toContain('6219861234567898');
		expect(count(s.sandbox, 'POST', '/cards')).toBe(1);
		const stored = s.sandbox.state('kpay').cards.find((card) => card.card_number === '6219861234567898');
		expect(stored).toBeDefined();

		const again = await runNode({ type: 'kpay', parameters, credentials: creds() });
		expect(again.error).toBeUndefined();
		expect(again.items).toEqual([expect.objectContaining({ id: stored.id, card_number: '************7898', alreadyExisted: true })]);
		expect(count(s.sandbox, 'POST', '/cards')).toBe(2);
		expect(count(s.sandbox, 'GET', '/cards')).toBe(1);
		expect(s.sandbox.state('kpay').cards.filter((card) => card.card_number === '6219861234567898')).toHaveLength(1);
	});

	test('card add: a 5xx is not retried (the card may exist)', async () => {
		s.sandbox.injectFault({ provider: 'kpay', path: '/cards', method: 'POST', kind: 'status', status: 502 });
		const r = await runNode({ type: 'kpay', parameters: { resource: 'card', operation: 'create', cardNumber: '6219861234567898', ownerName: 'Owner' }, credentials: creds() });
		expect(r.error.message).toMatch(/may or may not have been made/);
		expect(count(s.sandbox, 'POST', '/cards')).toBe(1);
	});

	test('register: a lost answer is an unknown outcome, not resent; run again, "already registered" logs in with the same password', async () => {
		s.sandbox.injectFault({ provider: 'kpay', path: '/auth/register', kind: 'drop-after' });
		const parameters = { resource: 'auth', operation: 'register', name: 'Lost Answer', mobile: '09350007788', password: 'new-user-pass' };
		const lost = await runNode({ type: 'kpay', parameters, credentials: creds() });
		expect(lost.error.message).toMatch(/registration may or may not have been made: it was not sent again/);
		expect(count(s.sandbox, 'POST', '/auth/register')).toBe(1);
		const again = await runNode({ type: 'kpay', parameters, credentials: creds() });
		expect(again.error).toBeUndefined();
		expect(again.items[0]).toMatchObject({ mobile: '09350007788', token_type: 'bearer', alreadyRegistered: true });
		expect(again.items[0].access_token).toMatch(/^kpat_/);
		expect(JSON.stringify(again.items)).not.toContain('new-user-pass');
		expect(s.sandbox.state('kpay').users.filter((u) => u.mobile === '09350007788')).toHaveLength(1);
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
