'use strict';
// A merchant whose onboarding documents name other algorithms: the sandbox speaks AES-128-ECB with a
// PKCS#1 v1.5 key wrap, SHA1withRSA and Base64 everywhere; the credential is set to match, and the
// node works without code changes. A credential left on the defaults is refused by KazePay.
const { runNode, testCredential } = require('../harness/n8n');
const { providerKit } = require('../harness/provider');
const { seedCard } = require('./fixtures');

const ALGORITHMS = { cipher: 'aes-128-ecb', keyPadding: 'pkcs1', signHash: 'sha1', signEncoding: 'base64', keyEncEncoding: 'base64', encryptEncoding: 'base64' };
const kit = providerKit('kazepay', { providerOptions: { kazepay: { algorithms: ALGORITHMS } } });
const { handle } = kit;

test('the demo credential carries the sandbox algorithms, and requests and answers use them', async () => {
	const credentials = handle.sandbox.credentials().kazepay;
	expect(credentials).toMatchObject(ALGORITHMS);
	const card = seedCard(handle.sandbox, { balance: 4200 });
	const result = await runNode({ type: 'kazePay', parameters: { resource: 'card', operation: 'getBalance', cardId: card.cardID, currency: 'USD' }, credentials: { kazePayApi: credentials } });
	expect(result.items).toEqual([{ cardID: card.cardID, available: { amount: '42', currency: 'USD', minor: 4200 }, blocked: { amount: '0', currency: 'USD', minor: 0 }, response: { cardID: card.cardID, currency: 'USD', avaBalance: 42, blockBalance: 0 } }]);
	const [request] = handle.sandbox.requests.filter((r) => r.provider === 'kazepay');
	// Base64 sign and keyEnc (not hex), 2048-bit RSA
	expect(Buffer.from(request.body.head.sign, 'base64')).toHaveLength(256);
	expect(request.body.head.keyEnc).toMatch(/[+/=]|[A-Z]/);
	expect(Buffer.from(request.body.head.keyEnc, 'base64')).toHaveLength(256);
	expect((await testCredential('kazePayApi', credentials)).ok).toBe(true);
});

test('a credential on the default algorithms is refused by this merchant account, nothing moves', async () => {
	const credentials = { ...handle.sandbox.credentials().kazepay, cipher: 'aes-256-gcm', keyPadding: 'oaep-sha256', signHash: 'sha256', signEncoding: 'hex', keyEncEncoding: 'hex' };
	const card = seedCard(handle.sandbox);
	const result = await runNode({ type: 'kazePay', parameters: { resource: 'card', operation: 'recharge', cardId: card.cardID, currency: 'USD', amount: '1.00', idempotencyKey: 'variant-topup-1' }, credentials: { kazePayApi: credentials } });
	expect(result.error.message).toMatch(/code SIGN_ERROR/);
	expect(result.error.description).toMatch(/algorithm settings/);
	expect(card.balance).toBe(0);
	expect((await testCredential('kazePayApi', credentials)).ok).toBe(false);
});
