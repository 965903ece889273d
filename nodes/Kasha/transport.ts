import type { IDataObject, IHttpRequestMethods } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { kashaBaseUrl } from '../../credentials/KashaApi.credentials';
import type { ApiContext, ApiRequest, ApiResponse, CallSpec, CallTable, ProviderApi, ProviderError } from '../shared/transport';
import { apiRequest, callRequest, requireFieldsIn } from '../shared/transport';
import { asText } from '../shared/validation';
import { KASHA_ERRORS } from './errorCodes';

/** How sure a path is (docs/kasha.md says why for each). */
export type PathStatus = 'confirmed' | 'inferred' | 'assumed';

/**
 * One Kasha call: the shared CallSpec (kind, why, evidence, outcome) plus where it is sent.
 * - `status` confirmed: Kasha's public docs (docs.kasha.io) show the path; inferred: a strong hint (Kasha's
 *   own reference names it, or the predecessor API Kasha's reference derives from uses it); assumed: nothing
 *   public names it, the path follows the naming of the confirmed ones.
 * - `source`: where the path comes from (docs/kasha.md, "Endpoints").
 */
export interface KashaCallSpec extends CallSpec {
	method: IHttpRequestMethods;
	/** `{transactionId}` is replaced by the (URL-encoded) value given in `pathParams`. */
	path: string;
	status: PathStatus;
	source: string;
}

const KASHA_DOCS = 'https://docs.kasha.io/docs/documentation/Integration-Guides';
/** The predecessor API (Kibramoa) whose samples and sentences Kasha's reference reuses. */
const PREDECESSOR = 'predecessor API (github.com/Kibramoa/Docs)';

/** Names Kasha's answers may give a hosted cashier link (Kasha's docs only say "a link"; the predecessor answers `cashierUrl`). */
export const LINK_FIELDS: [string, ...string[]] = ['url', 'cashierUrl', 'cashierURL', 'link', 'cashierLink', 'hostedCashierUrl', 'paymentUrl', 'paymentLink', 'redirectUrl'];

/** The fields of an answer: its first object (payout answers are arrays) with `result`'s fields on top. */
function answerFields(body: unknown): IDataObject {
	const first = unwrap(body) ?? {};
	const result = first.result && typeof first.result === 'object' && !Array.isArray(first.result) ? (first.result as IDataObject) : {};
	return { ...first, ...result };
}

/** Evidence checked in Kasha's answers, whose ids sit in `result` or in the first element of an array. */
const needs = (...groups: Array<[string, ...string[]]>) => requireFieldsIn(answerFields, ...groups);

/**
 * EVERY Kasha call, in one table (docs/kasha.md, "Kinds of calls" and "Endpoints"): its path and how sure
 * it is, and its kind. `kashaRequest` takes path, kind, evidence and outcome from the entry the call site
 * names, so no call can be sent as another kind; change a path here and every operation and the trigger follow.
 * - read: changes nothing at Kasha; retried on network errors, 429 and 5xx.
 * - createOnce: opens a session or link (a new Kasha transaction in CREATED state, with the merchant
 *   reference Kasha says must be unique) but moves no money; sent once, a lost answer is an unknown outcome.
 * - moneyMove: sent once, guarded by the payment ledger; the answer must carry Kasha's documented success fields.
 */
export const KASHA_CALLS = {
	paymentOptions: {
		method: 'POST',
		path: '/v2/payment-options',
		status: 'confirmed',
		source: `${KASHA_DOCS}/Local%20Methods/Payin/Hybrid%20Payment%20Link/ (1. Initiate a Payment)`,
		kind: 'createOnce',
		outcome: 'payment session',
		// "1. Initiate a Payment" sample: transactionId, sessionId, paymentOptions
		evidence: needs(['sessionId'], ['transactionId']),
		why: 'opens a payment session and a transaction (one payment per session, merchant reference unique): sent again it opens a second one',
	},
	paymentSuboptions: {
		method: 'POST',
		path: '/v2/payment-suboptions',
		status: 'confirmed',
		source: `${KASHA_DOCS}/EasyP2P/Payin/Hybrid%20Payment%20Link/ (2. Get Payment Suboptions)`,
		kind: 'read',
		why: 'lists the banks and form inputs of a session option; nothing is created',
	},
	directPayment: {
		method: 'POST',
		path: '/v2/direct-payment',
		status: 'confirmed',
		source: `${KASHA_DOCS}/Cards/Payin/Direct%20API%20Integration/ (3. Post a Payment)`,
		kind: 'moneyMove',
		outcome: 'payment',
		// "3. Post a Payment" sample: { statusCode: "000", resultType: "success", result: { transactionId } }
		evidence: needs(['statusCode'], ['transactionId']),
		why: 'charges the customer (card) or starts the local-method payment',
	},
	hostedCashierPayment: {
		method: 'POST',
		path: '/v2/payment-session',
		status: 'confirmed',
		source: `${KASHA_DOCS}/Cards/Payin/Hosted%20Cashier/ (POST /payment-session; Kasha's guides write /v2 paths without the prefix)`,
		kind: 'createOnce',
		outcome: 'payment session',
		evidence: needs(LINK_FIELDS),
		why: 'opens a payment session (30 minutes, one payment) and returns its cashier link: sent again it opens a second session',
	},
	hostedCashierPayout: {
		method: 'POST',
		path: '/v2/payout-session',
		status: 'inferred',
		source: `${PREDECESSOR}: POST /payout-session, with the same description as Kasha's payout "Get Hosted Cashier link"`,
		kind: 'createOnce',
		outcome: 'payout session',
		evidence: needs(LINK_FIELDS),
		why: 'opens a payout session (one payout per session) and returns its cashier link: sent again it opens a second session',
	},
	hybridPayment: {
		method: 'POST',
		path: '/v2/hybrid-payment',
		status: 'assumed',
		source: 'not found: the public hybrid-link guides stop before the step that returns the link',
		kind: 'createOnce',
		outcome: 'hybrid payment link',
		// "Hybrid Payment" sample: { statusCode: "300", resultType: "redirect", result: { transactionId } }
		evidence: needs(['transactionId', ...LINK_FIELDS]),
		why: 'preselects the option of a session and returns a cashier link; the path is assumed, so what a repeat does is unknown',
	},
	payoutOptions: {
		method: 'POST',
		path: '/v2/payout-options',
		status: 'inferred',
		source: `${PREDECESSOR}: POST /payout-options, same sentence as Kasha's "1. Initiate a Payout"`,
		kind: 'createOnce',
		outcome: 'payout session',
		// "1. Initiate a Payout" sample: [{ transactionId, sessionId, paymentOptions }]
		evidence: needs(['sessionId'], ['transactionId']),
		why: 'opens a payout session and a transaction: sent again it opens a second one',
	},
	payoutSuboptions: {
		method: 'POST',
		path: '/v2/payout-suboptions',
		status: 'inferred',
		source: 'Kasha\'s reference mentions "the payout-suboptions endpoint"; the /v2 prefix by analogy',
		kind: 'read',
		why: 'lists the sub-options and form inputs of a payout option; nothing is created',
	},
	createPayout: {
		method: 'POST',
		path: '/v2/direct-payout',
		status: 'inferred',
		source: `${PREDECESSOR}: POST /direct-payout, same "approved or declined from the merchant-portal" sentence as Kasha's "3. Create Payout"`,
		kind: 'moneyMove',
		outcome: 'payout',
		// "3. Create Payout" sample: { statusCode: 0, resultType: "success", result: { transactionId } }
		evidence: needs(['statusCode'], ['transactionId']),
		why: 'creates a PENDING payout; approving it (Confirm or the merchant portal) pays it, so a second one is a second payment waiting for approval',
	},
	settlePayout: {
		method: 'POST',
		path: '/v2/settle-payout',
		status: 'inferred',
		source: 'Kasha\'s reference names /settle-payout ("4. Confirm Payout"); the /v2 prefix by analogy',
		kind: 'moneyMove',
		outcome: 'payout confirmation',
		// "4. Confirm Payout" sample: { statusCode: "000", status: "PROCESSING", transactionId, merchantReference }
		evidence: needs(['status'], ['transactionId']),
		why: 'APPROVE submits the payout to the processor (the balance is debited); DECLINE rejects it for good',
	},
	refund: {
		method: 'POST',
		path: '/v2/refund/by-reference',
		status: 'inferred',
		source: `${PREDECESSOR}: POST /refund/by-reference, whose answer is identical to Kasha's "Refund by Reference" sample`,
		kind: 'moneyMove',
		outcome: 'refund',
		// "Refund by Reference" sample: { statusCode: "000", status: "REFUNDED", _id, paymentAmount, ... }
		evidence: needs(['status'], ['_id', 'transactionId']),
		why: 'returns the whole payment to the customer; cannot be undone',
	},
	transactionStatus: {
		method: 'GET',
		path: '/v2/payments/{transactionId}',
		status: 'inferred',
		source: `${PREDECESSOR}: GET /payments/{transactionId}, whose answer is identical to Kasha's "Get Transaction status" sample (200 and 404 answers)`,
		kind: 'read',
		why: 'GET of a transaction; changes nothing',
	},
} satisfies Record<string, KashaCallSpec> & CallTable;

export type KashaCallName = keyof typeof KASHA_CALLS;

/**
 * Result codes Kasha uses for answers that are not failures: "000" success, "300" redirect, "085" choice,
 * and /direct-payment's action codes 081-084 (QR code, build a request, receipt, info; see
 * DIRECT_PAYMENT_ACTIONS in actions/answers.ts).
 */
const SUCCESS_CODES = new Set(['0', '00', '000', '300', '85', '085', '081', '082', '083', '084', '81', '82', '83', '84']);

/** A scalar as trimmed text, or undefined when absent or empty (Kasha's answers and notifications). */
export const textOf = (value: unknown): string | undefined => asText(value).trim() || undefined;
const text = textOf;

function unwrap(body: unknown): IDataObject | undefined {
	const first = Array.isArray(body) ? body[0] : body;
	return first && typeof first === 'object' ? (first as IDataObject) : undefined;
}

/**
 * Kasha's failure in a response, or undefined for a success. The error shape is not in the
 * exported reference, so the code is looked for where Kasha's answers put codes (statusCode,
 * errorCode, code, error.code, result.errorCode) and the reason in errorReason / message / msg.
 */
export function parseKashaError(statusCode: number, raw: unknown): ProviderError | undefined {
	const body = unwrap(raw);
	const error = body?.error && typeof body.error === 'object' ? (body.error as IDataObject) : undefined;
	const result = body?.result && typeof body.result === 'object' ? (body.result as IDataObject) : undefined;
	// the predecessor API puts a decline's codes in result.errors[] (HTTP 2xx, resultType "error")
	const listed = Array.isArray(result?.errors) && result.errors[0] && typeof result.errors[0] === 'object' ? (result.errors[0] as IDataObject) : undefined;
	const code =
		text(body?.errorCode) ?? text(error?.code) ?? text(result?.errorCode) ?? text(listed?.code) ?? text(body?.statusCode) ?? text(body?.code);
	const normalized = code !== undefined && /^\d+$/.test(code) ? String(Number(code)) : code;
	const known = normalized !== undefined ? KASHA_ERRORS[normalized] : undefined;
	const providerReason =
		text(body?.errorReason) ?? text(error?.message) ?? text(result?.errorReason) ?? text(listed?.message) ?? text(body?.message) ?? text(body?.msg);
	const transactionId = text(result?.transactionId) ?? text(body?.transactionId);
	const where = transactionId ? ` Transaction ID: ${transactionId}.` : '';
	if (known) {
		const what = known.status === 'DECLINED' ? 'declined' : 'error';
		const says = providerReason && providerReason !== known.reason ? providerReason : undefined;
		return {
			code: normalized,
			message: `${what} ${normalized}: ${known.reason} (status ${known.status})${says ? ` ${says}` : ''}`,
			description: `${known.description}${says ? ` Kasha says: ${says}` : ''}${where}`,
		};
	}
	if (statusCode === 401 || statusCode === 403) {
		return {
			code: statusCode,
			message: providerReason && /signature/i.test(providerReason) ? 'the request signature was not accepted' : 'the API key was not accepted',
			description:
				'Check the API key, and that the API Key Header (and prefix) in the credential match your Kasha onboarding pack. If the credential has a Signature Secret Key, check that it is the one Kasha gave you (requests are signed with it).',
		};
	}
	const failedType = ['error', 'declined', 'failed', 'fail'].includes(String(body?.resultType ?? '').toLowerCase());
	if (statusCode >= 400 || failedType || (code !== undefined && !SUCCESS_CODES.has(code) && body?.resultType !== undefined)) {
		if (!providerReason && !code) return undefined; // generic HTTP handling by the shared transport
		return {
			code: code ?? statusCode,
			message: `${providerReason ?? 'request failed'}${code !== undefined ? ` (code ${code})` : ''}`,
			description: `Kasha refused the request (HTTP ${statusCode}).${where}`,
		};
	}
	return undefined;
}

export const kashaApi: ProviderApi = {
	displayName: 'Kasha',
	credentialType: 'kashaApi',
	baseUrl: kashaBaseUrl,
	parseError: parseKashaError,
	secretFields: ['apiKey', 'signatureSecretKey'],
};

/** What a call site adds to its KASHA_CALLS entry. */
export interface KashaCall extends Omit<ApiRequest, 'method' | 'path' | 'kind' | 'evidence'> {
	/** Values for {placeholders} in the entry's path. */
	pathParams?: Record<string, string>;
}

/**
 * Sends one Kasha call through the shared request path: method, path, kind, evidence and outcome come from
 * the KASHA_CALLS entry the call site names (`kashaRequest.call(this, KASHA_CALLS.refund, {...})`).
 */
export async function kashaRequest(
	this: ApiContext,
	spec: KashaCallSpec,
	call: KashaCall,
): Promise<ApiResponse<IDataObject | IDataObject[]>> {
	const { pathParams, ...rest } = call;
	const path = spec.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(pathParams?.[name] ?? ''));
	try {
		return (await apiRequest.call(this, kashaApi, callRequest(spec, { ...rest, method: spec.method, path }))) as ApiResponse<
			IDataObject | IDataObject[]
		>;
	} catch (error) {
		throw withKashaStatus(error);
	}
}

/** Adds Kasha's status (DECLINED / ERROR) and reason next to the code, for workflows that branch on them. */
export function withKashaStatus(error: unknown): unknown {
	if (error instanceof NodeApiError) {
		const known = KASHA_ERRORS[String(error.context.providerCode ?? '')];
		if (known) {
			error.context.providerStatus = known.status;
			error.context.providerReason = known.reason;
		}
	}
	return error;
}

/** The first object of a Kasha answer (payout answers come wrapped in an array). */
export function firstObject(body: unknown): IDataObject {
	return unwrap(body) ?? {};
}
