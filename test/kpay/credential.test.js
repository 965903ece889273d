'use strict';
// KPAY credential: login token kept by n8n's preAuthentication, renewed once after a 401; shop API key.
const { runWorkflow, testCredential, node, chain, logLines } = require('../harness/n8n');
const { providerKit } = require('../harness/provider');

const kit = providerKit('kpay');
const s = kit.handle;
const { DEMO } = kit;
const apiKeyCredentials = (apiKey = DEMO.shopApiKey) => kit.credentials({ authMode: 'apiKey', apiKey });
const getMe = { resource: 'auth', operation: 'getMe' };

describe('credential test request (GET /auth/me)', () => {
	test('mobile and password: logs in, then /auth/me succeeds', async () => {
		const result = await testCredential('kpayApi', kit.credentials().kpayApi);
		expect(result.ok).toBe(true);
		expect(result.body.mobile).toBe(DEMO.mobile);
		expect(kit.count({ method: 'POST', path: '/auth/login' })).toBe(1);
		// the default login body is the OAuth2 password form
		const login = s.sandbox.requests.find((r) => r.path === '/auth/login');
		expect(login.headers['content-type']).toContain('application/x-www-form-urlencoded');
		expect(login.body).toEqual({ username: DEMO.mobile, password: DEMO.password });
	});

	test('JSON login body when the credential says so', async () => {
		const result = await testCredential('kpayApi', kit.credentials({ loginFormat: 'json' }).kpayApi);
		expect(result.ok).toBe(true);
		const login = s.sandbox.requests.find((r) => r.path === '/auth/login');
		expect(login.headers['content-type']).toContain('application/json');
	});

	test('shop API key: sent as the Bearer token, no login', async () => {
		const result = await testCredential('kpayApi', apiKeyCredentials().kpayApi);
		expect(result.ok).toBe(true);
		expect(kit.count({ method: 'POST', path: '/auth/login' })).toBe(0);
		expect(s.sandbox.requests[0].headers.authorization).toBe(`Bearer ${DEMO.shopApiKey}`);
	});

	test('a wrong API key fails the test', async () => {
		const result = await testCredential('kpayApi', apiKeyCredentials('kpk_wrong').kpayApi);
		expect(result.ok).toBe(false);
		expect(result.status).toBe(401);
	});
});

describe('login token lifecycle', () => {
	test('the first call logs in once and stores the token in the credential', async () => {
		const r = await kit.run(getMe, { credentials: kit.credentials() });
		expect(r.error).toBeUndefined();
		expect(r.items[0].mobile).toBe(DEMO.mobile);
		expect(s.sandbox.state('kpay').logins).toBe(1);
		const helper = r.credentialsHelper;
		expect(helper.updates).toHaveLength(1);
		expect(helper.store.kpayApi.accessToken).toMatch(/^kpat_/);
		expect(s.sandbox.state('kpay').tokens.has(helper.store.kpayApi.accessToken)).toBe(true);
		// the token never reaches the output
		expect(JSON.stringify(r.items)).not.toContain(helper.store.kpayApi.accessToken);
	});

	test('a stored, still valid token is reused: no login', async () => {
		const first = await kit.run(getMe, { credentials: kit.credentials() });
		const stored = first.credentialsHelper.store.kpayApi;
		const again = await kit.run(getMe, { credentials: { kpayApi: stored } });
		expect(again.error).toBeUndefined();
		expect(s.sandbox.state('kpay').logins).toBe(1);
		expect(again.credentialsHelper.updates).toHaveLength(0);
	});

	test('a token that expires mid-workflow is renewed exactly once and the call succeeds', async () => {
		// each token is good for 2 authenticated requests: node 3 meets an expired token
		await kit.control('POST', '/config', { tokenMaxUses: 2 });
		const nodes = [
			node('Start', 'harness.start'),
			node('Me', 'kpay', getMe),
			node('Shops', 'kpay', { resource: 'shop', operation: 'getMany', returnAll: true }),
			node('Create Shop', 'kpay', { resource: 'shop', operation: 'create', name: 'After Renewal' }),
		];
		const run = await runWorkflow({ nodes, connections: chain('Start', 'Me', 'Shops', 'Create Shop'), credentials: kit.credentials() });
		expect(run.error).toBeUndefined();
		expect(run.output('Create Shop')[0].json.name).toBe('After Renewal');
		const state = s.sandbox.state('kpay');
		expect(state.logins).toBe(2); // the first login and one renewal
		expect(run.credentialsHelper.updates).toHaveLength(2);
		expect(run.credentialsHelper.updates[0].data.accessToken).not.toBe(run.credentialsHelper.updates[1].data.accessToken);
		// the refused request was repeated once; the shop exists once
		expect(kit.count({ method: 'POST', path: '/shops' })).toBe(2);
		expect(state.shops.filter((shop) => shop.name === 'After Renewal')).toHaveLength(1);
	});

	test('a token past its lifetime (clock) is renewed once on a money call, which happens once', async () => {
		const first = await kit.run(getMe, { credentials: kit.credentials() });
		const stored = first.credentialsHelper.store.kpayApi;
		await kit.control('POST', '/clock', { advanceMs: 2 * 60 * 60 * 1000 });
		const state = s.sandbox.state('kpay');
		const r = await kit.run({ resource: 'transaction', operation: 'create', shopId: state.shops[0].id, cardId: state.cards[0].id, amount: 150000, callbackUrl: 'https://shop.example.com/cb', feeSide: 'merchant', idempotencyKey: 'TX-RENEW' }, { credentials: { kpayApi: stored } });
		expect(r.error).toBeUndefined();
		expect(r.items[0].authority).toMatch(/^KP/);
		expect(state.logins).toBe(2);
		expect(state.transactions).toHaveLength(1);
	});

	test('several items after the token expired: one renewal serves them all', async () => {
		const first = await kit.run(getMe, { credentials: kit.credentials() });
		const stored = first.credentialsHelper.store.kpayApi;
		await kit.control('POST', '/tokens/expire');
		const r = await kit.run(getMe, { credentials: { kpayApi: stored }, items: [{}, {}, {}] });
		expect(r.error).toBeUndefined();
		expect(r.items).toHaveLength(3);
		expect(s.sandbox.state('kpay').logins).toBe(2);
		expect(kit.count({ method: 'GET', path: '/auth/me' })).toBe(1 + 1 + 3); // first run, the refused one, three good ones
	});

	test('wrong password: one login attempt, a clear authentication error, nothing else sent', async () => {
		const r = await kit.run(getMe, { credentials: kit.credentials({ password: 'wrong-password' }) });
		expect(r.error).toBeDefined();
		expect(r.error.message).toContain('Incorrect mobile or password');
		expect(r.error.httpCode).toBe('401');
		expect(r.error.message).not.toContain('wrong-password');
		expect(s.sandbox.state('kpay').logins).toBe(1);
		expect(kit.count({ method: 'GET', path: '/auth/me' })).toBe(0);
	});

	test('a renewed token that is refused again ends in one clear 401, not a retry loop', async () => {
		await kit.control('POST', '/config', { tokenMaxUses: 0 });
		const r = await kit.run(getMe, { credentials: kit.credentials() });
		expect(r.error.httpCode).toBe('401');
		expect(r.error.message).toContain('Token has expired');
		expect(s.sandbox.state('kpay').logins).toBe(2);
		expect(kit.count({ method: 'GET', path: '/auth/me' })).toBe(2);
	});

	test.each([
		['09123', 'sandbox-pass', 'mobile number'],
		['9121234567x', 'sandbox-pass', 'mobile number'],
		[DEMO.mobile, 'short', 'password'],
	])('bad credential (mobile %s) sends nothing', async (mobile, password, what) => {
		const r = await kit.run(getMe, { credentials: kit.credentials({ mobile, password }) });
		expect(r.error.message).toContain(what);
		expect(s.sandbox.count({ provider: 'kpay' })).toBe(0);
	});
});

describe('shop API key mode', () => {
	test('works without any login; a regenerated key stops the old one with a clear error', async () => {
		const ok = await kit.run(getMe, { credentials: apiKeyCredentials() });
		expect(ok.items[0].mobile).toBe(DEMO.mobile);
		const state = s.sandbox.state('kpay');
		state.shops[0].api_key = 'kpk_rotated';
		const refused = await kit.run(getMe, { credentials: apiKeyCredentials() });
		expect(refused.error.httpCode).toBe('401');
		expect(refused.error.description).toContain('regenerating it invalidates the old one');
		expect(state.logins).toBe(0);
		expect(refused.error.message).not.toContain(DEMO.shopApiKey);
	});
});

test('no secret reaches the n8n log', () => {
	const text = logLines.join('\n');
	expect(text).not.toContain(DEMO.password);
	expect(text).not.toContain(DEMO.shopApiKey);
});
