import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import type { ApiContext, ApiRequest, ApiResponse, CallKind, ProviderApi, ProviderError } from '../shared/transport';
import { apiRequest } from '../shared/transport';

/** Base URL used by independent integrations (provider-docs/README.md, KPAY). */
export const KPAY_PRODUCTION_URL = 'https://kpay.website/api/v1';

/**
 * Plain-language hints for KPAY's messages. KPAY answers errors FastAPI-style, `{ "detail": "..." }`
 * (or a list of field problems for 422); the reference lists no codes, so hints match the text.
 */
export const KPAY_ERROR_HINTS: Array<[RegExp, string]> = [
	[
		/insufficient|not enough|balance/i,
		'The withdrawal amount is above the available balance of this currency. Check Crypto Gateway → Get Balances and withdraw at most the available balance. Nothing was withdrawn.',
	],
	[/already verified/i, 'This transaction was verified before; KPAY verifies a payment only once.'],
	[/not paid|pending|expired/i, 'The payer has not paid this transaction (or it expired). Check its status first.'],
	[/not found/i, 'Check the ID or authority code: KPAY does not know it (or it belongs to another account).'],
	[/already (registered|exists)/i, 'This value is already registered with KPAY.'],
];

function detailText(detail: unknown): string | undefined {
	if (typeof detail === 'string') return detail;
	if (Array.isArray(detail)) {
		return detail
			.map((entry) => {
				const item = entry as { loc?: unknown[]; msg?: string };
				const field = Array.isArray(item.loc) ? item.loc.filter((part) => part !== 'body').join('.') : '';
				return field ? `${field}: ${item.msg ?? 'invalid'}` : (item.msg ?? JSON.stringify(entry));
			})
			.join('; ');
	}
	return undefined;
}

export function parseKpayError(statusCode: number, body: unknown): ProviderError | undefined {
	const answer = (body && typeof body === 'object' ? body : {}) as IDataObject;
	const nested = answer.error && typeof answer.error === 'object' ? (answer.error as IDataObject) : undefined;
	const text =
		detailText(answer.detail) ??
		(typeof answer.error === 'string' ? answer.error : undefined) ??
		(nested?.message as string | undefined) ??
		(statusCode >= 400 && typeof answer.message === 'string' ? answer.message : undefined);
	if (statusCode === 401 || statusCode === 403) {
		return {
			code: statusCode,
			message: text ?? 'the credential was not accepted',
			description:
				'KPAY refused the credential. With mobile number and password, check both (a fresh login was already tried once). With a shop API key, check that the key is current: regenerating it invalidates the old one.',
		};
	}
	if (statusCode < 400 && answer.success !== false) return undefined;
	// A 5xx leaves the outcome open: the shared request path reports it (as unknown for money calls).
	if (statusCode >= 500) return undefined;
	if (!text) return undefined;
	const hint = KPAY_ERROR_HINTS.find(([pattern]) => pattern.test(text));
	return {
		code: statusCode === 422 ? 'validation_error' : statusCode,
		message: text,
		description: hint?.[1] ?? (statusCode === 422 ? 'KPAY refused a field of this request.' : undefined),
	};
}

export function kpayBaseUrl(credentials: ICredentialDataDecryptedObject): string {
	return credentials.environment === 'custom' ? String(credentials.baseUrl ?? '') : KPAY_PRODUCTION_URL;
}

export const kpayApi: ProviderApi = {
	displayName: 'KPAY',
	credentialType: 'kpayApi',
	baseUrl: kpayBaseUrl,
	parseError: parseKpayError,
	secretFields: ['password', 'apiKey', 'accessToken'],
	// With mobile and password, a 401 makes n8n log in again and repeat the request once.
	renewOn401: (credentials) => credentials.authMode !== 'apiKey',
};

/**
 * Every KPAY call (reference: kpay.txt), classified once. Every call site names its entry
 * (`kind: KPAY_CALLS.createCard`):
 * - read: changes nothing, retried on network errors, 429 and 5xx. Login is a read: it only issues
 *   another token, so repeating it changes nothing that matters.
 * - createOnce: creates or changes something without moving money (an account, a card, a shop, a new
 *   API key); sent once, a lost answer is an unknown outcome. Card Add and Register reconcile an
 *   "already exists / already registered" answer by looking the object up (actions/card/create,
 *   actions/auth/register).
 * - moneyMove: sent once and guarded by the payment ledger: a payment request (a second one could be
 *   paid twice), the verification of a payment (KPAY verifies once; it is what marks an order paid),
 *   a crypto payment request and a crypto withdrawal.
 */
export const KPAY_CALLS = {
	register: 'createOnce',
	login: 'read',
	getMe: 'read',
	listShops: 'read',
	createShop: 'createOnce',
	regenerateKey: 'createOnce',
	listCards: 'read',
	createCard: 'createOnce',
	createTransaction: 'moneyMove',
	getPaymentInfo: 'read',
	verifyTransaction: 'moneyMove',
	checkTransaction: 'read',
	listTransactions: 'read',
	getCurrencies: 'read',
	createPayment: 'moneyMove',
	getPayment: 'read',
	getBalances: 'read',
	createWithdrawal: 'moneyMove',
} as const satisfies Record<string, CallKind>;

/** What a sent-once answer must carry: undefined when every field is there, else the missing ones. */
export function requireFields(...fields: string[]): (body: unknown) => string | undefined {
	return (body) => {
		const answer = (body && typeof body === 'object' && !Array.isArray(body) ? body : {}) as IDataObject;
		const missing = fields.filter((field) => answer[field] === undefined || answer[field] === null || answer[field] === '');
		return missing.length ? missing.join(' and ') : undefined;
	};
}

/** Sends one request to KPAY through the shared request path. */
export async function kpayRequest(this: ApiContext, request: ApiRequest): Promise<ApiResponse<IDataObject>> {
	return (await apiRequest.call(this, kpayApi, request)) as ApiResponse<IDataObject>;
}
