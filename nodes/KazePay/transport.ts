import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { kazePayBaseUrl } from '../../credentials/KazePayApi.credentials';
import type { ApiContext, CallSpec, CallTable, ProviderApi, ProviderError } from '../shared/transport';
import { apiRequest, callRequest, isSentOnce, providerFailure, requireFields, unknownOutcomeMessage } from '../shared/transport';
import { asText } from '../shared/validation';
import type { EnvelopeHead } from './envelope';
import { EnvelopeError, openPlatformEnvelope, toJson } from './envelope';
import type { KazePayKeys } from './sealing';
import { readKazePayKeys, requestNoFor } from './sealing';
import { asNodeError, KAZEPAY_ERRORS } from './errors';

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
	baseUrl: kazePayBaseUrl,
	parseError: parseKazePayError,
	secretFields: ['merchantPrivateKey'],
};

const object = (answer: unknown): IDataObject =>
	answer && typeof answer === 'object' && !Array.isArray(answer) ? (answer as IDataObject) : {};

/**
 * Every KazePay apiCode and how it is sent (CallKind in shared/transport.ts). The section titles are the
 * reference's ("Physical Card APIs"); `evidence` is checked on the decrypted, signature-checked answer.
 * - read: changes nothing, retried (each attempt with a new requestNo).
 * - createOnce: changes something at KazePay without moving money; sent once, a lost answer is an
 *   unknown outcome. Setting a PIN, a status or a URL again would be harmless, but their answer is the
 *   only evidence of what happened, so they are not resent blindly either.
 * - moneyMove: sent once, guarded by the payment ledger (Idempotency Key); KazePay's `requestNo` is derived
 *   from the key (`requestNoFor`) so KazePay's REPEAT_REQUEST refusal is a second guard across processes.
 */
export const KAZEPAY_CALLS = {
	setUcardKyc: {
		kind: 'createOnce',
		why: 'creates the cardholder and starts a KYC review ("1. Submit KYC")',
		evidence: requireFields(['status']),
		outcome: 'KYC submission',
	},
	queryUcardKycStatus: { kind: 'read', why: 'reads a KYC status ("2. Query KYC Status")' },
	ucardAssign: {
		kind: 'createOnce',
		why: 'gives a physical card to a cardholder; the answer\'s cardID is the only record of it ("3. Card Assign")',
		evidence: requireFields(['cardID']),
		outcome: 'card assignment',
	},
	ucardActive: {
		kind: 'createOnce',
		why: 'uses the single-use activation code ("4. Activate Physical Cards")',
		evidence: requireFields(['cardID'], ['status']),
		outcome: 'card activation',
	},
	cardSetPin: {
		kind: 'createOnce',
		why: 'changes the PIN; the answer carries only encrypt SUCCESS ("5. Set Card Pin")',
		evidence: (answer) => (object(answer).encrypt === 'SUCCESS' ? undefined : 'encrypt SUCCESS'),
		outcome: 'PIN change',
	},
	queryCard: { kind: 'read', why: 'reads a card ("6. Query Card")' },
	cardBalance: { kind: 'read', why: 'reads a card balance ("7. Query Card Balance")' },
	cardRecharge: {
		kind: 'moneyMove',
		why: 'moves money from the merchant account to the card ("8. Recharge Card")',
		evidence: requireFields(['transactionId'], ['transactionStatus'], ['cardID']),
		outcome: 'card recharge',
	},
	queryTransactions: { kind: 'read', why: 'reads card transactions ("9. Query Card Transactions")' },
	updCardStatus: {
		kind: 'createOnce',
		why: 'freezes or unfreezes a card ("10. Set Card Status")',
		evidence: requireFields(['cardID'], ['status']),
		outcome: 'card status change',
	},
	closeCard: {
		kind: 'moneyMove',
		why: 'closes the card and moves its balance back to the merchant account ("11. Close Card")',
		evidence: requireFields(['txnId'], ['status'], ['cardID']),
		outcome: 'card closure (and refund of its balance)',
	},
	setWebhookUrl: {
		kind: 'createOnce',
		why: 'replaces the one webhook URL of the merchant (setWebhookUrl, body { url })',
		outcome: 'webhook URL change',
	},
	getWebhookUrl: { kind: 'read', why: 'reads the registered webhook URL (getWebhookUrl)' },
} satisfies CallTable;

export type KazePayApiCode = keyof typeof KAZEPAY_CALLS;

/** One call of a KazePay apiCode; how it is sent, its evidence and outcome come from KAZEPAY_CALLS. */
export interface KazePayCall {
	/** The business fields; amounts as JsonDecimal so their digits are sent exactly. */
	payload: IDataObject;
	itemIndex?: number;
	/** How an operator looks the call up when its outcome is unknown. */
	reference?: string;
	/** Values that must never appear in an error (card number, PIN, activation code, images). */
	sensitiveValues?: string[];
	/**
	 * For calls sent once: fields the answer must name with exactly these values (the card the call was
	 * for). An answer about another card is an unknown outcome, never a success.
	 */
	echo?: Record<string, string>;
	/** For calls sent once: an amount field that, when the answer has it, must be the amount sent. */
	echoAmount?: { field: string; amount: string };
	/**
	 * The money move's Idempotency Key: KazePay's requestNo is derived from it (`requestNoFor`), so the
	 * same key always sends the same requestNo and KazePay refuses a second one with REPEAT_REQUEST.
	 */
	idempotencyKey?: string;
}

/** What is missing from a sent-once answer: the table's evidence, then the echoes of what was sent. */
function missingEvidence(spec: CallSpec, call: KazePayCall, answer: IDataObject): string | undefined {
	const missing = spec.evidence?.(answer);
	if (missing) return missing;
	for (const [field, sent] of Object.entries(call.echo ?? {})) {
		if (asText(answer[field]) !== sent) {
			const what = field === 'cardID' ? 'card' : field;
			return `${field} "${sent}" (the answer names ${answer[field] === undefined ? `no ${what}` : `another ${what}`})`;
		}
	}
	const amount = call.echoAmount;
	if (amount && answer[amount.field] !== undefined && !sameAmount(answer[amount.field], amount.amount)) {
		return `${amount.field} ${amount.amount} (the answer names another amount)`;
	}
	return undefined;
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
	if (!/^https?:\/\//.test(kazePayBaseUrl(credentials))) {
		throw new NodeOperationError(this.getNode(), 'KazePay credential: the endpoint URL must start with https:// or http://', {
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
 * the call table's evidence and the call's echoes ask of the signed content; anything less is an unknown
 * outcome.
 */
export async function kazePayRequest(this: ApiContext, apiCode: KazePayApiCode, call: KazePayCall): Promise<KazePayResult> {
	const spec: CallSpec = KAZEPAY_CALLS[apiCode];
	const { credentials, keys } = await getKazePayKeys.call(this, call.itemIndex);
	const kind = spec.kind;
	const sentOnce = isSentOnce(kind);
	const requestNo = call.idempotencyKey ? requestNoFor(keys.sysId, apiCode, call.idempotencyKey) : undefined;
	const secrets = [String(credentials.merchantPrivateKey ?? ''), ...(call.sensitiveValues ?? [])];
	const outcome = spec.outcome ?? (kind === 'moneyMove' ? 'payment' : `${apiCode} call`);
	const reference = requestNo && call.reference ? `${call.reference} (KazePay requestNo ${requestNo})` : call.reference;

	let response: { statusCode: number; body: unknown };
	try {
		const request = callRequest(spec, {
			method: 'POST',
			path: kazePayBaseUrl(credentials),
			body: requestNo
				? { apiCode, plaintext: toJson(call.payload), requestNo }
				: { apiCode, plaintext: toJson(call.payload) },
			itemIndex: call.itemIndex,
			reference,
			outcome,
			sensitiveValues: call.sensitiveValues,
			credentials,
		});
		// the evidence is about the decrypted answer, checked below; the shared path sees only the envelope
		response = await apiRequest.call(this, kazePayApi, { ...request, evidence: undefined });
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
					`KazePay already received a ${apiCode} request with this Idempotency Key (requestNo ${requestNo}) and refused it as a repeat (REPEAT_REQUEST).`,
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
		const what = `KazePay's answer to ${apiCode} could not be verified: ${reason}.`;
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
			`KazePay answered FAILED to ${apiCode}`,
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
					: missingEvidence(spec, call, object);
		if (missing) {
			throw fail(
				unknownOutcomeMessage(
					{ kind, outcome, reference },
					`KazePay answered ${apiCode} without evidence of success (no ${missing}).`,
				),
				'A success answer carries what the reference documents for this apiCode (an id, a status, the card and amount sent); this one did not, so the node cannot tell whether the call acted.',
				'NO_EVIDENCE',
				true,
			);
		}
	}
	return { head: opened.head, data: opened.data, requestNo };
}

/** The decrypted answer as an object ({} when KazePay answered something else), passed on untouched. */
export function answerObject(data: unknown): IDataObject {
	return data && typeof data === 'object' && !Array.isArray(data) ? (data as IDataObject) : {};
}
