// The shared request path, called directly with a minimal n8n context: how each kind of call is sent,
// what counts as success, the overall deadline, and what reaches an error.
const path = require('path');
const { PACKAGE_ROOT } = require('../harness/n8n');

const transport = require(path.join(PACKAGE_ROOT, 'dist/nodes/shared/transport.js'));

const api = {
	displayName: 'Prov',
	credentialType: 'provApi',
	baseUrl: () => 'https://prov.example',
	parseError: (status, body) => (body && body.error ? { code: body.error.code, message: body.error.message } : undefined),
	secretFields: ['secret'],
};

/** A context whose HTTP helper answers from a script: each entry a response, an Error to throw, or a function. */
function contextWith(script) {
	const calls = [];
	const context = {
		getNode: () => ({ name: 'Node', type: 'test.node', typeVersion: 1, parameters: {} }),
		getCredentials: async () => ({ secret: 'top-secret-value' }),
		getNodeParameter: (_name, _item, fallback) => fallback,
		helpers: {
			async httpRequestWithAuthentication(_type, options) {
				calls.push(options);
				const next = script[Math.min(calls.length - 1, script.length - 1)];
				if (typeof next === 'function') return await next(options);
				if (next instanceof Error) throw next;
				return { statusCode: next.status ?? 200, headers: {}, body: next.body };
			},
		},
	};
	return { context, calls };
}

const send = (context, request) => transport.apiRequest.call(context, api, { method: 'POST', path: '/x', ...request });

describe('kinds', () => {
	test('a read is retried on a dropped connection and a 503', async () => {
		const { context, calls } = contextWith([new Error('socket hang up'), { status: 503, body: {} }, { body: { ok: true } }]);
		const response = await send(context, { kind: 'read' });
		expect(response.body).toEqual({ ok: true });
		expect(calls).toHaveLength(3);
	});

	test.each(['createOnce', 'moneyMove'])('a %s call is sent once; a dropped connection is an unknown outcome', async (kind) => {
		const { context, calls } = contextWith([new Error('socket hang up'), { body: { id: 1 } }]);
		const error = await send(context, { kind, outcome: 'card creation', reference: 'card "c-1"' }).catch((e) => e);
		expect(calls).toHaveLength(1);
		expect(error.message).toMatch(/The card creation may or may not have been made: it was not sent again\. Look up card "c-1"/);
		expect(transport.isUnknownOutcome(error)).toBe(true);
	});

	test('a refusal (4xx with a provider error) is definite, not unknown', async () => {
		const { context } = contextWith([{ status: 400, body: { error: { code: 12, message: 'no funds' } } }]);
		const error = await send(context, { kind: 'moneyMove' }).catch((e) => e);
		expect(error.message).toBe('Prov: no funds');
		expect(transport.isUnknownOutcome(error)).toBe(false);
	});

	test('a 5xx on a money move is unknown whatever the body says', async () => {
		const { context } = contextWith([{ status: 500, body: { error: { message: 'boom' } } }]);
		const error = await send(context, { kind: 'moneyMove' }).catch((e) => e);
		expect(transport.isUnknownOutcome(error)).toBe(true);
	});
});

describe('success needs evidence', () => {
	test.each([
		['an empty string', ''],
		['an empty object', {}],
		['an empty list', []],
	])('a money move answered 200 with %s is an unknown outcome', async (_name, body) => {
		const { context } = contextWith([{ body }]);
		const error = await send(context, { kind: 'moneyMove' }).catch((e) => e);
		expect(error.message).toMatch(/answered HTTP 200 without evidence of success \(an empty answer\)/);
		expect(transport.isUnknownOutcome(error)).toBe(true);
	});

	test('an answer without the documented id is an unknown outcome; with it, a success', async () => {
		const evidence = (body) => (body && body.id ? undefined : 'payment id');
		const { context } = contextWith([{ body: { status: 'ok' } }, { body: { id: 'p-1', status: 'ok' } }]);
		const error = await send(context, { kind: 'moneyMove', evidence }).catch((e) => e);
		expect(error.message).toMatch(/without evidence of success \(no payment id\)/);
		const ok = await send(context, { kind: 'moneyMove', evidence });
		expect(ok.body.id).toBe('p-1');
	});

	test('a read may answer {}', async () => {
		const { context } = contextWith([{ body: {} }]);
		expect((await send(context, { kind: 'read' })).body).toEqual({});
	});
});

describe('the overall deadline', () => {
	test('an answer that never completes ends within the deadline as an unknown outcome', async () => {
		const { context } = contextWith([() => new Promise(() => {})]);
		const started = Date.now();
		const error = await send(context, { kind: 'moneyMove', timeoutMs: 300 }).catch((e) => e);
		expect(Date.now() - started).toBeLessThan(2000);
		expect(error.message).toMatch(/no complete answer within 0.3 s/);
		expect(transport.isUnknownOutcome(error)).toBe(true);
	});

	test('a read that times out is retried', async () => {
		const { context, calls } = contextWith([() => new Promise(() => {}), { body: { ok: 1 } }]);
		const response = await send(context, { kind: 'read', timeoutMs: 200 });
		expect(response.body).toEqual({ ok: 1 });
		expect(calls).toHaveLength(2);
	});
});

test('secrets from the credential and the request never reach an error', async () => {
	const { context } = contextWith([{ status: 400, body: { error: { message: 'bad secret top-secret-value and pan 4111111111111111, cvv: 123' } } }]);
	const error = await send(context, { kind: 'read', sensitiveValues: ['4111111111111111'] }).catch((e) => e);
	expect(error.message).not.toMatch(/top-secret-value|4111111111111111|123/);
	expect(error.message).toMatch(/\[redacted\]/);
});

describe('ids that would climb or reshape the URL path are refused before sending', () => {
	test.each([
		['/cards/../shops', 'path segment 2 is ".."'],
		['/cards/%2e%2e/x', 'path segment 2 is ".."'],
		['/cards/./x', 'path segment 2 is "."'],
		['/cards//x', 'path segment 2 is empty'],
		['/cards/a%2Fb', 'path segment 2 contains'],
		['/cards/a%3Fadmin=1', 'path segment 2 contains'],
		['/cards/a%5C..', 'path segment 2 contains'],
		['https://prov.example/api/../x', 'path segment 2 is ".."'],
	])('%s', async (requestPath, problem) => {
		const { context, calls } = contextWith([{ body: { ok: true } }]);
		const error = await send(context, { kind: 'read', path: requestPath }).catch((e) => e);
		expect(error.message).toContain(`Refused to send: ${problem}`);
		expect(calls).toHaveLength(0);
	});

	test.each(['/cards/abc-123', '/cards/abc/', '/', 'https://prov.example/api/v2/x', '/a%20b'])('%s is sent', async (requestPath) => {
		const { context, calls } = contextWith([{ body: { ok: true } }]);
		await send(context, { kind: 'read', path: requestPath });
		expect(calls).toHaveLength(1);
	});
});
