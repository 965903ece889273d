import type { IDataObject } from 'n8n-workflow';

import { kazawalletBaseUrl } from '../../credentials/KazawalletApi.credentials';
import type { ApiContext, ApiRequest, ApiResponse, CallSpec, CallTable, ProviderApi, ProviderError } from '../shared/transport';
import { apiRequest, callRequest, requireFieldsIn } from '../shared/transport';

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

export const kazawalletApi: ProviderApi = {
	displayName: 'Kazawallet',
	credentialType: 'kazawalletApi',
	baseUrl: kazawalletBaseUrl,
	parseError: parseKazawalletError,
	secretFields: ['apiKey', 'apiSecret'],
};

/**
 * Evidence of success. The reference's example answers were lost in its export; what is known (reference,
 * "Create Deposit Request" and "Get Merchant Wallets"; Kazawallet's public merchant API page): answers carry
 * `success: true` and failures `success: false`; createPaymentLink answers the link as `url`;
 * createDepositRequest the request under `createdPayment.transaction_id`; cards are identified by an id
 * like `kc-…`. An answer without the evidence is an unknown outcome, never a success.
 */
const successFlag = (body: unknown): string | undefined => {
	const flag = ((body ?? {}) as IDataObject).success;
	return flag === true || flag === 'true' ? undefined : '"success": true';
};

/** The object under the first of `keys` that holds one, else the answer itself. */
const nestedOr = (keys: string[]) => (body: unknown): IDataObject => {
	const value = (body ?? {}) as IDataObject;
	for (const key of keys) {
		const nested = value[key];
		if (nested && typeof nested === 'object' && !Array.isArray(nested)) return nested as IDataObject;
	}
	return value;
};

const EVIDENCE = {
	success: successFlag,
	/** The link to send to the customer. */
	paymentLink: requireFieldsIn(nestedOr([]), ['url', 'link']),
	/** The created request's id. */
	deposit: requireFieldsIn((body) => {
		const created = ((body ?? {}) as IDataObject).createdPayment;
		return created && typeof created === 'object' && !Array.isArray(created) ? (created as IDataObject) : undefined;
	}, ['transaction_id']),
	/** The new card's id (under card / data, or at the top). */
	card: requireFieldsIn(nestedOr(['card', 'data']), ['id', 'cardId']),
	/** The gift card's code: without it the money is spent and the gift card cannot be handed out. */
	giftCard: (body: unknown): string | undefined => {
		const value = (body ?? {}) as IDataObject;
		const nested = nestedOr(['giftCard', 'data'])(body);
		const code = nested.code ?? value.code;
		return typeof code === 'string' && code.trim() ? undefined : 'the gift card code';
	},
};

/**
 * Every Kazawallet call and how it is sent (shared/transport.ts, CallSpec). Call sites name the entry.
 *
 * Money moves are sent once and guarded by the payment ledger per Idempotency Key: each takes money from a
 * wallet the moment Kazawallet accepts it, and a second call takes it again. Create-once calls are sent
 * once (a lost answer is an unknown outcome) and have no ledger key because they cannot move money twice.
 * Reads are retried.
 */
export const KAZAWALLET_CALLS = {
	createPaymentLink: {
		kind: 'createOnce',
		why: 'creates a link the customer may pay; nothing moves until the customer pays, and an unpaid link times out (webhook "timed_out")',
		evidence: EVIDENCE.paymentLink,
		outcome: 'payment link creation',
	},
	createWithdrawal: {
		kind: 'moneyMove',
		why: 'takes the amount out of the wallet (held until the withdrawal settles)',
		evidence: EVIDENCE.success,
		outcome: 'withdrawal',
	},
	createDeposit: {
		kind: 'createOnce',
		why: 'creates a pending deposit request that the user then pays through the payment method; nothing moves at creation',
		evidence: EVIDENCE.deposit,
		outcome: 'deposit request',
	},
	createTransfer: {
		kind: 'moneyMove',
		why: 'moves money from the merchant wallet to a user wallet',
		evidence: EVIDENCE.success,
		outcome: 'transfer',
	},
	issueCard: {
		kind: 'moneyMove',
		why: 'charges the issue fee and the first top-up to the merchant wallet',
		evidence: EVIDENCE.card,
		outcome: 'card issue (fee and first top-up)',
	},
	createCardWithoutTopUp: {
		kind: 'moneyMove',
		why: 'charges the issue fee; a second call is a second card and a second fee',
		evidence: EVIDENCE.card,
		outcome: 'card creation (issue fee)',
	},
	topUpCard: {
		kind: 'moneyMove',
		why: 'moves money from the merchant wallet to the card',
		evidence: EVIDENCE.success,
		outcome: 'card top-up',
	},
	cancelCard: {
		kind: 'createOnce',
		why: 'the card\'s remaining balance goes back once; a second cancel is refused (CARD_CANCELLED), which the operation reconciles by looking the card up',
		evidence: EVIDENCE.success,
		outcome: 'card cancellation',
	},
	lockCard: { kind: 'createOnce', why: 'changes the card\'s state, no money', evidence: EVIDENCE.success, outcome: 'card lock' },
	unlockCard: { kind: 'createOnce', why: 'changes the card\'s state, no money', evidence: EVIDENCE.success, outcome: 'card unlock' },
	validateCode: {
		kind: 'createOnce',
		why: 'confirms a card payment the card holder started at a shop (the shop\'s amount); the 3DS code is one-time at Kazawallet, so the code is the provider\'s guard',
		evidence: EVIDENCE.success,
		outcome: '3DS confirmation',
	},
	createGiftCard: {
		kind: 'moneyMove',
		why: 'takes the gift card\'s amount out of the merchant wallet',
		evidence: EVIDENCE.giftCard,
		outcome: 'gift card purchase',
	},
	redeemGiftCard: {
		kind: 'createOnce',
		why: 'moves a gift card\'s value into a user account once (GIFT_CARD_REDEEMED), so the code is the provider\'s guard',
		evidence: EVIDENCE.success,
		outcome: 'gift card redemption',
	},
	getRates: { kind: 'read', why: 'reads the exchange rates' },
	getBalances: { kind: 'read', why: 'reads the merchant wallets' },
	getPaymentMethodFields: { kind: 'read', why: 'reads a payment method\'s fields' },
	listCards: { kind: 'read', why: 'reads the merchant\'s cards' },
	getCardDetails: { kind: 'read', why: 'reads one card' },
	getCardTransactions: { kind: 'read', why: 'reads a card\'s transactions' },
} satisfies CallTable;

/**
 * Sends one Kazawallet call through the shared request path (headers come from the credential); kind,
 * evidence and outcome come from its KAZAWALLET_CALLS entry.
 */
export async function kazawalletRequest(
	this: ApiContext,
	call: CallSpec,
	request: Omit<ApiRequest, 'kind' | 'evidence'>,
): Promise<ApiResponse<IDataObject>> {
	return (await apiRequest.call(this, kazawalletApi, callRequest(call, request))) as ApiResponse<IDataObject>;
}
