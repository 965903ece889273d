import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { ApiContext, CallKind, ProviderApi, ProviderError } from '../shared/transport';
import { apiRequest, isSentOnce, providerFailure, unknownOutcomeMessage } from '../shared/transport';
import type { EnvelopeHead } from './envelope';
import { EnvelopeError, openPlatformEnvelope, toJson } from './envelope';
import type { KazePayKeys } from './sealing';
import { readKazePayKeys } from './sealing';

/**
 * Plain-language hints for `head.code` values. KazePay's real code list is not public (the reference
 * only shows "SUCCESS"); these are the codes the local sandbox uses, which name the documented
 * failure cases. An unknown code still fails with KazePay's own `detail`.
 */
export const KAZEPAY_ERRORS: Record<string, string> = {
	PARAM_ERROR: 'A field was missing or invalid. Check the fields of this operation.',
	SIGN_ERROR:
		'KazePay could not verify the request signature or decrypt it. Check the merchant private key, the platform public key and the algorithm settings of the credential.',
	SYS_ID_ERROR: 'KazePay does not know this System ID (sysId). Check the credential.',
	REPEAT_REQUEST: 'This requestNo was already used. Run the item again: every run makes a new one.',
	API_CODE_ERROR: 'KazePay does not offer this apiCode for your account.',
	USER_NOT_FOUND: 'No KYC was submitted for this email. Submit the KYC first.',
	KYC_NOT_PASSED: 'The card can only be assigned or activated after the KYC review has passed. Check the KYC status.',
	CARD_NOT_FOUND: 'No card with this card ID (or card number) exists for your account.',
	CARD_ALREADY_ASSIGNED: 'This physical card is already assigned to a cardholder.',
	ACTIVATION_CODE_ERROR: 'The activation code is wrong. The cardholder receives it from KazePay, and it can only be used once.',
	ACTIVATION_CODE_USED: 'The activation code was already used: the card is activated, or a new code is needed.',
	CARD_STATUS_ERROR: 'The card is not in a status that allows this (for example frozen, closed or not yet active).',
	INSUFFICIENT_BALANCE: 'Your merchant account does not hold enough funds for this recharge.',
	CURRENCY_ERROR: 'The card does not use this currency.',
};

export function parseKazePayError(statusCode: number, body: unknown): ProviderError | undefined {
	const head = (body as { head?: EnvelopeHead } | undefined)?.head;
	if (head && typeof head === 'object' && head.code !== undefined && head.code !== 'SUCCESS') {
		const code = String(head.code);
		const detail = typeof head.detail === 'string' && head.detail ? head.detail : code;
		return {
			code,
			message: `${detail} (code ${code})`,
			description: KAZEPAY_ERRORS[code],
		};
	}
	if (statusCode === 401 || statusCode === 403) {
		return {
			message: 'the request was refused (not authorised)',
			description: KAZEPAY_ERRORS.SIGN_ERROR,
		};
	}
	return undefined;
}

export const kazePayApi: ProviderApi = {
	displayName: 'KazePay',
	credentialType: 'kazePayApi',
	baseUrl: (credentials: ICredentialDataDecryptedObject) => String(credentials.endpointUrl ?? ''),
	parseError: parseKazePayError,
	secretFields: ['merchantPrivateKey'],
};

export interface KazePayCall {
	apiCode: string;
	/** The business fields; amounts as JsonDecimal so their digits are sent exactly. */
	payload: IDataObject;
	/** How the call is sent (read, createOnce, moneyMove): see CallKind in shared/transport.ts. */
	kind: CallKind;
	itemIndex?: number;
	/** How an operator looks a money move up when its outcome is unknown. */
	reference?: string;
	/** What the call does when it is not a payment, for the unknown-outcome message (e.g. "card activation"). */
	outcome?: string;
	/** Values that must never appear in an error (card number, PIN, activation code, images). */
	sensitiveValues?: string[];
}

export interface KazePayResult {
	head: EnvelopeHead;
	data: unknown;
}

/** The credential's keys, or a plain-language error naming what is wrong with the credential. */
export async function getKazePayKeys(
	this: ApiContext,
	itemIndex?: number,
): Promise<{ credentials: ICredentialDataDecryptedObject; keys: KazePayKeys }> {
	const credentials = (await this.getCredentials('kazePayApi')) as ICredentialDataDecryptedObject;
	let keys: KazePayKeys;
	try {
		keys = readKazePayKeys(credentials);
	} catch (error) {
		throw new NodeOperationError(this.getNode(), `KazePay credential: ${(error as Error).message}`, {
			itemIndex,
			description: 'Paste the keys as PEM (-----BEGIN ... KEY-----) or as Base64 without the PEM lines.',
		});
	}
	if (!keys.sysId) {
		throw new NodeOperationError(this.getNode(), 'KazePay credential: the System ID (sysId) is empty', { itemIndex });
	}
	if (!/^https?:\/\//.test(String(credentials.endpointUrl ?? ''))) {
		throw new NodeOperationError(this.getNode(), 'KazePay credential: the Endpoint URL must start with https:// or http://', {
			itemIndex,
		});
	}
	return { credentials, keys };
}

/**
 * One KazePay call: the payload is serialised once and sealed by the credential (see sealing.ts),
 * POSTed through the shared request path (reads retried, money moves never), a `head.code` other
 * than SUCCESS becomes a NodeApiError with KazePay's code and detail, and a successful answer is
 * decrypted and its signature verified before any of it is used. An answer that cannot be verified
 * is an error, never data.
 */
export async function kazePayRequest(this: ApiContext, call: KazePayCall): Promise<KazePayResult> {
	const { credentials, keys } = await getKazePayKeys.call(this, call.itemIndex);
	const response = await apiRequest.call(this, kazePayApi, {
		method: 'POST',
		path: String(credentials.endpointUrl),
		body: { apiCode: call.apiCode, plaintext: toJson(call.payload) },
		kind: call.kind,
		itemIndex: call.itemIndex,
		reference: call.reference,
		outcome: call.outcome,
		sensitiveValues: call.sensitiveValues,
		credentials,
	});

	const secrets = [String(credentials.merchantPrivateKey ?? ''), ...(call.sensitiveValues ?? [])];
	const fail = (message: string, description: string, code?: string, unknown = false) =>
		providerFailure(this, kazePayApi, secrets, call.itemIndex, message, {
			description,
			httpCode: String(response.statusCode),
			code,
			unknown,
		});
	const sentOnce = isSentOnce(call.kind);

	let opened: { head: EnvelopeHead; data: unknown };
	try {
		opened = openPlatformEnvelope(response.body, keys);
	} catch (error) {
		const reason = error instanceof EnvelopeError ? error.message : 'the answer could not be read';
		const what = `KazePay's answer to ${call.apiCode} could not be verified: ${reason}.`;
		throw fail(
			sentOnce ? unknownOutcomeMessage({ ...call, outcome: call.outcome ?? `${call.apiCode} call` }, what) : what,
			"The answer was not used. Check the platform public key and the algorithm settings of the credential; if they are right, the answer did not come from KazePay.",
			'RESPONSE_NOT_VERIFIED',
			sentOnce,
		);
	}

	const data = opened.data as IDataObject | undefined;
	// The reference lists a result field named "encrypt" (SUCCESS / FAILED) inside the decrypted body.
	if (data && typeof data === 'object' && !Array.isArray(data) && data.encrypt === 'FAILED') {
		throw fail(
			`KazePay answered FAILED to ${call.apiCode}`,
			'KazePay accepted the request but reported that it failed. Check the fields and the card or KYC status.',
			'FAILED',
		);
	}
	return { head: opened.head, data: opened.data };
}

/** The decrypted answer as an output object: the reference's inner "encrypt" result is named `result`. */
export function resultObject(data: unknown): IDataObject {
	if (!data || typeof data !== 'object' || Array.isArray(data)) return {};
	const { encrypt, ...rest } = data as IDataObject;
	return encrypt === undefined ? rest : { result: encrypt, ...rest };
}
