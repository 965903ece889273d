import type { KeyObject } from 'crypto';
import {
	constants,
	createCipheriv,
	createDecipheriv,
	createHash,
	createPrivateKey,
	createPublicKey,
	createSign,
	createVerify,
	privateDecrypt,
	publicEncrypt,
	randomBytes,
	randomInt,
} from 'crypto';

/**
 * The KazePay request/response envelope.
 *
 * Wire format (reference "Physical Card APIs", every "Request/Response Message Example"):
 *   { "head": { apiCode, sysId, requestNo, version: "1.0", sign, keyEnc [, code, detail] },
 *     "body": { "encrypt": <ciphertext> } }
 *
 * KazePay hands the exact algorithms to merchants at onboarding; they are not public. This module
 * implements the common pattern of such card-issuing envelopes, with every variant selectable in the
 * credential (see `EnvelopeAlgorithms`). Defaults are marked (*).
 *
 * Sealing (the sender: the merchant for requests, the platform for responses and webhooks):
 *  1. plaintext = the business JSON (UTF-8), serialised once; those exact bytes are encrypted and signed.
 *  2. sessionKey = fresh random bytes per message: 32 for AES-256 (*), 16 for AES-128.
 *  3. body.encrypt = encode(symmetric(sessionKey, plaintext)):
 *       AES-GCM (*): 12-byte random IV; ciphertext = IV || AES-GCM(plaintext) || 16-byte tag
 *       AES-CBC:     16-byte random IV; ciphertext = IV || AES-CBC-PKCS#7(plaintext)
 *       AES-ECB:     no IV;             ciphertext = AES-ECB-PKCS#7(plaintext)
 *     encode = Base64 (*) or lowercase hex.
 *  4. head.keyEnc = encode(RSA-encrypt(recipient's public key, sessionKey raw bytes)), padding
 *     OAEP with SHA-256 and MGF1-SHA-256 (*), OAEP with SHA-1, or PKCS#1 v1.5; encode = hex (*) or Base64.
 *  5. head.sign = encode(RSA PKCS#1 v1.5 signature over the plaintext bytes with the sender's private
 *     key), hash SHA-256 (*) or SHA-1 ("SHA256withRSA"); encode = hex (*) or Base64.
 *
 * Opening (the recipient): decode and RSA-decrypt keyEnc with the recipient's private key (the
 * session key must have the cipher's exact length), decrypt body.encrypt (GCM also checks its tag),
 * then verify head.sign over the decrypted plaintext with the sender's public key. Any failure is an
 * `EnvelopeError`; a message whose signature does not verify never yields data.
 *
 * RSA encryption is randomised, so keyEnc differs on every call even with a fixed session key; the
 * test vectors pin `encrypt` and `sign` exactly and check that keyEnc opens to the fixed session key.
 */

export const ENVELOPE_VERSION = '1.0';

export const SYMMETRIC_CIPHERS = [
	'aes-256-gcm',
	'aes-128-gcm',
	'aes-256-cbc',
	'aes-128-cbc',
	'aes-256-ecb',
	'aes-128-ecb',
] as const;
export type SymmetricCipher = (typeof SYMMETRIC_CIPHERS)[number];
export const KEY_PADDINGS = ['oaep-sha256', 'oaep-sha1', 'pkcs1'] as const;
export type KeyPadding = (typeof KEY_PADDINGS)[number];
export const SIGN_HASHES = ['sha256', 'sha1'] as const;
export type SignHash = (typeof SIGN_HASHES)[number];
export const ENCODINGS = ['hex', 'base64'] as const;
export type TextEncoding = (typeof ENCODINGS)[number];

export interface EnvelopeAlgorithms {
	cipher: SymmetricCipher;
	keyPadding: KeyPadding;
	signHash: SignHash;
	signEncoding: TextEncoding;
	keyEncEncoding: TextEncoding;
	encryptEncoding: TextEncoding;
}

export const DEFAULT_ALGORITHMS: EnvelopeAlgorithms = {
	cipher: 'aes-256-gcm',
	keyPadding: 'oaep-sha256',
	signHash: 'sha256',
	signEncoding: 'hex',
	keyEncEncoding: 'hex',
	encryptEncoding: 'base64',
};

export interface EnvelopeHead {
	apiCode?: string;
	sysId?: string;
	requestNo?: string;
	version?: string;
	sign?: string;
	keyEnc?: string;
	code?: string;
	detail?: string;
	[key: string]: unknown;
}

export interface Envelope {
	head: EnvelopeHead;
	body: { encrypt?: string; [key: string]: unknown };
}

export type EnvelopeFailure = 'malformed' | 'key' | 'decrypt' | 'signature';

/** Why a message could not be opened. The message never contains key material or plaintext. */
export class EnvelopeError extends Error {
	constructor(
		readonly reason: EnvelopeFailure,
		message: string,
	) {
		super(message);
		this.name = 'EnvelopeError';
	}
}

/** Reads the algorithm choices, falling back to the defaults for anything missing or unknown. */
export function readAlgorithms(source: Record<string, unknown> = {}): EnvelopeAlgorithms {
	const pick = <T extends string>(value: unknown, allowed: readonly T[], fallback: T): T =>
		typeof value === 'string' && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
	return {
		cipher: pick(source.cipher, SYMMETRIC_CIPHERS, DEFAULT_ALGORITHMS.cipher),
		keyPadding: pick(source.keyPadding, KEY_PADDINGS, DEFAULT_ALGORITHMS.keyPadding),
		signHash: pick(source.signHash, SIGN_HASHES, DEFAULT_ALGORITHMS.signHash),
		signEncoding: pick(source.signEncoding, ENCODINGS, DEFAULT_ALGORITHMS.signEncoding),
		keyEncEncoding: pick(source.keyEncEncoding, ENCODINGS, DEFAULT_ALGORITHMS.keyEncEncoding),
		encryptEncoding: pick(source.encryptEncoding, ENCODINGS, DEFAULT_ALGORITHMS.encryptEncoding),
	};
}

function cipherShape(cipher: SymmetricCipher) {
	const [, bits, mode] = cipher.split('-');
	return {
		keyLength: Number(bits) / 8,
		mode: mode as 'gcm' | 'cbc' | 'ecb',
		ivLength: mode === 'gcm' ? 12 : mode === 'cbc' ? 16 : 0,
	};
}

const GCM_TAG_LENGTH = 16;

/** The function's result, or undefined when it throws (crypto failures are mapped by the caller). */
function attempt<T>(fn: () => T): T | undefined {
	try {
		return fn();
	} catch {
		return undefined;
	}
}

/** Keys are pasted as PEM (with real or escaped "\n"), or as bare Base64 DER without the PEM lines. */
function keyText(text: string): string {
	return text.replace(/\\n/g, '\n').trim();
}

/**
 * Parsed keys by a SHA-256 of their text: every request and every webhook event reads the keys from
 * the credential, and parsing an RSA key costs as much as the RSA decryption itself (bench row 4b).
 * KeyObjects are immutable; only a digest of the key text is kept as the map key. A few entries at
 * most (one merchant key and one platform key per credential).
 */
const parsedKeys = new Map<string, KeyObject>();
const PARSED_KEYS_MAX = 16;

function cachedKey(kind: 'private' | 'public', text: string, parse: () => KeyObject): KeyObject {
	const id = `${kind}:${createHash('sha256').update(text).digest('hex')}`;
	const known = parsedKeys.get(id);
	if (known) return known;
	const key = parse();
	if (parsedKeys.size >= PARSED_KEYS_MAX) parsedKeys.delete(parsedKeys.keys().next().value as string);
	parsedKeys.set(id, key);
	return key;
}

/** A private key from PEM (PKCS#8 or PKCS#1) or bare Base64 DER. */
export function parsePrivateKey(text: string): KeyObject {
	return cachedKey('private', text, () => parsePrivateKeyText(text));
}

function parsePrivateKeyText(text: string): KeyObject {
	const value = keyText(text);
	if (!value) throw new EnvelopeError('key', 'the private key is empty');
	const der = () => Buffer.from(value.replace(/\s+/g, ''), 'base64');
	const key = value.includes('-----BEGIN')
		? attempt(() => createPrivateKey(value))
		: (attempt(() => createPrivateKey({ key: der(), format: 'der', type: 'pkcs8' })) ??
			attempt(() => createPrivateKey({ key: der(), format: 'der', type: 'pkcs1' })));
	if (!key) throw new EnvelopeError('key', 'the private key is not a valid RSA private key (PEM or Base64)');
	return key;
}

/** A public key from PEM (SPKI, PKCS#1 or an X.509 certificate) or bare Base64 DER. */
export function parsePublicKey(text: string): KeyObject {
	return cachedKey('public', text, () => parsePublicKeyText(text));
}

function parsePublicKeyText(text: string): KeyObject {
	const value = keyText(text);
	if (!value) throw new EnvelopeError('key', 'the public key is empty');
	const der = () => Buffer.from(value.replace(/\s+/g, ''), 'base64');
	const key = value.includes('-----BEGIN')
		? attempt(() => createPublicKey(value))
		: (attempt(() => createPublicKey({ key: der(), format: 'der', type: 'spki' })) ??
			attempt(() => createPublicKey({ key: der(), format: 'der', type: 'pkcs1' })));
	if (!key) throw new EnvelopeError('key', 'the public key is not a valid RSA public key (PEM or Base64)');
	return key;
}

function encode(data: Buffer, encoding: TextEncoding): string {
	return data.toString(encoding);
}

function decode(text: unknown, encoding: TextEncoding, field: string): Buffer {
	if (typeof text !== 'string' || text.trim() === '') {
		throw new EnvelopeError('malformed', `${field} is missing`);
	}
	const value = text.trim();
	const valid = encoding === 'hex' ? /^(?:[0-9a-fA-F]{2})+$/ : /^[A-Za-z0-9+/]+={0,2}$|^[A-Za-z0-9_-]+$/;
	if (!valid.test(value)) throw new EnvelopeError('malformed', `${field} is not ${encoding === 'hex' ? 'hex' : 'Base64'}`);
	const data = Buffer.from(value, encoding === 'hex' ? 'hex' : 'base64');
	// Base64 that does not round-trip had bits changed in its padding: not what was sent
	if (encoding === 'base64' && data.toString('base64').replace(/=+$/, '') !== value.replace(/=+$/, '').replace(/-/g, '+').replace(/_/g, '/')) {
		throw new EnvelopeError('malformed', `${field} is not canonical Base64`);
	}
	return data;
}

function rsaPadding(padding: KeyPadding) {
	if (padding === 'pkcs1') return { padding: constants.RSA_PKCS1_PADDING };
	return { padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: padding === 'oaep-sha1' ? 'sha1' : 'sha256' };
}

/**
 * PKCS#1 v1.5 type-2 unpadding. Node 20 refuses PKCS#1 v1.5 private decryption (CVE-2023-46809), so
 * the raw RSA block is unpadded here. The caller also requires the exact session-key length.
 */
function unpadPkcs1(block: Buffer): Buffer {
	let separator = -1;
	for (let i = 2; i < block.length; i++) {
		if (block[i] === 0 && separator < 0) separator = i;
	}
	if (block[0] !== 0 || block[1] !== 2 || separator < 10) {
		throw new EnvelopeError('key', 'keyEnc could not be decrypted with the private key');
	}
	return block.subarray(separator + 1);
}

function rsaDecrypt(key: KeyObject, padding: KeyPadding, data: Buffer): Buffer {
	if (padding === 'pkcs1') {
		const block = attempt(() => privateDecrypt({ key, padding: constants.RSA_NO_PADDING }, data));
		if (!block) throw new EnvelopeError('key', 'keyEnc could not be decrypted with the private key');
		return unpadPkcs1(block);
	}
	const sessionKey = attempt(() => privateDecrypt({ key, ...rsaPadding(padding) }, data));
	if (!sessionKey) throw new EnvelopeError('key', 'keyEnc could not be decrypted with the private key');
	return sessionKey;
}

export interface SealInput {
	algorithms: EnvelopeAlgorithms;
	/** The sender's private key: signs the plaintext. */
	signingKey: KeyObject;
	/** The recipient's public key: encrypts the session key. */
	recipientKey: KeyObject;
	/** The exact JSON text to send. */
	plaintext: string;
	/** Tests only: a fixed session key instead of a random one. */
	sessionKey?: Buffer;
	/** Tests only: a fixed IV instead of a random one. */
	iv?: Buffer;
}

export interface SealedParts {
	encrypt: string;
	keyEnc: string;
	sign: string;
}

/** Encrypts and signs one message (steps 1-5 above). */
export function seal(input: SealInput): SealedParts {
	const { algorithms, plaintext } = input;
	const shape = cipherShape(algorithms.cipher);
	const sessionKey = input.sessionKey ?? randomBytes(shape.keyLength);
	if (sessionKey.length !== shape.keyLength) {
		throw new EnvelopeError('key', `the session key must be ${shape.keyLength} bytes for ${algorithms.cipher}`);
	}
	const iv = shape.ivLength ? (input.iv ?? randomBytes(shape.ivLength)) : null;
	if (iv && iv.length !== shape.ivLength) {
		throw new EnvelopeError('key', `the IV must be ${shape.ivLength} bytes for ${algorithms.cipher}`);
	}
	const data = Buffer.from(plaintext, 'utf8');
	const cipher = createCipheriv(algorithms.cipher, sessionKey, iv);
	const encrypted = Buffer.concat([cipher.update(data), cipher.final()]);
	const parts: Buffer[] = iv ? [iv, encrypted] : [encrypted];
	if (shape.mode === 'gcm') parts.push((cipher as unknown as { getAuthTag(): Buffer }).getAuthTag());

	const keyEnc = publicEncrypt({ key: input.recipientKey, ...rsaPadding(algorithms.keyPadding) }, sessionKey);
	const sign = createSign(algorithms.signHash).update(data).sign(input.signingKey);
	return {
		encrypt: encode(Buffer.concat(parts), algorithms.encryptEncoding),
		keyEnc: encode(keyEnc, algorithms.keyEncEncoding),
		sign: encode(sign, algorithms.signEncoding),
	};
}

export interface OpenInput {
	algorithms: EnvelopeAlgorithms;
	/** The recipient's private key: decrypts keyEnc. */
	decryptionKey: KeyObject;
	/** The sender's public key: verifies sign. */
	verifyKey: KeyObject;
	encrypt: unknown;
	keyEnc: unknown;
	sign: unknown;
}

/** Decrypts and verifies one message; returns the plaintext JSON text only when the signature holds. */
export function open(input: OpenInput): string {
	const { algorithms } = input;
	const shape = cipherShape(algorithms.cipher);
	const signature = decode(input.sign, algorithms.signEncoding, 'sign');
	const wrappedKey = decode(input.keyEnc, algorithms.keyEncEncoding, 'keyEnc');
	const ciphertext = decode(input.encrypt, algorithms.encryptEncoding, 'encrypt');

	const sessionKey = rsaDecrypt(input.decryptionKey, algorithms.keyPadding, wrappedKey);
	if (sessionKey.length !== shape.keyLength) {
		throw new EnvelopeError('key', `keyEnc does not hold a ${shape.keyLength}-byte session key for ${algorithms.cipher}`);
	}

	const tagLength = shape.mode === 'gcm' ? GCM_TAG_LENGTH : 0;
	const longEnough = ciphertext.length >= shape.ivLength + tagLength + (shape.mode === 'gcm' ? 0 : 16);
	const plaintext = !longEnough
		? undefined
		: attempt(() => {
				const iv = shape.ivLength ? ciphertext.subarray(0, shape.ivLength) : null;
				const body = ciphertext.subarray(shape.ivLength, ciphertext.length - tagLength);
				const decipher = createDecipheriv(algorithms.cipher, sessionKey, iv);
				if (tagLength) {
					(decipher as unknown as { setAuthTag(tag: Buffer): void }).setAuthTag(
						ciphertext.subarray(ciphertext.length - tagLength),
					);
				}
				return Buffer.concat([decipher.update(body), decipher.final()]);
			});
	if (!plaintext) {
		throw new EnvelopeError('decrypt', 'encrypt could not be decrypted with the session key from keyEnc');
	}

	const valid = attempt(() => createVerify(algorithms.signHash).update(plaintext).verify(input.verifyKey, signature));
	if (!valid) throw new EnvelopeError('signature', 'the signature (sign) does not match the decrypted content');
	return plaintext.toString('utf8');
}

const issuedRequestNos = new Set<string>();
const ISSUED_MEMORY = 10_000;

/**
 * A request number unique per request, in the shape of the reference's examples
 * ("2024062810200868740754"): the UTC time as yyyyMMddHHmmss followed by 8 random digits. Numbers
 * already issued by this process are never issued again.
 */
export function newRequestNo(now: Date = new Date(), random: () => number = () => randomInt(0, 100_000_000)): string {
	const time = now.toISOString().replace(/\D/g, '').slice(0, 14);
	for (let attempt = 0; attempt < 100; attempt++) {
		const candidate = `${time}${String(random()).padStart(8, '0').slice(-8)}`;
		if (issuedRequestNos.has(candidate)) continue;
		issuedRequestNos.add(candidate);
		if (issuedRequestNos.size > ISSUED_MEMORY) {
			issuedRequestNos.delete(issuedRequestNos.values().next().value as string);
		}
		return candidate;
	}
	throw new EnvelopeError('malformed', 'could not create a unique request number');
}

/** An amount written into the JSON exactly as given ("5000.00"), never through a float. */
export class JsonDecimal {
	constructor(readonly text: string) {
		if (!/^-?\d+(\.\d+)?$/.test(text)) throw new Error(`Not a decimal: ${text}`);
	}
}

/** JSON.stringify that writes JsonDecimal values as bare JSON numbers with their exact digits. */
export function toJson(value: unknown): string {
	const decimals: string[] = [];
	const marker = `__kazepay_decimal_${randomBytes(6).toString('hex')}_`;
	const text = JSON.stringify(value, (_key, entry: unknown) => {
		if (entry instanceof JsonDecimal) {
			decimals.push(entry.text);
			return `${marker}${decimals.length - 1}`;
		}
		return entry;
	});
	return text.replace(new RegExp(`"${marker}(\\d+)"`, 'g'), (_match, index: string) => decimals[Number(index)]);
}

export interface RequestEnvelopeInput {
	apiCode: string;
	sysId: string;
	plaintext: string;
	algorithms: EnvelopeAlgorithms;
	merchantPrivateKey: KeyObject;
	platformPublicKey: KeyObject;
	/** A money move's requestNo derived from its Idempotency Key; otherwise a new one (newRequestNo). */
	requestNo?: string;
	/** Tests only. */
	sessionKey?: Buffer;
	iv?: Buffer;
}

/** The full request envelope the merchant sends. */
export function buildRequestEnvelope(input: RequestEnvelopeInput): Envelope {
	const sealed = seal({
		algorithms: input.algorithms,
		signingKey: input.merchantPrivateKey,
		recipientKey: input.platformPublicKey,
		plaintext: input.plaintext,
		sessionKey: input.sessionKey,
		iv: input.iv,
	});
	return {
		head: {
			apiCode: input.apiCode,
			sysId: input.sysId,
			requestNo: input.requestNo ?? newRequestNo(),
			version: ENVELOPE_VERSION,
			sign: sealed.sign,
			keyEnc: sealed.keyEnc,
		},
		body: { encrypt: sealed.encrypt },
	};
}

export interface OpenEnvelopeInput {
	algorithms: EnvelopeAlgorithms;
	merchantPrivateKey: KeyObject;
	platformPublicKey: KeyObject;
}

/**
 * Opens an envelope sent by the platform (a response or a webhook): decrypted with the merchant's
 * private key, verified with the platform's public key. Returns the head and the parsed JSON.
 */
export function openPlatformEnvelope(
	envelope: unknown,
	keys: OpenEnvelopeInput,
): { head: EnvelopeHead; plaintext: string; data: unknown } {
	if (!envelope || typeof envelope !== 'object') throw new EnvelopeError('malformed', 'the message is not a JSON object');
	const { head, body } = envelope as Partial<Envelope>;
	if (!head || typeof head !== 'object') throw new EnvelopeError('malformed', 'the message has no head');
	if (!body || typeof body !== 'object') throw new EnvelopeError('malformed', 'the message has no body');
	const plaintext = open({
		algorithms: keys.algorithms,
		decryptionKey: keys.merchantPrivateKey,
		verifyKey: keys.platformPublicKey,
		encrypt: body.encrypt,
		keyEnc: head.keyEnc,
		sign: head.sign,
	});
	const parsed = attempt(() => ({ value: (plaintext.trim() === '' ? {} : JSON.parse(plaintext)) as unknown }));
	if (!parsed) throw new EnvelopeError('malformed', 'the decrypted content is not JSON');
	const data = parsed.value;
	return { head, plaintext, data };
}
