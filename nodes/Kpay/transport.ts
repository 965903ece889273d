import type { IDataObject } from 'n8n-workflow';

import { kpayBaseUrl } from '../../credentials/KpayApi.credentials';
import type { ApiContext, ApiRequest, ApiResponse, CallSpec, CallTable, ProviderApi, ProviderError } from '../shared/transport';
import { apiRequest, callRequest, requireFields } from '../shared/transport';

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
 * Every KPAY call, classified once (reference: KPAY API Documentation, section and endpoint named in
 * each `why`). Call sites name their entry; kind, evidence and outcome come only from here.
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
	register: {
		kind: 'createOnce',
		why: 'Authentication, Register (POST /auth/register): creates an account; a repeat is refused as "already registered"',
		evidence: requireFields(['access_token']),
		outcome: 'registration',
	},
	login: { kind: 'read', why: 'Authentication, Login (POST /auth/login): issues tokens and changes nothing else' },
	getMe: { kind: 'read', why: 'Authentication, Get Current User (GET /auth/me)' },
	listShops: { kind: 'read', why: 'Shops, List Shops (GET /shops)' },
	createShop: {
		kind: 'createOnce',
		why: 'Shops, Create Shop (POST /shops): a repeat would create a second shop; it moves no money',
		evidence: requireFields(['id'], ['api_key']),
		outcome: 'shop creation',
	},
	regenerateKey: {
		kind: 'createOnce',
		why: 'Shops, Regenerate API Key (POST /shops/{id}/regenerate-key): replaces the key; running it again on purpose is the way out of a lost answer, so no ledger',
		evidence: requireFields(['api_key']),
		outcome: 'API key regeneration',
	},
	listCards: { kind: 'read', why: 'Cards, List Cards (GET /cards)' },
	createCard: {
		kind: 'createOnce',
		why: 'Cards, Add Card (POST /cards): adds a card; a repeat is refused as "already exists"',
		evidence: requireFields(['id']),
		outcome: 'card registration',
	},
	createTransaction: {
		kind: 'moneyMove',
		why: 'Transactions, Create Transaction (POST /transactions/create): a second payment request could be paid twice',
		// the answer carries id, authority, amounts, status "pending" and payment_url
		evidence: requireFields(['authority'], ['payment_url']),
		outcome: 'payment request',
	},
	getPaymentInfo: { kind: 'read', why: 'Transactions, Get Payment Info (GET /transactions/payment/{authority}, public)' },
	verifyTransaction: {
		kind: 'moneyMove',
		why: 'Transactions, Verify Transaction (POST /transactions/verify): KPAY verifies once, and it is what marks an order paid',
		// the answer carries id, authority, status, amount and paid_at (the authority must be the one sent:
		// checked at the call site, actions/transaction/verify.operation.ts)
		evidence: requireFields(['authority'], ['status'], ['amount']),
		outcome: 'verification',
	},
	checkTransaction: { kind: 'read', why: 'Transactions, Check Status (GET /transactions/check/{authority}, public)' },
	listTransactions: { kind: 'read', why: 'Transactions, List Transactions (GET /transactions)' },
	getCurrencies: { kind: 'read', why: 'Crypto Gateway, Supported Currencies (GET /gateway/currencies, public)' },
	createPayment: {
		kind: 'moneyMove',
		why: 'Crypto Gateway, Create Crypto Payment (POST /gateway/payments): a second payment request could be paid twice',
		// the answer carries id, order_id, currency, requested_amount, deposit_address, status, payment_url
		evidence: requireFields(['id'], ['status']),
		outcome: 'payment',
	},
	getPayment: { kind: 'read', why: 'Crypto Gateway, Get Payment Status (GET /gateway/payments/{id}, public)' },
	getBalances: { kind: 'read', why: 'Crypto Gateway, Get Merchant Balances (GET /gateway/balances)' },
	createWithdrawal: {
		kind: 'moneyMove',
		why: 'Crypto Gateway, Request Withdrawal (POST /gateway/withdrawals): moves funds out',
		// the answer carries id, currency, amount, fee, net_amount, destination_address, status "pending"
		evidence: requireFields(['id'], ['status']),
		outcome: 'withdrawal',
	},
} satisfies CallTable;

export interface KpayRequest extends Omit<ApiRequest, 'kind' | 'evidence'> {
	/**
	 * What ties a sent-once answer to THIS request (the authority or order ID sent), checked after the
	 * call's evidence from the table: undefined when it matches, else what is missing.
	 */
	matches?: (body: unknown) => string | undefined;
}

/** Sends one KPAY call, named by its `KPAY_CALLS` entry, through the shared request path. */
export async function kpayRequest(this: ApiContext, call: CallSpec, request: KpayRequest): Promise<ApiResponse<IDataObject>> {
	const { matches, ...rest } = request;
	const built = callRequest(call, rest);
	if (matches) {
		const evidence = built.evidence;
		built.evidence = (body) => evidence?.(body) ?? matches(body);
	}
	return (await apiRequest.call(this, kpayApi, built)) as ApiResponse<IDataObject>;
}
