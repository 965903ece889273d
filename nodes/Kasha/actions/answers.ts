import type { IDataObject } from 'n8n-workflow';

import { moneyOf } from '../../shared/output';
import { asText } from '../../shared/validation';
import { LINK_FIELDS } from '../transport';
import { withoutCardData } from './card';

// Shaping Kasha's answers into output items. Kasha answers { statusCode, resultType, result: {...} }
// (payout answers inside an array); amounts are major-unit decimals ("paymentAmount": 10).

/**
 * The answer flattened into one item (`result`'s fields on top). Secrets and card data Kasha might echo
 * are removed by field name at any depth.
 */
export function shapeResult(body: unknown): IDataObject {
	const first = (Array.isArray(body) ? body[0] : body) as IDataObject | undefined;
	if (!first || typeof first !== 'object') return {};
	const { result, ...rest } = first;
	if (result && typeof result === 'object' && !Array.isArray(result)) return withoutCardData({ ...rest, ...(result as IDataObject) });
	if (result !== undefined) return withoutCardData({ ...rest, result });
	return withoutCardData({ ...rest });
}

/**
 * `money` (major-unit amount and currency) next to the provider's amount, which stays untouched:
 * `paymentAmount` or `amount` of the answer, else the amount the node sent.
 */
export function withMoneyOf(item: IDataObject, sent?: { amount?: unknown; currency?: unknown }): IDataObject {
	const currency = asText(item.currency) || asText(sent?.currency);
	const value = item.paymentAmount ?? item.amount ?? sent?.amount;
	const money = moneyOf(value, currency, 'major');
	return money ? { ...item, money } : item;
}

/** A hosted cashier / hybrid link answer, with the link always in `url` whatever Kasha calls it. */
export function withCashierLink(result: IDataObject): IDataObject {
	const name = LINK_FIELDS.find((field) => typeof result[field] === 'string' && result[field] !== '');
	return name && name !== 'url' ? { ...result, url: result[name] } : result;
}

/**
 * /direct-payment result codes that ask the workflow to do something (the predecessor API's action codes):
 * the answer is a success, with `action` saying what to do.
 */
export const DIRECT_PAYMENT_ACTIONS: Record<string, string> = {
	'300': 'redirect',
	'081': 'qrCode',
	'082': 'buildRequest',
	'083': 'uploadReceipt',
	'084': 'showInfo',
};

/** The `action` for a /direct-payment answer's statusCode ("81" or 81 count as "081"), or undefined. */
export function directPaymentAction(statusCode: unknown): string | undefined {
	const code = asText(statusCode).trim();
	if (!/^\d{1,3}$/.test(code)) return undefined;
	return DIRECT_PAYMENT_ACTIONS[code.padStart(3, '0')];
}

/**
 * An opened session (Initiate Payment / Payout): the ids the next steps take from the incoming item at
 * the top (sessionId, transactionId, paymentOptions), the merchant reference and amount that were sent,
 * and Kasha's answer under `response`. (Kasha's sample writes the transaction ID with a trailing comma.)
 */
export function sessionSummary(body: unknown, sent: IDataObject): IDataObject {
	const response = shapeResult(body);
	const transactionId = asText(response.transactionId).replace(/,$/, '') || undefined;
	const money = moneyOf(sent.amount, sent.currency, 'major');
	return {
		sessionId: response.sessionId,
		transactionId,
		paymentOptions: Array.isArray(response.paymentOptions) ? response.paymentOptions : [],
		merchantReference: sent.merchantReference,
		...(money ? { money } : {}),
		response,
	};
}
