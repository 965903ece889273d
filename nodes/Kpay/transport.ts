import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import type { ApiContext, ApiRequest, ApiResponse, ProviderApi, ProviderError } from '../shared/transport';
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

/** Sends one request to KPAY through the shared request path. */
export async function kpayRequest(this: ApiContext, request: ApiRequest): Promise<ApiResponse<IDataObject>> {
	return (await apiRequest.call(this, kpayApi, request)) as ApiResponse<IDataObject>;
}
