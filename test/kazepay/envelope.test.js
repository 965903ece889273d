'use strict';
// The KazePay envelope (nodes/KazePay/envelope.ts, built to dist/): fixed keys, session key and IV in,
// exact envelope out; every algorithm variant round-trips; one changed byte in encrypt, keyEnc or sign
// is rejected; the node's implementation and the sandbox's independent one understand each other.
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');

const envelope = require('../../dist/nodes/KazePay/envelope');
const sandboxKazePay = require('../../sandbox/providers/kazepay');

const fixture = (name) => fs.readFileSync(path.join(__dirname, 'fixtures', name), 'utf8');
const merchantPrivatePem = fixture('merchant-private.pem');
const merchantPublicPem = fixture('merchant-public.pem');
const platformPrivatePem = fixture('platform-private.pem');
const platformPublicPem = fixture('platform-public.pem');
const merchantPrivate = envelope.parsePrivateKey(merchantPrivatePem);
const platformPublic = envelope.parsePublicKey(platformPublicPem);
const platformPrivate = crypto.createPrivateKey(platformPrivatePem);
const merchantPublic = crypto.createPublicKey(merchantPublicPem);

const PLAINTEXT = '{"cardID":"19181","currency":"USD","amount":5000.00}';
const KEY32 = Buffer.from('000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f', 'hex');
const IV12 = Buffer.from('a0a1a2a3a4a5a6a7a8a9aaab', 'hex');
const IV16 = Buffer.from('a0a1a2a3a4a5a6a7a8a9aaabacadaeaf', 'hex');
const D = envelope.DEFAULT_ALGORITHMS;

// Pinned outputs for the fixture keys (RSA PKCS#1 v1.5 signatures are deterministic; keyEnc is not).
const VECTOR_DEFAULT = {
	encrypt: 'oKGio6SlpqeoqaqrnTofTDevS/tAX6XiPkv471KAe3PnxTAJ8m1fpEWJIFKWVGvdzk88SDHoJvI8SrPJaSt2NYcCd5BmqQH5iWHVcy7LTt4=',
	sign: '2a3b4e26f4d8be171f5a9834e06af352bb71b398f8f7e7e351da09d539bff5f7597896abbb30e01b2fd87d425838d53746fd8a5f92d01531b50b7837acbe7696d8c3ad7c0c1c61baacf17115e6c37ebecfcab087e64d7b97a7c0ba747cb0f2de377fd881c5b7864b2f40c152c56f495b8a9e133cf0f25669c0612d32ad4f5fcea8032fe45cbc9c4728436749e2aa10bf180dfd0d86519ccb8efe7fa1bc3834dcbce6e6e69da3090ad6339bc82c8f7b1071e05d02ce9ab34c935b2ed809664d2af08befc6404975c013447a528b405763a94e38158cf6bc8e9fa8edfca59fa4041cc8eec3c6ad0b019b15ec93d92380e4497f361cc5b065fc5f907f76b9a9f946',
};
const ECB_SHA1_B64 = { ...D, cipher: 'aes-128-ecb', keyPadding: 'pkcs1', signHash: 'sha1', signEncoding: 'base64', keyEncEncoding: 'base64', encryptEncoding: 'base64' };
const VECTOR_ECB = {
	encrypt: 'I7oK546QaeSv5evbDXRXq12LcLneaLzuVclkrz/W/5rSBiCo2SL7Tl5ML7lTs0Frf1yRX0pckYKLBM/ctpGHNQ==',
	sign: 'Kr5KYonWfmUaZumC4cduhU0OrZQ8PnBHG/YYuTpDIzgHfD65rYCKXlNbb/mC3gfPZbpzIGKklkaMKIHRr2ePL1SzUPsRxCv27mo9imPvhMxS1h3wxT69+kzPAbSk6EI0+rkrD0CcinZJAb+W+1qM/HNeJL+xM/omrZa2bH6C1zkNbXHFcdWzxrZXhZKhlkOhD3c6hG/zsEoWIFUyFLjJrvzHSCiZSs+RTkmlz5DYj+gNEA6DfzlJ+YRMy6WFOVxZLnv9paW93oysAPY3ZwQuDN0C051BbdiNKk4nh1+GWfhDdPU+Dhoma04iexoPlMb08bh3bvzoHX9xCx8mPxyiGQ==',
};

/** PKCS#1 v1.5 decryption for the test's own check (Node 20 refuses it in privateDecrypt). */
function pkcs1Decrypt(key, data) {
	const block = crypto.privateDecrypt({ key, padding: crypto.constants.RSA_NO_PADDING }, data);
	return block.subarray(block.indexOf(0, 2) + 1);
}

function unwrapSessionKey(keyEnc, algorithms) {
	const data = Buffer.from(keyEnc, algorithms.keyEncEncoding);
	if (algorithms.keyPadding === 'pkcs1') return pkcs1Decrypt(platformPrivate, data);
	return crypto.privateDecrypt({ key: platformPrivate, padding: crypto.constants.RSA_PKCS1_OAEP_PADDING, oaepHash: algorithms.keyPadding === 'oaep-sha1' ? 'sha1' : 'sha256' }, data);
}

describe('test vectors', () => {
	test('default algorithms: exact head and body for fixed keys, session key, IV and requestNo', () => {
		const result = envelope.buildRequestEnvelope({
			apiCode: 'cardRecharge',
			sysId: '202402271432298822660001',
			plaintext: PLAINTEXT,
			algorithms: D,
			merchantPrivateKey: merchantPrivate,
			platformPublicKey: platformPublic,
			requestNo: '2024062810200868740754',
			sessionKey: KEY32,
			iv: IV12,
		});
		expect(Object.keys(result)).toEqual(['head', 'body']);
		expect(Object.keys(result.head)).toEqual(['apiCode', 'sysId', 'requestNo', 'version', 'sign', 'keyEnc']);
		expect(result.head).toMatchObject({ apiCode: 'cardRecharge', sysId: '202402271432298822660001', requestNo: '2024062810200868740754', version: '1.0' });
		expect(result.body).toEqual({ encrypt: VECTOR_DEFAULT.encrypt });
		expect(result.head.sign).toBe(VECTOR_DEFAULT.sign);
		expect(result.head.keyEnc).toMatch(/^[0-9a-f]{512}$/); // 2048-bit RSA, hex
		expect(unwrapSessionKey(result.head.keyEnc, D)).toEqual(KEY32);

		// the pinned values are what the documented algorithm gives, computed here with plain crypto
		const cipher = crypto.createCipheriv('aes-256-gcm', KEY32, IV12);
		const body = Buffer.concat([cipher.update(PLAINTEXT, 'utf8'), cipher.final()]);
		expect(Buffer.concat([IV12, body, cipher.getAuthTag()]).toString('base64')).toBe(VECTOR_DEFAULT.encrypt);
		expect(crypto.createSign('sha256').update(PLAINTEXT).sign(merchantPrivatePem, 'hex')).toBe(VECTOR_DEFAULT.sign);
	});

	test('AES-128-ECB, PKCS#1 v1.5 key wrap, SHA1withRSA, Base64 everywhere: exact encrypt and sign', () => {
		const sealed = envelope.seal({ algorithms: ECB_SHA1_B64, signingKey: merchantPrivate, recipientKey: platformPublic, plaintext: PLAINTEXT, sessionKey: KEY32.subarray(0, 16) });
		expect(sealed.encrypt).toBe(VECTOR_ECB.encrypt);
		expect(sealed.sign).toBe(VECTOR_ECB.sign);
		expect(unwrapSessionKey(sealed.keyEnc, ECB_SHA1_B64)).toEqual(KEY32.subarray(0, 16));
		const cipher = crypto.createCipheriv('aes-128-ecb', KEY32.subarray(0, 16), null);
		expect(Buffer.concat([cipher.update(PLAINTEXT), cipher.final()]).toString('base64')).toBe(VECTOR_ECB.encrypt);
	});

	test.each(['aes-256-cbc', 'aes-128-cbc'])('%s: IV before the PKCS#7 ciphertext, hex encodings', (cipherName) => {
		const algorithms = { ...D, cipher: cipherName, encryptEncoding: 'hex', keyPadding: 'oaep-sha1' };
		const key = KEY32.subarray(0, cipherName.includes('128') ? 16 : 32);
		const sealed = envelope.seal({ algorithms, signingKey: merchantPrivate, recipientKey: platformPublic, plaintext: PLAINTEXT, sessionKey: key, iv: IV16 });
		const cipher = crypto.createCipheriv(cipherName, key, IV16);
		expect(sealed.encrypt).toBe(Buffer.concat([IV16, cipher.update(PLAINTEXT), cipher.final()]).toString('hex'));
		expect(sealed.sign).toBe(VECTOR_DEFAULT.sign);
		expect(unwrapSessionKey(sealed.keyEnc, algorithms)).toEqual(key);
	});

	test('a fresh session key and IV per message: the same plaintext never gives the same encrypt', () => {
		const a = envelope.seal({ algorithms: D, signingKey: merchantPrivate, recipientKey: platformPublic, plaintext: PLAINTEXT });
		const b = envelope.seal({ algorithms: D, signingKey: merchantPrivate, recipientKey: platformPublic, plaintext: PLAINTEXT });
		expect(a.encrypt).not.toBe(b.encrypt);
		expect(a.keyEnc).not.toBe(b.keyEnc);
		expect(unwrapSessionKey(a.keyEnc, D)).not.toEqual(unwrapSessionKey(b.keyEnc, D));
		expect(a.sign).toBe(b.sign);
	});

	test('refuses a session key or IV of the wrong length', () => {
		expect(() => envelope.seal({ algorithms: D, signingKey: merchantPrivate, recipientKey: platformPublic, plaintext: '{}', sessionKey: Buffer.alloc(16) })).toThrow(/32 bytes/);
		expect(() => envelope.seal({ algorithms: D, signingKey: merchantPrivate, recipientKey: platformPublic, plaintext: '{}', sessionKey: KEY32, iv: IV16 })).toThrow(/12 bytes/);
	});
});

const ALL_VARIANTS = [];
for (const cipher of envelope.SYMMETRIC_CIPHERS) {
	for (const keyPadding of envelope.KEY_PADDINGS) {
		for (const signHash of envelope.SIGN_HASHES) {
			ALL_VARIANTS.push({ cipher, keyPadding, signHash, signEncoding: 'hex', keyEncEncoding: 'hex', encryptEncoding: 'base64' });
		}
	}
}
ALL_VARIANTS.push({ ...D, signEncoding: 'base64', keyEncEncoding: 'base64', encryptEncoding: 'hex' });

/** A platform-sealed message for the merchant, as a response or webhook. */
function platformSealed(algorithms, plaintext = '{"cardID":"3377","status":"ACTIVE"}') {
	return envelope.seal({ algorithms, signingKey: platformPrivate, recipientKey: merchantPublic, plaintext });
}

function openAsMerchant(algorithms, parts) {
	return envelope.open({ algorithms, decryptionKey: merchantPrivate, verifyKey: crypto.createPublicKey(platformPublicPem), ...parts });
}

/** Changes one byte of an encoded value (decoded, flipped, encoded again). */
function flipByte(text, encoding, at) {
	const data = Buffer.from(text, encoding);
	const index = at === undefined ? Math.floor(data.length / 2) : at;
	data[index] ^= 0x01;
	return data.toString(encoding);
}

describe('every algorithm variant', () => {
	test.each(ALL_VARIANTS.map((v) => [`${v.cipher} ${v.keyPadding} ${v.signHash} ${v.encryptEncoding}`, v]))('%s: round trip', (_name, algorithms) => {
		const parts = platformSealed(algorithms);
		expect(openAsMerchant(algorithms, parts)).toBe('{"cardID":"3377","status":"ACTIVE"}');
	});

	test.each(ALL_VARIANTS.map((v) => [`${v.cipher} ${v.keyPadding} ${v.signHash}`, v]))('%s: one changed byte in encrypt, keyEnc or sign is rejected', (_name, algorithms) => {
		const parts = platformSealed(algorithms);
		for (const [field, encoding] of [['encrypt', algorithms.encryptEncoding], ['keyEnc', algorithms.keyEncEncoding], ['sign', algorithms.signEncoding]]) {
			// middle byte and last byte (the GCM tag / last cipher block / signature tail)
			for (const at of [undefined, Buffer.from(parts[field], encoding).length - 1]) {
				const tampered = { ...parts, [field]: flipByte(parts[field], encoding, at) };
				let error;
				try {
					openAsMerchant(algorithms, tampered);
				} catch (caught) {
					error = caught;
				}
				expect(error).toBeInstanceOf(envelope.EnvelopeError);
			}
		}
	});
});

describe('opening', () => {
	test('a message signed by another key is a signature error, never data', () => {
		const other = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
		const parts = envelope.seal({ algorithms: D, signingKey: other.privateKey, recipientKey: merchantPublic, plaintext: '{"status":"PASSED"}' });
		expect(() => openAsMerchant(D, parts)).toThrow(expect.objectContaining({ reason: 'signature' }));
	});

	test('parts swapped between two messages are rejected', () => {
		const a = platformSealed(D, '{"amount":1}');
		const b = platformSealed(D, '{"amount":1000}');
		expect(() => openAsMerchant(D, { ...b, sign: a.sign })).toThrow(expect.objectContaining({ reason: 'signature' }));
		expect(() => openAsMerchant(D, { ...a, keyEnc: b.keyEnc })).toThrow(envelope.EnvelopeError);
	});

	test('missing or non-encoded parts are malformed', () => {
		const parts = platformSealed(D);
		expect(() => openAsMerchant(D, { ...parts, sign: undefined })).toThrow(expect.objectContaining({ reason: 'malformed' }));
		expect(() => openAsMerchant(D, { ...parts, keyEnc: 'zz-not-hex' })).toThrow(expect.objectContaining({ reason: 'malformed' }));
		expect(() => openAsMerchant(D, { ...parts, encrypt: '***' })).toThrow(expect.objectContaining({ reason: 'malformed' }));
	});

	test('openPlatformEnvelope returns head and parsed data of a valid envelope only', () => {
		const parts = platformSealed(D, '[{"transactionId":"t1"}]');
		const message = { head: { apiCode: 'queryTransactions', code: 'SUCCESS', sign: parts.sign, keyEnc: parts.keyEnc }, body: { encrypt: parts.encrypt } };
		const keys = { algorithms: D, merchantPrivateKey: merchantPrivate, platformPublicKey: platformPublic };
		expect(envelope.openPlatformEnvelope(message, keys).data).toEqual([{ transactionId: 't1' }]);
		expect(() => envelope.openPlatformEnvelope({ head: message.head }, keys)).toThrow(/no body/);
		expect(() => envelope.openPlatformEnvelope({ ...message, head: { ...message.head, sign: undefined } }, keys)).toThrow(/sign is missing/);
	});
});

describe('interoperability with the sandbox implementation', () => {
	test.each(ALL_VARIANTS.map((v) => [`${v.cipher} ${v.keyPadding} ${v.signHash} ${v.encryptEncoding}`, v]))('%s: both directions', (_name, algorithms) => {
		// node → platform (request)
		const request = envelope.seal({ algorithms, signingKey: merchantPrivate, recipientKey: platformPublic, plaintext: PLAINTEXT });
		expect(sandboxKazePay.open(algorithms, platformPrivate, merchantPublic, request)).toBe(PLAINTEXT);
		// platform → node (response)
		const response = sandboxKazePay.seal(algorithms, platformPrivate, merchantPublic, '{"encrypt":"SUCCESS"}');
		expect(openAsMerchant(algorithms, response)).toBe('{"encrypt":"SUCCESS"}');
	});
});

describe('keys, request numbers and JSON', () => {
	test('keys are accepted as PEM, PEM with escaped newlines, and bare Base64 DER', () => {
		const bare = merchantPrivatePem.replace(/-----[A-Z ]+-----/g, '').replace(/\s+/g, '');
		const escaped = merchantPrivatePem.replace(/\n/g, '\\n');
		for (const text of [merchantPrivatePem, escaped, bare]) {
			const key = envelope.parsePrivateKey(text);
			expect(crypto.createSign('sha256').update('x').sign(key, 'hex')).toBe(crypto.createSign('sha256').update('x').sign(merchantPrivatePem, 'hex'));
		}
		const barePublic = platformPublicPem.replace(/-----[A-Z ]+-----/g, '').replace(/\s+/g, '');
		expect(envelope.parsePublicKey(barePublic).export({ type: 'spki', format: 'pem' })).toBe(platformPublicPem);
		expect(() => envelope.parsePrivateKey('not a key')).toThrow(expect.objectContaining({ reason: 'key' }));
		expect(() => envelope.parsePublicKey('')).toThrow(/empty/);
	});

	test('a key text is parsed once (same KeyObject again); other texts and refused keys are not mixed up', () => {
		const first = envelope.parsePrivateKey(merchantPrivatePem);
		expect(envelope.parsePrivateKey(merchantPrivatePem)).toBe(first);
		const other = envelope.parsePrivateKey(platformPrivatePem);
		expect(other).not.toBe(first);
		expect(other.asymmetricKeyDetails.modulusLength).toBe(2048);
		// the same text read as a public key is another entry (and a refused key is refused every time)
		expect(() => envelope.parsePublicKey('not a key')).toThrow(/not a valid RSA public key/);
		expect(() => envelope.parsePublicKey('not a key')).toThrow(/not a valid RSA public key/);
		expect(envelope.parsePublicKey(platformPublicPem).type).toBe('public');
	});

	test('requestNo: UTC time yyyyMMddHHmmss + 8 random digits, unique, never reissued', () => {
		const at = new Date('2024-06-28T10:20:08.123Z');
		expect(envelope.newRequestNo(at, () => 68740754)).toBe('2024062810200868740754');
		// the same random value again cannot be issued a second time
		expect(envelope.newRequestNo(at, (() => { let n = 68740754; return () => n++; })())).toBe('2024062810200868740755');
		expect(() => envelope.newRequestNo(at, () => 68740754)).toThrow(/unique/);
		const many = new Set(Array.from({ length: 5000 }, () => envelope.newRequestNo()));
		expect(many.size).toBe(5000);
		for (const value of many) expect(value).toMatch(/^\d{22}$/);
	});

	test('amounts keep their exact digits in the JSON that is encrypted and signed', () => {
		expect(envelope.toJson({ amount: new envelope.JsonDecimal('5000.00'), n: 1, s: '__x' })).toBe('{"amount":5000.00,"n":1,"s":"__x"}');
		expect(envelope.toJson({ amount: new envelope.JsonDecimal('0.10') })).toBe('{"amount":0.10}');
		expect(() => new envelope.JsonDecimal('1e5')).toThrow();
	});

	test('readAlgorithms falls back to the defaults for unknown choices', () => {
		expect(envelope.readAlgorithms({ cipher: 'des', signHash: 'sha1' })).toEqual({ ...D, signHash: 'sha1' });
	});
});
