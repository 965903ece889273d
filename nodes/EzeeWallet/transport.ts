import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import type { ApiContext, ApiRequest, ApiResponse, CallKind, ProviderApi, ProviderError } from '../shared/transport';
import { apiRequest } from '../shared/transport';

/**
 * Every eZeeWallet call and how it is sent (shared/transport.ts, CallKind): reads are retried; money
 * moves are sent once, a lost or unreadable answer is an unknown outcome, and the payment ledger guards
 * them across runs. eZeeWallet has no call that creates something without moving money.
 */
export const EZEEWALLET_CALLS = {
	createTransfer: 'moneyMove', // POST /transfers_new
	createTransferLegacy: 'moneyMove', // POST /transfers
	listTransfers: 'read', // GET /transfers
	createRefund: 'moneyMove', // POST /refunds
	getTransaction: 'read', // GET /transaction (also the trigger's confirmation lookup)
	createSinglePayout: 'moneyMove', // POST /single_payouts_new
	createSinglePayoutLegacy: 'moneyMove', // POST /single_payouts
	createBatchPayout: 'moneyMove', // POST /batch_payouts_new
	createBatchPayoutLegacy: 'moneyMove', // POST /batch_payouts
	getAccount: 'read', // GET /account
} as const satisfies Record<string, CallKind>;

const isObject = (value: unknown): value is IDataObject =>
	typeof value === 'object' && value !== null && !Array.isArray(value);
const present = (value: unknown) => value !== undefined && value !== null && value !== '';

/**
 * What a success answer of each money move carries, from the reference's example answers and response
 * fields. Each returns undefined when the answer is evidence of success, else what is missing (the call
 * is then an unknown outcome, never a success).
 */
export const EZEEWALLET_EVIDENCE = {
	/** CreateTransfer (both endpoints): `transfer` with our transaction id and a status. */
	transfer: (idName: string, id: string) => (answer: unknown) => {
		const transfer = isObject(answer) ? answer.transfer : undefined;
		if (!isObject(transfer) || !present(transfer.status)) return 'transfer with a status';
		if (String(transfer[idName]) !== id) return `transfer with ${idName} "${id}"`;
		return undefined;
	},
	/** CreateRefund: `refund` with our merchant transaction id and a status. */
	refund: (id: string) => (answer: unknown) => {
		const refund = isObject(answer) ? answer.refund : undefined;
		if (!isObject(refund) || !present(refund.status)) return 'refund with a status';
		if (String(refund.merchant_transaction_id) !== id) return `refund with merchant_transaction_id "${id}"`;
		return undefined;
	},
	/** Single payouts: the new endpoint answers ezw_reference_id and a status, the legacy one unique_id and a status. */
	singlePayout: (answer: unknown) =>
		isObject(answer) && (present(answer.ezw_reference_id) || present(answer.unique_id)) && present(answer.status)
			? undefined
			: 'payout id and status',
	/** Batch payouts, new endpoint: one line per recipient (`unique_ids`) and a status. */
	batchPayout: (answer: unknown) =>
		isObject(answer) && Array.isArray(answer.unique_ids) && present(answer.status)
			? undefined
			: 'result lines (unique_ids) and status',
	/** Batch payouts, legacy endpoint: the batch's unique_id and a status. */
	batchPayoutLegacy: (answer: unknown) =>
		isObject(answer) && present(answer.unique_id) && present(answer.status) ? undefined : 'batch unique_id and status',
};

/** Base URLs from the reference ("Endpoint paths"). */
export const EZEEWALLET_BASE_URLS = {
	staging: 'https://stg.ezeewallet.com/api',
	production: 'https://ezeewallet.com/api',
} as const;

/**
 * The reference's error table (codes 401-427 and 500), each with what the operator can do about it.
 * The provider's own message is kept; this adds the plain-language hint.
 */
export const EZEEWALLET_ERRORS: Record<number, string> = {
	401: 'A parameter is missing or invalid. Check the required fields of this operation.',
	402: "The consumer's wallet email or password is wrong.",
	403: "The consumer's wallet is not allowed to make this transaction.",
	404: 'Your merchant wallet is disabled. Contact eZeeWallet support.',
	405: 'No eZeeWallet account exists for the target email address.',
	406: "The target wallet is not allowed to receive this transaction.",
	407: 'Neither wallet holds this currency. Use a currency both wallets support.',
	408: 'This transaction ID was already used. Use a new, unique transaction ID (nothing was charged twice).',
	409: 'The consumer would need to top up more than the maximum deposit amount.',
	410: 'The two wallets belong to different industry types, which eZeeWallet does not allow.',
	412: 'Payouts for your merchant account are suspended. Contact eZeeWallet support.',
	413: 'One of the payout amounts is not a whole number of minor units.',
	414: 'Your merchant wallet does not hold enough funds for this payout. Top it up and try again.',
	415: 'The payout threshold limit for your account was exceeded.',
	416: 'No record was found for this reference.',
	417: 'The payout request timed out and can no longer be approved.',
	418: 'The payout request failed and can no longer be approved.',
	419: 'The payout request was declined and can no longer be approved.',
	420: 'The payout request was already approved.',
	421: 'The payout request was already declined.',
	422: "You are not allowed to transact with consumers from this consumer's country.",
	423: 'The source wallet account was not found.',
	424: 'One payout currency does not match the currency of your wallets.',
	425: 'The payout currency does not match the currency of your wallets.',
	426: "The consumer's wallet uses a different currency than the payout.",
	427: 'The payout amount is not a whole number of minor units.',
	500: 'eZeeWallet had an internal error. If this call moves money, check its status before retrying.',
};

export function parseEzeeWalletError(statusCode: number, body: unknown): ProviderError | undefined {
	const error = (body as { error?: { code?: string | number; message?: string } } | undefined)?.error;
	if (error && typeof error === 'object') {
		const code = Number(error.code);
		return {
			code: error.code,
			message: `${error.message ?? 'Request failed'}${error.code !== undefined ? ` (code ${error.code})` : ''}`,
			description: EZEEWALLET_ERRORS[code],
		};
	}
	if (statusCode === 401 || statusCode === 403) {
		return {
			message: 'the API username or password was not accepted',
			description: "Check the credential: use the API details from the 'Merchant API Details' tab.",
		};
	}
	return undefined;
}

export function ezeeWalletBaseUrl(credentials: ICredentialDataDecryptedObject): string {
	const environment = credentials.environment as string;
	if (environment === 'custom') return String(credentials.baseUrl ?? '');
	return EZEEWALLET_BASE_URLS[environment as keyof typeof EZEEWALLET_BASE_URLS] ?? EZEEWALLET_BASE_URLS.production;
}

export const ezeeWalletApi: ProviderApi = {
	displayName: 'eZeeWallet',
	credentialType: 'ezeeWalletApi',
	baseUrl: ezeeWalletBaseUrl,
	parseError: parseEzeeWalletError,
	secretFields: ['password'],
};

/** Sends one request to eZeeWallet through the shared request path. */
export async function ezeeWalletRequest(
	this: ApiContext,
	request: ApiRequest,
): Promise<ApiResponse<IDataObject>> {
	return (await apiRequest.call(this, ezeeWalletApi, request)) as ApiResponse<IDataObject>;
}
