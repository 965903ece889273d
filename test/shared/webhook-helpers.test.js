// The shared webhook helpers, called with minimal request/response objects.
const path = require('path');
const { PACKAGE_ROOT } = require('../harness/n8n');

const webhook = require(path.join(PACKAGE_ROOT, 'dist/nodes/shared/webhook.js'));
const redact = require(path.join(PACKAGE_ROOT, 'dist/nodes/shared/redact.js'));

function contextFor({ peer = '203.0.113.9', headers = {}, rawBody = Buffer.alloc(0) } = {}) {
	const answer = { status: undefined, body: undefined, headers: {} };
	const response = {
		status(code) {
			answer.status = code;
			return response;
		},
		json(body) {
			answer.body = body;
			return response;
		},
		set(name, value) {
			answer.headers[name] = value;
			return response;
		},
	};
	return {
		answer,
		context: {
			getRequestObject: () => ({ socket: { remoteAddress: peer }, headers, rawBody }),
			getResponseObject: () => response,
			getBodyData: () => ({}),
		},
	};
}

describe('senderIp reads X-Forwarded-For from the right', () => {
	test.each([
		['no trusted proxy: the peer, header ignored', { peer: '10.0.0.1', headers: { 'x-forwarded-for': '34.251.52.23' } }, 0, '10.0.0.1'],
		['one proxy: the entry it appended', { peer: '10.0.0.1', headers: { 'x-forwarded-for': '1.1.1.1, 34.251.52.23' } }, 1, '34.251.52.23'],
		['one proxy, a client-written entry on the left is ignored', { peer: '10.0.0.1', headers: { 'x-forwarded-for': '34.251.52.23, 6.6.6.6' } }, 1, '6.6.6.6'],
		['two proxies', { peer: '10.0.0.1', headers: { 'x-forwarded-for': '6.6.6.6, 34.251.52.23, 10.0.0.2' } }, 2, '34.251.52.23'],
		['more proxies than entries: the leftmost', { peer: '10.0.0.1', headers: { 'x-forwarded-for': '34.251.52.23' } }, 5, '34.251.52.23'],
		['IPv4-mapped peer', { peer: '::ffff:127.0.0.1' }, 0, '127.0.0.1'],
		['repeated headers are joined in order', { peer: '10.0.0.1', headers: { 'x-forwarded-for': ['6.6.6.6', '34.251.52.23'] } }, 1, '34.251.52.23'],
	])('%s', (_name, request, proxies, expected) => {
		expect(webhook.senderIp(contextFor(request).context, proxies)).toBe(expected);
	});
});

test('a retryable rejection carries Retry-After; a plain one does not', () => {
	const busy = contextFor();
	webhook.reject(busy.context, 503, 'lookup budget spent', 30);
	expect(busy.answer).toEqual({ status: 503, body: { error: 'lookup budget spent' }, headers: { 'Retry-After': '30' } });
	const forged = contextFor();
	webhook.reject(forged.context, 401, 'invalid signature');
	expect(forged.answer.headers).toEqual({});
});

test('refuseLargeBody answers 413 over the cap, nothing under it', () => {
	const big = contextFor({ rawBody: Buffer.alloc(webhook.MAX_NOTIFICATION_BYTES + 1) });
	expect(webhook.refuseLargeBody(big.context)).toEqual({ noWebhookResponse: true });
	expect(big.answer.status).toBe(413);
	const small = contextFor({ rawBody: Buffer.from('{"a":1}') });
	expect(webhook.refuseLargeBody(small.context)).toBeUndefined();
	expect(small.answer.status).toBeUndefined();
});

test('the lookup budget allows its calls, then none', () => {
	const budget = new webhook.LookupBudget(3);
	expect([budget.take(), budget.take(), budget.take(), budget.take()]).toEqual([true, true, true, false]);
	expect(budget.spent).toBe(3);
});

test('safeEqual compares exactly', () => {
	expect(webhook.safeEqual('abc', 'abc')).toBe(true);
	expect(webhook.safeEqual('abc', 'abd')).toBe(false);
	expect(webhook.safeEqual('abc', 'abcd')).toBe(false);
});

describe('redaction', () => {
	test('by field name, at any depth and in any case, whatever the length', () => {
		const echoed = { card: { CVV: '123', Pin: '0000', card_number: '4111 1111 1111 1111', holder: 'A B' }, list: [{ apiSecret: 'x' }], password: '', note: 'ok' };
		expect(redact.redactFields(echoed)).toEqual({
			card: { CVV: '[redacted]', Pin: '[redacted]', card_number: '************1111', holder: 'A B' },
			list: [{ apiSecret: '[redacted]' }],
			password: '',
			note: 'ok',
		});
	});

	test('named secrets in a text, short ones too', () => {
		expect(redact.redactText('declined: {"cvv":"123","pin": 4321, "amount": 5}', [])).toBe('declined: {"cvv":[redacted],"pin": [redacted], "amount": 5}');
		expect(redact.redactText('cvc2=987&name=x', [])).toBe('cvc2=[redacted]&name=x');
	});

	test('card numbers in a text keep their last four; references are left alone', () => {
		expect(redact.redactText('card 4111-1111-1111-1111 ref TX-41111111111111111', [])).toBe('card ************1111 ref TX-41111111111111111');
	});

	test('isSensitiveField', () => {
		expect(['cvv', 'CVC2', 'security_code', 'pan', 'cardNumber', 'api-secret'].every(redact.isSensitiveField)).toBe(true);
		expect(['amount', 'cardId', 'last4'].some(redact.isSensitiveField)).toBe(false);
	});
});
