'use strict';
// Kasha's x-signature (docs.kasha.io "Signatures"): Base64(HMAC-SHA256(signature secret key, body)).
// Node's crypto (the package) is checked against crypto-js, an independent implementation, and against
// RFC 4231's published HMAC-SHA256 vector; then requests are checked byte for byte as they leave n8n.
const http = require('http');
const CryptoJS = require('crypto-js');
const { kashaSignature, signedTexts, authenticateKashaRequest, KASHA_SIGNATURE_HEADER } = require('../../dist/nodes/Kasha/signature');
const { hasValidSignature } = require('../../dist/nodes/Kasha/trigger');
const { runNode, testCredential } = require('../harness/n8n');
const { providerKit } = require('../harness/provider');
const { paymentSession, kashaSandbox } = require('./fixtures');

const kit = providerKit('kasha');
const s = kit.handle;
const KEY = kashaSandbox.DEMO.signatureKey;

/** The oracle: crypto-js HMAC-SHA256 (strings as UTF-8), Base64. */
const oracle = (key, body) => CryptoJS.HmacSHA256(body, key).toString(CryptoJS.enc.Base64);

const NOTIFICATION = '{"internalId":"099cdc76-45d1-49e1-8985-e1c82dcfadb3","status":"COMPLETED","paymentAmount":130.5,"currency":"BRL"}';

describe('Kasha signature: test vectors', () => {
	test('RFC 4231 test case 2 (HMAC-SHA256 "Jefe"), in Base64', () => {
		// RFC 4231 §4.3: 5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843
		const expected = Buffer.from('5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843', 'hex').toString('base64');
		expect(kashaSignature('Jefe', 'what do ya want for nothing?')).toBe(expected);
		expect(oracle('Jefe', 'what do ya want for nothing?')).toBe(expected);
	});

	test('pinned vectors: a notification body and the empty body (requests without a body)', () => {
		expect(kashaSignature(KEY, NOTIFICATION)).toBe('fLaJBLuwrpwBIdwO2IlVjQrz3DnNc8najms99OUKN7o=');
		expect(oracle(KEY, NOTIFICATION)).toBe('fLaJBLuwrpwBIdwO2IlVjQrz3DnNc8najms99OUKN7o=');
		expect(kashaSignature(KEY, '')).toBe('pwD9Nm/Wj0idLOzbLmNfHR2mN5u2YtlKbQuB3/bd7Ms=');
		expect(oracle(KEY, '')).toBe('pwD9Nm/Wj0idLOzbLmNfHR2mN5u2YtlKbQuB3/bd7Ms=');
	});

	test.each([
		['ASCII key and JSON body', 'secret', '{"a":1}'],
		['non-ASCII body (UTF-8 bytes)', KEY, '{"customer":{"name":"João Ünïçødé ✓"}}'],
		['non-ASCII key', 'clé-secrète-✓', NOTIFICATION],
		['long key (longer than the SHA-256 block)', 'k'.repeat(200), NOTIFICATION],
		['form-encoded body', KEY, 'internalId=abc&status=COMPLETED'],
		['2 kB body', KEY, JSON.stringify({ padding: 'x'.repeat(2048) })],
	])('Node crypto = crypto-js: %s', (_name, key, body) => {
		expect(kashaSignature(key, body)).toBe(oracle(key, body));
		expect(kashaSignature(key, Buffer.from(body, 'utf8'))).toBe(oracle(key, body));
	});
});

describe('Kasha signature: notification check', () => {
	const raw = Buffer.from(NOTIFICATION);

	test('the raw body and Kasha\'s re-serialised JSON are the texts a signature may cover', () => {
		expect(signedTexts(raw)).toEqual([raw]); // already compact: nothing else
		const pretty = Buffer.from(JSON.stringify(JSON.parse(NOTIFICATION), null, 2));
		expect(signedTexts(pretty).map(String)).toEqual([String(pretty), NOTIFICATION]);
		expect(signedTexts(Buffer.from('internalId=a&status=b')).map(String)).toEqual(['internalId=a&status=b']);
		expect(signedTexts(Buffer.from('{not json')).map(String)).toEqual(['{not json']);
	});

	test('valid, tampered, other key, missing', () => {
		const good = oracle(KEY, NOTIFICATION);
		expect(hasValidSignature(good, raw, KEY)).toBe(true);
		expect(hasValidSignature(good, Buffer.from(NOTIFICATION.replace('130.5', '1305')), KEY)).toBe(false);
		expect(hasValidSignature(good, raw, `${KEY}x`)).toBe(false);
		expect(hasValidSignature(oracle('other', NOTIFICATION), raw, KEY)).toBe(false);
		expect(hasValidSignature(undefined, raw, KEY)).toBe(false);
		expect(hasValidSignature('', raw, KEY)).toBe(false);
		expect(hasValidSignature(good.toLowerCase(), raw, KEY)).toBe(false);
		// a signature over the compact JSON also covers the same JSON pretty-printed (Kasha's example)
		expect(hasValidSignature(good, Buffer.from(JSON.stringify(JSON.parse(NOTIFICATION), null, 2)), KEY)).toBe(true);
	});
});

describe('Kasha signature: requests', () => {
	const base = { environment: 'custom', baseUrl: 'http://127.0.0.1:1', apiKey: 'k', headerName: 'x-api-key', valuePrefix: '' };

	test('the body is serialised once and the signature covers exactly that string', () => {
		const body = { country: 'GB', amount: 1.5, customer: { name: 'Zoë' } };
		const options = authenticateKashaRequest({ ...base, signatureSecretKey: KEY }, { method: 'POST', url: '/v2/payment-options', body, headers: {} });
		expect(typeof options.body).toBe('string');
		expect(JSON.parse(options.body)).toEqual(body);
		expect(options.headers[KASHA_SIGNATURE_HEADER]).toBe(oracle(KEY, options.body));
		expect(options.headers['x-api-key']).toBe('k');
		expect(options.headers['Content-Type']).toBe('application/json');
	});

	test('GET is signed over the empty body; without a key nothing is signed or re-serialised', () => {
		const get = authenticateKashaRequest({ ...base, signatureSecretKey: KEY }, { method: 'GET', url: '/v2/payments/x' });
		expect(get.headers[KASHA_SIGNATURE_HEADER]).toBe(oracle(KEY, ''));
		expect(get.body).toBeUndefined();
		const body = { a: 1 };
		const unsigned = authenticateKashaRequest({ ...base, signatureSecretKey: '' }, { method: 'POST', url: '/x', body, headers: {} });
		expect(unsigned.body).toBe(body);
		expect(unsigned.headers[KASHA_SIGNATURE_HEADER]).toBeUndefined();
		expect(authenticateKashaRequest({ ...base, signatureSecretKey: '  ' }, { method: 'POST', url: '/x', body }).headers[KASHA_SIGNATURE_HEADER]).toBeUndefined();
	});

	test('through n8n, the x-signature matches the exact bytes that arrive (checked with crypto-js)', async () => {
		const seen = [];
		const server = http.createServer((req, res) => {
			const chunks = [];
			req.on('data', (chunk) => chunks.push(chunk));
			req.on('end', () => {
				seen.push({ headers: req.headers, raw: Buffer.concat(chunks) });
				res.writeHead(200, { 'content-type': 'application/json' });
				res.end(JSON.stringify({ transactionId: 't-1', sessionId: 's-1', paymentOptions: [] }));
			});
		});
		await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
		try {
			const r = await runNode({
				type: 'kasha',
				credentials: { kashaApi: { environment: 'custom', baseUrl: `http://127.0.0.1:${server.address().port}`, apiKey: 'api-key-1', signatureSecretKey: KEY } },
				parameters: paymentSession({ customerName: 'João Ünïçødé', additionalFields: { merchantReference: 'réf-✓' } }),
			});
			expect(r.error).toBeUndefined();
			expect(seen).toHaveLength(1);
			const [{ headers, raw }] = seen;
			expect(headers['x-signature']).toBe(oracle(KEY, CryptoJS.enc.Latin1.parse(raw.toString('latin1'))));
			expect(JSON.parse(raw.toString('utf8'))).toMatchObject({ customer: { name: 'João Ünïçødé' }, merchantReference: 'réf-✓' });
			expect(headers['content-type']).toMatch(/^application\/json/);
		} finally {
			await new Promise((resolve) => server.close(resolve));
		}
	});

	test('the sandbox, refusing unsigned requests, accepts every call of a flow signed by the node', async () => {
		s.sandbox.state('kasha').requireSignedRequests = true;
		const r = await kit.run(paymentSession({ operation: 'getHostedCashierLink' }));
		expect(r.error).toBeUndefined();
		const status = await kit.run({ resource: 'payment', operation: 'getStatus', transactionId: r.items[0].transactionId });
		expect(status.error).toBeUndefined();
		const requests = s.sandbox.requests.filter((entry) => entry.provider === 'kasha');
		expect(requests.map((entry) => entry.path)).toEqual(['/v2/payment-session', `/v2/payments/${r.items[0].transactionId}`]);
		expect(requests.every((entry) => typeof entry.headers['x-signature'] === 'string')).toBe(true);
	});

	test('a wrong key, or none where Kasha requires one, is refused, and the key never shows in the error', async () => {
		s.sandbox.state('kasha').requireSignedRequests = true;
		const wrong = await runNode({ type: 'kasha', credentials: kit.credentials({ signatureSecretKey: 'secret-wrong-key' }), parameters: paymentSession() });
		expect(wrong.error).toBeDefined();
		expect(wrong.error.message).toContain('request signature was not accepted');
		expect(JSON.stringify(wrong.error)).not.toContain('secret-wrong-key');
		expect(s.sandbox.state('kasha').sessions.size).toBe(0);
		const none = await runNode({ type: 'kasha', credentials: kit.credentials({ signatureSecretKey: '' }), parameters: paymentSession() });
		expect(none.error).toBeDefined();
		const sent = s.sandbox.requests.filter((entry) => entry.provider === 'kasha');
		expect(sent[1].headers['x-signature']).toBeUndefined();
		expect(s.sandbox.state('kasha').sessions.size).toBe(0);
	});

	test('the credential test is signed too', async () => {
		s.sandbox.state('kasha').requireSignedRequests = true;
		// a lookup of a transaction that cannot exist: 404 once the key and the signature (of the empty body) are accepted
		expect(await testCredential('kashaApi', s.sandbox.credentials().kasha)).toMatchObject({ status: 404 });
		expect(await testCredential('kashaApi', { ...s.sandbox.credentials().kasha, signatureSecretKey: 'secret-wrong-key' })).toMatchObject({ ok: false, status: 401 });
	});
});
