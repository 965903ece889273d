import type { IDataObject } from 'n8n-workflow';

import { ezeeWalletBaseUrl } from '../../credentials/EzeeWalletApi.credentials';
import type { ApiContext, ApiRequest, ApiResponse, CallSpec, CallTable, ProviderApi, ProviderError } from '../shared/transport';
import { apiRequest, callRequest, providerFailure, requireFields, requireFieldsIn, unknownOutcomeMessage } from '../shared/transport';

const isObject = (value: unknown): value is IDataObject =>
	typeof value === 'object' && value !== null && !Array.isArray(value);
const present = (value: unknown) => value !== undefined && value !== null && value !== '';

/** The object under `key` of an answer (`transfer`, `refund`), or undefined. */
const under = (key: string) => (body: unknown) => {
	const value = isObject(body) ? body[key] : undefined;
	return isObject(value) ? value : undefined;
};

/**
 * Every eZeeWallet call, how it is sent and what a success answer must carry (shared/transport.ts,
 * CallSpec). Section titles are the reference's (eZeeWallet API 1.3.7). Reads are retried; money moves
 * are sent once, a lost or evidence-less answer is an unknown outcome, and the payment ledger guards them
 * across runs. eZeeWallet has no call that creates something without moving money (no `createOnce`).
 */
export const EZEEWALLET_CALLS = {
	createTransfer: {
		kind: 'moneyMove',
		why: '"CreateTransfer New Endpoint" (POST /transfers_new) charges the consumer\'s wallet',
		// the answer's `transfer` has our id and a status; answerNamesId checks it is our id
		evidence: requireFieldsIn(under('transfer'), ['merchant_transaction_id'], ['status']),
		outcome: 'transfer',
	},
	createTransferLegacy: {
		kind: 'moneyMove',
		why: '"CreateTransfer" (POST /transfers), the original endpoint, charges the consumer\'s wallet',
		evidence: requireFieldsIn(under('transfer'), ['transaction_id'], ['status']),
		outcome: 'transfer',
	},
	listTransfers: {
		kind: 'read',
		why: '"ListTransfers" (GET /transfers) only reads; also the credential test and the editor\'s transfer lists',
	},
	createRefund: {
		kind: 'moneyMove',
		why: '"CreateRefund" (POST /refunds) sends money back from the merchant wallet to the consumer',
		evidence: requireFieldsIn(under('refund'), ['merchant_transaction_id'], ['status']),
		outcome: 'refund',
	},
	getTransaction: {
		kind: 'read',
		why: '"List Transactions" (GET /transaction) only reads; also the trigger\'s confirmation lookup',
	},
	createSinglePayout: {
		kind: 'moneyMove',
		why: '"Single Payouts New Endpoint" (POST /single_payouts_new) pays a consumer from the merchant wallet',
		// the new endpoint answers ezw_reference_id and a status (unique_id accepted as well)
		evidence: requireFields(['ezw_reference_id', 'unique_id'], ['status']),
		outcome: 'payout',
	},
	createSinglePayoutLegacy: {
		kind: 'moneyMove',
		why: '"Create Single Payout" (POST /single_payouts), the original endpoint, pays a consumer',
		evidence: requireFields(['unique_id', 'ezw_reference_id'], ['status']),
		outcome: 'payout',
	},
	createBatchPayout: {
		kind: 'moneyMove',
		why: '"Batch Payouts New Endpoint" (POST /batch_payouts_new) pays many consumers in one request',
		// one result line per recipient (`unique_ids`) and a status
		evidence: (body) =>
			isObject(body) && Array.isArray(body.unique_ids) && present(body.status) ? undefined : 'result lines (unique_ids) and status',
		outcome: 'batch payout',
	},
	createBatchPayoutLegacy: {
		kind: 'moneyMove',
		why: '"Batch Payouts" (POST /batch_payouts), the original endpoint, pays many consumers in one request',
		// one unique_id and status for the whole batch
		evidence: (body) => (isObject(body) && present(body.unique_id) && present(body.status) ? undefined : 'batch unique_id and status'),
		outcome: 'batch payout',
	},
	getAccount: {
		kind: 'read',
		why: '"Get Account Data" (GET /account) only reads a consumer\'s account',
	},
} satisfies CallTable;

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

export const ezeeWalletApi: ProviderApi = {
	displayName: 'eZeeWallet',
	credentialType: 'ezeeWalletApi',
	baseUrl: ezeeWalletBaseUrl,
	parseError: parseEzeeWalletError,
	secretFields: ['password'],
};

/**
 * Sends one call of EZEEWALLET_CALLS through the shared request path: its kind, evidence and outcome
 * come only from the table.
 */
export async function ezeeWalletRequest(
	this: ApiContext,
	call: CallSpec,
	request: Omit<ApiRequest, 'kind' | 'evidence'>,
): Promise<ApiResponse<IDataObject>> {
	return (await apiRequest.call(this, ezeeWalletApi, callRequest(call, request))) as ApiResponse<IDataObject>;
}

/**
 * Transfers and refunds answer the transaction id we sent ("CreateTransfer", "CreateRefund" example
 * answers). An answer that names another id is no evidence that ours was made: an unknown outcome, as
 * an answer without evidence is (the Idempotency Key stays held). Returns the answer's object.
 */
export function requireOwnId(
	this: ApiContext,
	call: CallSpec,
	answer: IDataObject,
	idName: string,
	id: string,
	request: { itemIndex: number; reference: string },
): IDataObject {
	if (String(answer[idName]) === id) return answer;
	throw providerFailure(
		this,
		ezeeWalletApi,
		[],
		request.itemIndex,
		unknownOutcomeMessage(
			{ kind: call.kind, outcome: call.outcome, reference: request.reference },
			`eZeeWallet answered without evidence of success (its answer names ${idName} "${String(answer[idName])}", not "${id}").`,
		),
		{ unknown: true },
	);
}
