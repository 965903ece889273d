import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import { KAZAWALLET_PRODUCTION_URL } from '../../credentials/KazawalletApi.credentials';
import type { ApiContext, ApiRequest, ApiResponse, CallKind, ProviderApi, ProviderError } from '../shared/transport';
import { apiRequest } from '../shared/transport';

/**
 * Plain-language hints for the error keys Kazawallet returns in `error.details.key`. Only
 * USER_NOT_FOUND is shown in public material; the others are assumed and only add a hint: the
 * provider's own message is always kept.
 */
export const KAZAWALLET_ERROR_HINTS: Record<string, string> = {
	USER_NOT_FOUND: 'No Kazawallet account exists for this email. Check the email address.',
	INSUFFICIENT_BALANCE: 'The wallet does not hold enough funds for this amount. Top it up and try again.',
	INVALID_CREDENTIALS: 'Check the API key, API secret and merchant email in the credential.',
	CARD_NOT_FOUND: 'No card with this id belongs to your merchant account. Use Card → Get Many to find it.',
	CARD_LOCKED: 'The card is locked. Unlock it first.',
	CARD_CANCELLED: 'The card was cancelled and can no longer be used.',
	INVALID_CODE: 'The 3DS code is wrong, expired or was already used.',
	GIFT_CARD_NOT_FOUND: 'No gift card has this code. Check the code.',
	GIFT_CARD_REDEEMED: 'This gift card was already redeemed.',
	GIFT_CARD_EXPIRED: 'This gift card has expired.',
	PAYMENT_METHOD_NOT_FOUND: 'The payment method id is unknown in this environment (development and production ids differ).',
};

/**
 * Kazawallet's two error shapes:
 * `{ error: { message, details: { key } } }` (any HTTP status) and `{ success: false, error: "message" }`
 * (also with HTTP 200). Anything else with HTTP 4xx/5xx is left to the shared generic message.
 */
export function parseKazawalletError(statusCode: number, body: unknown): ProviderError | undefined {
	const value = (body ?? {}) as IDataObject;
	const error = value.error;
	if (error && typeof error === 'object' && !Array.isArray(error)) {
		const nested = error as IDataObject;
		const key = ((nested.details as IDataObject | undefined)?.key ?? nested.code) as string | undefined;
		return {
			code: key,
			message: `${String(nested.message ?? 'Request failed')}${key ? ` (${key})` : ''}`,
			description: key ? KAZAWALLET_ERROR_HINTS[key] : undefined,
		};
	}
	if (value.success === false || value.success === 'false') {
		const message =
			typeof error === 'string' && error ? error : String(value.message ?? 'The request was not successful');
		return { message, description: hintForMessage(message, statusCode) };
	}
	if (statusCode === 401 || statusCode === 403) {
		return {
			message: 'the API key, API secret or merchant email was not accepted',
			description: KAZAWALLET_ERROR_HINTS.INVALID_CREDENTIALS,
		};
	}
	return undefined;
}

function hintForMessage(message: string, statusCode: number): string | undefined {
	if (statusCode === 401 || statusCode === 403 || /credential|api key|secret|unauthori/i.test(message)) {
		return KAZAWALLET_ERROR_HINTS.INVALID_CREDENTIALS;
	}
	if (/insufficient|not enough/i.test(message)) return KAZAWALLET_ERROR_HINTS.INSUFFICIENT_BALANCE;
	return undefined;
}

export function kazawalletBaseUrl(credentials: ICredentialDataDecryptedObject): string {
	if (credentials.environment === 'custom') return String(credentials.baseUrl ?? '');
	return KAZAWALLET_PRODUCTION_URL;
}

export const kazawalletApi: ProviderApi = {
	displayName: 'Kazawallet',
	credentialType: 'kazawalletApi',
	baseUrl: kazawalletBaseUrl,
	parseError: parseKazawalletError,
	secretFields: ['apiKey', 'apiSecret'],
};

/**
 * Every Kazawallet call and how it is sent (shared/transport.ts, CallKind). One table, used at every call site.
 *
 * Money moves (sent once, payment ledger per Idempotency Key): each one takes money from a wallet the
 * moment Kazawallet accepts it, and a second call takes it again.
 * - createWithdrawal: takes the amount out of the wallet (held until the withdrawal settles).
 * - createTransfer: merchant wallet → user wallet.
 * - issueCard (create-then-topup): charges the issue fee and the first top-up to the merchant wallet.
 * - createCardWithoutTopUp (deprecated create): charges the issue fee; a second call is a second card and fee.
 * - topUpCard: merchant wallet → card.
 * - createGiftCard: takes the gift card's amount out of the merchant wallet.
 *
 * Create-once (sent once, a lost answer is an unknown outcome; no ledger key because the call cannot move
 * money twice):
 * - createPaymentLink: creates a link the customer may pay; nothing moves until the customer pays, and an
 *   unpaid link times out (webhook "timed_out").
 * - createDeposit: creates a pending deposit request that the user then pays through the payment method;
 *   nothing moves at creation.
 * - cancelCard: the card's remaining balance goes back once; a second cancel is refused (CARD_CANCELLED),
 *   which the operation reconciles by looking the card up.
 * - validateCode: confirms a card payment the card holder started at a shop; the amount is the shop's, and
 *   the 3DS code is one-time at Kazawallet (a second use is refused), so the code is the provider's guard.
 * - redeemGiftCard: moves a gift card's value into a user account; a gift card is redeemed once
 *   (GIFT_CARD_REDEEMED), so the code is the provider's guard.
 * - lockCard / unlockCard: change a card's state, no money.
 *
 * Reads (retried): balances, rates, payment method fields, card list, card details, card transactions.
 */
export const KAZAWALLET_CALLS = {
	createPaymentLink: 'createOnce',
	createWithdrawal: 'moneyMove',
	createDeposit: 'createOnce',
	createTransfer: 'moneyMove',
	issueCard: 'moneyMove',
	createCardWithoutTopUp: 'moneyMove',
	topUpCard: 'moneyMove',
	cancelCard: 'createOnce',
	lockCard: 'createOnce',
	unlockCard: 'createOnce',
	validateCode: 'createOnce',
	createGiftCard: 'moneyMove',
	redeemGiftCard: 'createOnce',
	getRates: 'read',
	getBalances: 'read',
	getPaymentMethodFields: 'read',
	listCards: 'read',
	getCardDetails: 'read',
	getCardTransactions: 'read',
} as const satisfies Record<string, CallKind>;

/**
 * Evidence of success (ApiRequest.evidence). The reference's example answers were lost in its export;
 * what is known: Kazawallet's answers carry `success: true` (get-merchant-wallets, createDepositRequest)
 * and failures `success: false`; createPaymentLink answers the link as `url`; createDepositRequest the
 * request under `createdPayment.transaction_id`; cards are identified by an id like `kc-…`. An answer
 * without the evidence is an unknown outcome, never a success.
 */
export const KAZAWALLET_EVIDENCE = {
	/** `success: true` (the flag Kazawallet's answers carry). */
	success: (body: unknown): string | undefined => {
		const flag = ((body ?? {}) as IDataObject).success;
		return flag === true || flag === 'true' ? undefined : '"success": true';
	},
	/** The link to send to the customer. */
	paymentLink: (body: unknown): string | undefined => {
		const value = (body ?? {}) as IDataObject;
		const url = value.url ?? value.link;
		return typeof url === 'string' && url.trim() ? undefined : 'the payment link (url)';
	},
	/** The created request's id. */
	deposit: (body: unknown): string | undefined => {
		const created = ((body ?? {}) as IDataObject).createdPayment as IDataObject | undefined;
		const id = created && typeof created === 'object' ? created.transaction_id : undefined;
		return typeof id === 'string' || typeof id === 'number' ? undefined : 'createdPayment.transaction_id';
	},
	/** The new card's id (under card / data, or at the top). */
	card: (body: unknown): string | undefined => {
		const value = (body ?? {}) as IDataObject;
		const nested = (value.card ?? value.data) as IDataObject | undefined;
		const card = nested && typeof nested === 'object' && !Array.isArray(nested) ? nested : value;
		const id = card.id ?? card.cardId;
		return typeof id === 'string' && id.trim() ? undefined : 'the card id';
	},
	/** The gift card's code: without it the money is spent and the gift card cannot be handed out. */
	giftCard: (body: unknown): string | undefined => {
		const value = (body ?? {}) as IDataObject;
		const nested = (value.giftCard ?? value.data) as IDataObject | undefined;
		const code = (nested && typeof nested === 'object' ? nested.code : undefined) ?? value.code;
		return typeof code === 'string' && code.trim() ? undefined : 'the gift card code';
	},
};

/** Sends one request to Kazawallet through the shared request path (headers come from the credential). */
export async function kazawalletRequest(
	this: ApiContext,
	request: ApiRequest,
): Promise<ApiResponse<IDataObject>> {
	return (await apiRequest.call(this, kazawalletApi, request)) as ApiResponse<IDataObject>;
}

/** Payment method ids from the reference ("Payment Methods"), per environment. */
export const KAZAWALLET_PAYMENT_METHODS = {
	development: [
		{ id: '15', name: 'USDT-TRC20' },
		{ id: '13', name: 'USDT-BEP20' },
	],
	production: [
		{ id: '118', name: 'USDT-TRC20' },
		{ id: '116', name: 'USDT-ERC20' },
		{ id: '117', name: 'USDT-SOL' },
		{ id: '115', name: 'USDT-BEP20' },
	],
};

/** Card transaction state / webhook status codes (reference, "Transaction State" and "Status"). */
export const CARD_TRANSACTION_STATUS: Record<string, string> = {
	'1': 'Successful',
	'2': 'Failed',
	'3': 'In Process',
	'4': 'Posted',
	'5': 'Not Posted',
	'6': 'Payment Failed',
	'7': 'Cancelled',
};

/** Card transaction type codes (reference, "Type (details.type)"). */
export const CARD_TRANSACTION_TYPE: Record<string, string> = {
	'1': 'Recharge / Mortgage',
	'2': 'Consumption',
	'3': 'Refund',
	'4': 'Cash Withdrawal',
	'5': 'Redemption',
	'6': 'Management Fee',
	'7': 'Other',
	'8': 'Replacement',
	'9': 'Deactivate',
	'10': 'Refund Reversal',
};

/** Card transaction direction codes (reference, "Direction (details.direction)"). */
export const CARD_TRANSACTION_DIRECTION: Record<string, string> = { '1': 'Income', '2': 'Expense' };

/**
 * Adds `<field>Name` next to each status/state, type and direction code, so both the code and its
 * name are in the output (e.g. status 1 → statusName "Successful").
 */
export function withCodeNames(record: IDataObject): IDataObject {
	const result: IDataObject = { ...record };
	const name = (table: Record<string, string>, value: unknown) =>
		value === undefined || value === null ? undefined : table[String(value)];
	for (const field of ['status', 'state']) {
		const label = name(CARD_TRANSACTION_STATUS, record[field]);
		if (label) result[`${field}Name`] = label;
	}
	const type = name(CARD_TRANSACTION_TYPE, record.type);
	if (type) result.typeName = type;
	const direction = name(CARD_TRANSACTION_DIRECTION, record.direction);
	if (direction) result.directionName = direction;
	return result;
}

/** The first array found under one of `keys` of a response, or the response when it is an array. */
export function listFrom(body: unknown, keys: string[]): IDataObject[] {
	if (Array.isArray(body)) return body as IDataObject[];
	const value = (body ?? {}) as IDataObject;
	for (const key of keys) {
		if (Array.isArray(value[key])) return value[key] as IDataObject[];
		const nested = value[key] as IDataObject | undefined;
		if (nested && typeof nested === 'object') {
			for (const inner of keys) if (Array.isArray(nested[inner])) return nested[inner] as IDataObject[];
		}
	}
	return [];
}
