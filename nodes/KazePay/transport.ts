import { createHash } from 'crypto';
import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

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
	REPEAT_REQUEST:
		'This requestNo was already used. For a money move it is derived from the Idempotency Key: the key was sent before. Other calls make a new requestNo on every run: run the item again.',
	API_CODE_ERROR: 'KazePay does not offer this apiCode for your account.',
	USER_NOT_FOUND: 'No KYC was submitted for this email. Submit the KYC first.',
	KYC_NOT_PASSED: 'The card can only be assigned or activated after the KYC review has passed. Check the KYC status.',
	CARD_NOT_FOUND: 'No card with this card ID (or card number) exists for your account.',
	CARD_ALREADY_ASSIGNED:
		"This physical card is already assigned to a cardholder. If an earlier run's answer was lost, that run may have assigned it: find the card ID (KazePay Trigger event or dashboard) and run again with Options → Card ID to Reconcile With.",
	KYC_ALREADY_SUBMITTED: 'A KYC for this email was already submitted and is under review or passed. Check it with KYC → Get Status.',
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

/**
 * Every KazePay apiCode and how it is sent (see CallKind in shared/transport.ts). Every call site names
 * its kind from this table (`kind: KAZEPAY_CALLS.cardRecharge`); `KazePayCall` only accepts the kind
 * listed here for its apiCode.
 * - read: changes nothing, retried (each attempt with a new requestNo).
 * - createOnce: changes something at KazePay without moving money; sent once, a lost answer is an
 *   unknown outcome. KYC submission, card assignment, activation (single-use code), PIN, freeze/unfreeze
 *   and the webhook URL all change state; setting a PIN, a status or a URL again would be harmless, but
 *   their answer is the only evidence of what happened, so they are not resent blindly either.
 * - moneyMove: moves money; sent once, guarded by the payment ledger (Idempotency Key), and KazePay's
 *   `requestNo` is derived from the key (`requestNoFor`) so KazePay's REPEAT_REQUEST refusal is a second
 *   guard across processes and nodes. Recharge moves money from the merchant account to the card; closing
 *   a card moves its balance back to the merchant account.
 */
export const KAZEPAY_CALLS = {
	setUcardKyc: 'createOnce',
	queryUcardKycStatus: 'read',
	ucardAssign: 'createOnce',
	ucardActive: 'createOnce',
	cardSetPin: 'createOnce',
	queryCard: 'read',
	cardBalance: 'read',
	cardRecharge: 'moneyMove',
	queryTransactions: 'read',
	updCardStatus: 'createOnce',
	closeCard: 'moneyMove',
	setWebhookUrl: 'createOnce',
	getWebhookUrl: 'read',
} as const satisfies Record<string, CallKind>;

export type KazePayApiCode = keyof typeof KAZEPAY_CALLS;

export interface KazePayCall<A extends KazePayApiCode = KazePayApiCode> {
	apiCode: A;
	/** The business fields; amounts as JsonDecimal so their digits are sent exactly. */
	payload: IDataObject;
	/** How the call is sent: always `KAZEPAY_CALLS[apiCode]`. */
	kind: (typeof KAZEPAY_CALLS)[A];
	itemIndex?: number;
	/** How an operator looks a money move up when its outcome is unknown. */
	reference?: string;
	/** What the call does when it is not a payment, for the unknown-outcome message (e.g. "card activation"). */
	outcome?: string;
	/** Values that must never appear in an error (card number, PIN, activation code, images). */
	sensitiveValues?: string[];
	/**
	 * For calls sent once: what KazePay's decrypted, signature-checked answer must carry (reference:
	 * kazepay-physical-card.txt, the response table of the apiCode). Returns undefined when the answer is
	 * evidence of success, or what is missing. Without it the call's outcome is unknown, never a success.
	 */
	evidence?: (data: IDataObject) => string | undefined;
	/**
	 * The money move's Idempotency Key: KazePay's requestNo is derived from it (`requestNoFor`), so the
	 * same key always sends the same requestNo and KazePay refuses a second one with REPEAT_REQUEST.
	 */
	idempotencyKey?: string;
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

/**
 * A caught error as the n8n error it already is (KazePay calls throw NodeApiError / NodeOperationError),
 * for re-throwing after a reconciliation did not apply; anything else is wrapped in a NodeOperationError.
 */
export function asNodeError(context: ApiContext, error: unknown, itemIndex?: number): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeOperationError(context.getNode(), error as Error, { itemIndex });
}

/** The provider code of a caught KazePay error (e.g. CARD_ALREADY_ASSIGNED), if any. */
export function providerCodeOf(error: unknown): string | undefined {
	const code = (error as { context?: { providerCode?: unknown } } | undefined)?.context?.providerCode;
	return typeof code === 'string' ? code : undefined;
}

/** Two decimal texts name the same amount ("5000.00" and "5000", not "5000.01"). */
export function sameAmount(a: unknown, b: unknown): boolean {
	const canonical = (value: unknown): string | undefined => {
		const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
		const match = /^(-?)0*(\d*?)(?:\.(\d*?)0*)?$/.exec(text);
		if (!match || !/\d/.test(text)) return undefined;
		return `${match[1]}${match[2] || '0'}.${match[3] ?? ''}`;
	};
	const left = canonical(a);
	return left !== undefined && left === canonical(b);
}

/** Evidence helpers: a non-empty string or number field, and a field equal to what was sent. */
export const present = (data: IDataObject, field: string): boolean =>
	(typeof data[field] === 'string' && (data[field] as string).trim() !== '') || typeof data[field] === 'number';

export const sameId = (data: IDataObject, field: string, sent: string): boolean =>
	data[field] !== undefined && String(data[field]) === sent;

export interface KazePayResult {
	head: EnvelopeHead;
	data: unknown;
	/** The requestNo derived from the Idempotency Key (money moves), for the output. */
	requestNo?: string;
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
 * POSTed through the shared request path (reads retried, createOnce and money moves never), a `head.code`
 * other than SUCCESS becomes a NodeApiError with KazePay's code and detail, and a successful answer is
 * decrypted and its signature verified before any of it is used. An answer that cannot be verified
 * is an error, never data. For calls sent once, success needs evidence: `head.code` SUCCESS and what
 * `call.evidence` asks of the signed content; anything less is an unknown outcome.
 */
export async function kazePayRequest<A extends KazePayApiCode>(this: ApiContext, call: KazePayCall<A>): Promise<KazePayResult> {
	const { credentials, keys } = await getKazePayKeys.call(this, call.itemIndex);
	const kind: CallKind = call.kind;
	const sentOnce = isSentOnce(kind);
	const requestNo = call.idempotencyKey ? requestNoFor(keys.sysId, call.apiCode, call.idempotencyKey) : undefined;
	const secrets = [String(credentials.merchantPrivateKey ?? ''), ...(call.sensitiveValues ?? [])];
	const outcome = call.outcome ?? (kind === 'moneyMove' ? 'payment' : `${call.apiCode} call`);
	const reference = requestNo && call.reference ? `${call.reference} (KazePay requestNo ${requestNo})` : call.reference;

	let response: { statusCode: number; body: unknown };
	try {
		response = await apiRequest.call(this, kazePayApi, {
			method: 'POST',
			path: String(credentials.endpointUrl),
			body: requestNo
				? { apiCode: call.apiCode, plaintext: toJson(call.payload), requestNo }
				: { apiCode: call.apiCode, plaintext: toJson(call.payload) },
			kind,
			itemIndex: call.itemIndex,
			reference,
			outcome,
			sensitiveValues: call.sensitiveValues,
			credentials,
		});
	} catch (error) {
		// The same Idempotency Key sends the same requestNo: KazePay already received this money move, from
		// an earlier run whose answer was lost, another process, another node, or a run after the key was
		// released. It was done then or refused then; either way it is not done again now.
		const context = (error as { context?: IDataObject }).context;
		if (requestNo && context?.providerCode === 'REPEAT_REQUEST' && context.outcomeUnknown !== true) {
			throw providerFailure(
				this,
				kazePayApi,
				secrets,
				call.itemIndex,
				unknownOutcomeMessage(
					{ kind, outcome, reference },
					`KazePay already received a ${call.apiCode} request with this Idempotency Key (requestNo ${requestNo}) and refused it as a repeat (REPEAT_REQUEST).`,
				),
				{
					code: 'REPEAT_REQUEST',
					httpCode: (error as { httpCode?: string }).httpCode ?? undefined,
					unknown: true,
					description:
						'The earlier request with this key was carried out or refused by KazePay; this one was not. KazePay refuses this requestNo every time, so Release Idempotency Keys does not send it again: if you find that nothing happened, run the item with a new Idempotency Key.',
				},
			);
		}
		throw asNodeError(this, error, call.itemIndex);
	}

	const fail = (message: string, description: string, code?: string, unknown = false) =>
		providerFailure(this, kazePayApi, secrets, call.itemIndex, message, {
			description,
			httpCode: String(response.statusCode),
			code,
			unknown,
		});

	let opened: { head: EnvelopeHead; data: unknown };
	try {
		opened = openPlatformEnvelope(response.body, keys);
	} catch (error) {
		const reason = error instanceof EnvelopeError ? error.message : 'the answer could not be read';
		const what = `KazePay's answer to ${call.apiCode} could not be verified: ${reason}.`;
		throw fail(
			sentOnce ? unknownOutcomeMessage({ kind, outcome, reference }, what) : what,
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
	if (sentOnce) {
		const object = data && typeof data === 'object' && !Array.isArray(data) ? data : undefined;
		const missing =
			opened.head.code !== 'SUCCESS'
				? 'head.code SUCCESS'
				: !object
					? 'an answer object'
					: call.evidence?.(object);
		if (missing) {
			throw fail(
				unknownOutcomeMessage(
					{ kind, outcome, reference },
					`KazePay answered ${call.apiCode} without evidence of success (no ${missing}).`,
				),
				'A success answer carries what the reference documents for this apiCode (an id, a status, the card and amount sent); this one did not, so the node cannot tell whether the call acted.',
				'NO_EVIDENCE',
				true,
			);
		}
	}
	return { head: opened.head, data: opened.data, requestNo };
}

/** The decrypted answer as an output object: the reference's inner "encrypt" result is named `result`. */
export function resultObject(data: unknown): IDataObject {
	if (!data || typeof data !== 'object' || Array.isArray(data)) return {};
	const { encrypt, ...rest } = data as IDataObject;
	return encrypt === undefined ? rest : { result: encrypt, ...rest };
}
