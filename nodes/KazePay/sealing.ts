import type { KeyObject } from 'crypto';
import { createHash } from 'crypto';
import type { ICredentialDataDecryptedObject, IDataObject, IHttpRequestOptions } from 'n8n-workflow';

import type { EnvelopeAlgorithms } from './envelope';
import { buildRequestEnvelope, parsePrivateKey, parsePublicKey, readAlgorithms } from './envelope';

/** What the credential holds for the envelope, parsed. */
export interface KazePayKeys {
	sysId: string;
	algorithms: EnvelopeAlgorithms;
	merchantPrivateKey: KeyObject;
	platformPublicKey: KeyObject;
}

/** Reads sysId, keys and algorithm choices from the credential; throws EnvelopeError for a bad key. */
export function readKazePayKeys(credentials: ICredentialDataDecryptedObject): KazePayKeys {
	return {
		sysId: String(credentials.sysId ?? '').trim(),
		algorithms: readAlgorithms(credentials as Record<string, unknown>),
		merchantPrivateKey: parsePrivateKey(String(credentials.merchantPrivateKey ?? '')),
		platformPublicKey: parsePublicKey(String(credentials.platformPublicKey ?? '')),
	};
}

/**
 * The request body the node hands to n8n before authentication: which apiCode and the exact JSON
 * text to seal. The credential's `authenticate` replaces it with the envelope, so a new session key
 * is made for every attempt, and a new requestNo unless the call names one (a money move: derived
 * from its Idempotency Key, see `requestNoFor`).
 */
export interface UnsealedRequest {
	apiCode: string;
	plaintext: string;
	requestNo?: string;
}

/** A requestNo the node may name: digits only, as long as the reference's (and the sandbox's) allow. */
const REQUEST_NO = /^\d{16,32}$/;

export function sealKazePayRequest(
	credentials: ICredentialDataDecryptedObject,
	requestOptions: IHttpRequestOptions,
): IHttpRequestOptions {
	const body = requestOptions.body as Partial<UnsealedRequest> | undefined;
	if (!body || typeof body !== 'object' || typeof body.apiCode !== 'string') return requestOptions;
	const keys = readKazePayKeys(credentials);
	const envelope = buildRequestEnvelope({
		apiCode: body.apiCode,
		sysId: keys.sysId,
		plaintext: typeof body.plaintext === 'string' ? body.plaintext : '{}',
		algorithms: keys.algorithms,
		merchantPrivateKey: keys.merchantPrivateKey,
		platformPublicKey: keys.platformPublicKey,
		requestNo: typeof body.requestNo === 'string' && REQUEST_NO.test(body.requestNo) ? body.requestNo : undefined,
	});
	return {
		...requestOptions,
		method: 'POST',
		headers: { ...(requestOptions.headers ?? {}), 'Content-Type': 'application/json;charset=UTF-8' },
		body: envelope as unknown as IDataObject,
		json: true,
	};
}

/**
 * KazePay's requestNo for a money move, derived from its Idempotency Key: 24 decimal digits (the length
 * of the longest requestNo in the reference's examples) taken from SHA-256 over the sysId, the apiCode and
 * the key. The same key sends the same requestNo from any run, process or node, so KazePay refuses a
 * repeat with REPEAT_REQUEST; different apiCodes (a recharge and a card close with the same key) or
 * merchants never share one. Random requestNos (every other call) are 22 digits and start with the time.
 */
export function requestNoFor(sysId: string, apiCode: string, idempotencyKey: string): string {
	const digest = createHash('sha256').update(`kazepay-requestNo\u0000${sysId}\u0000${apiCode}\u0000${idempotencyKey}`).digest();
	let value = BigInt(`0x${digest.subarray(0, 12).toString('hex')}`);
	let digits = '';
	for (let i = 0; i < 24; i++) {
		digits = String(value % 10n) + digits;
		value /= 10n;
	}
	return digits;
}
