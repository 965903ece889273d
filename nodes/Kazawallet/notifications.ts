import type { IDataObject } from 'n8n-workflow';

import { CRYPTO_CURRENCIES, currencyExponent } from '../shared/money';
import { asText } from '../shared/validation';

/**
 * What a Kazawallet notification is. Only the payment-link payload and the card events' `details` are
 * documented; the envelope of card events ("Webhook Body (always)") and the withdrawal and deposit
 * webhook bodies were lost in the export. The assumptions, all in this one function:
 * - payment link: has `order_id` and `secret` (documented);
 * - card event: the event name under `event` (or `type`/`eventType`), one of CARD_EVENTS, the data under
 *   `details` (or `data`), the card id under `cardId`/`card_id` at the top or in the details;
 * - withdrawal / deposit: `type` says "withdrawal"/"deposit", or the transaction id starts with
 *   "de-" (deposit, as createDepositRequest answers) or "wd-"/"wr-"/"wi-" (withdrawal).
 */
export type NotificationKind = 'paymentLink' | 'card' | 'withdrawal' | 'deposit' | 'unknown';

export const CARD_EVENTS = ['CC_CONSUME', 'CC_REFUND', 'CC_RECHARGE', '3DS_CONFIRM'] as const;

export interface Classified {
	kind: NotificationKind;
	event: string;
	cardId?: string;
	details: IDataObject;
	transactionId?: string;
}

export function classifyNotification(fields: IDataObject): Classified {
	if (fields.order_id !== undefined || fields.secret !== undefined) {
		return { kind: 'paymentLink', event: `paymentLink.${asText(fields.status)}`, details: fields };
	}
	const eventName = asText(fields.event) || asText(fields.eventType) || asText(fields.type);
	// the event name exactly as Kazawallet spells it: "cc_consume" or " CC_CONSUME" is not a card event
	if (eventName && (CARD_EVENTS as readonly string[]).includes(eventName)) {
		const rawDetails = fields.details ?? fields.data;
		let details: IDataObject = {};
		if (rawDetails && typeof rawDetails === 'object' && !Array.isArray(rawDetails)) details = rawDetails as IDataObject;
		else if (typeof rawDetails === 'string') {
			try {
				details = JSON.parse(rawDetails) as IDataObject;
			} catch {
				details = {};
			}
		}
		const cardId = asText(fields.cardId) || asText(fields.card_id) || asText(details.cardId) || asText(details.card_id) || undefined;
		return { kind: 'card', event: eventName, cardId, details };
	}
	const container = (fields.data && typeof fields.data === 'object' ? fields.data : fields) as IDataObject;
	const transactionId =
		asText(container.transaction_id) || asText(container.transactionId) || asText(container.id) || undefined;
	const type = String(asText(fields.type) || asText(container.type)).toLowerCase();
	if (type.startsWith('withdraw') || /^(wd|wr|wi)-/i.test(transactionId ?? '')) {
		return { kind: 'withdrawal', event: 'withdrawal', details: container, transactionId };
	}
	if (type.startsWith('deposit') || /^de-/i.test(transactionId ?? '')) {
		return { kind: 'deposit', event: 'deposit', details: container, transactionId };
	}
	return { kind: 'unknown', event: '', details: fields };
}

/** The last four digits of a (masked) card number, or '' when there are none. */
export function lastFour(value: unknown): string {
	const digits = String(value ?? '').replace(/\D/g, '');
	return digits.length >= 4 ? digits.slice(-4) : '';
}

// Checking an unsigned card event against Kazawallet's record of the transaction (Kazawallet Trigger).
// Kept here, not in the trigger's file: a node file exports only its node class.

/**
 * The transaction types each card event may carry (reference, "Type (details.type)"). The reference does not
 * pair events with types; this is the one place that does: a consumption event is a consumption (2), a cash
 * withdrawal (4) or a management fee (6); a refund is a refund (3); a recharge a recharge (1). An event whose
 * type is not listed for it is refused before any look-up.
 */
export const CARD_EVENT_TYPES: Record<string, readonly string[]> = {
	CC_CONSUME: ['2', '4', '6'],
	CC_REFUND: ['3'],
	CC_RECHARGE: ['1'],
};

/**
 * Status 4 (POSTED): the transaction has settled. Kazawallet sends no webhook for it (reference, "status"),
 * so an event that says 4 is forged; and an event for a settled transaction states an earlier status,
 * which no longer matches the record. Either way a settled transaction cannot start the workflow again.
 */
export const SETTLED_STATUS = '4';

/** A currency code as Kazawallet writes it (USD, USDT): upper-case letters only. */
const CURRENCY = /^[A-Z]{3,5}$/;

/** Decimals of a card or wallet currency (crypto such as USDT: 8). */
export function currencyDecimals(currency: string): number {
	return CRYPTO_CURRENCIES.has(currency) ? 8 : currencyExponent(currency);
}

/**
 * An amount as money, in minor units of `currency` (a string of digits), or undefined when it is not
 * written as a plain amount of that currency: no sign, exponent, spaces, separators, leading zeros or
 * leading/trailing dot, at most the currency's decimals. Kazawallet writes amounts as strings; a JSON
 * number is refused.
 */
export function moneyMinor(value: unknown, currency: string): string | undefined {
	if (typeof value !== 'string' || !CURRENCY.test(currency)) return undefined;
	const decimals = currencyDecimals(currency);
	const match = /^(0|[1-9]\d*)(?:\.(\d+))?$/.exec(value);
	if (!match) return undefined;
	const fraction = match[2] ?? '';
	if (fraction.length > decimals) return undefined;
	return `${match[1]}${fraction.padEnd(decimals, '0')}`.replace(/^0+(?=\d)/, '');
}

/** A code of the reference's tables (type, status, direction): an integer ≥ 1, as a JSON number or digits. */
export function codeOf(value: unknown): string | undefined {
	if (typeof value === 'number') return Number.isSafeInteger(value) && value >= 1 ? String(value) : undefined;
	if (typeof value === 'string' && /^[1-9]\d{0,5}$/.test(value)) return value;
	return undefined;
}

/** Unix milliseconds as an integer (JSON number or digits); no other spelling of a time. */
export function millisOf(value: unknown): string | undefined {
	if (typeof value === 'number') return Number.isSafeInteger(value) && value >= 0 ? String(value) : undefined;
	if (typeof value === 'string' && /^(0|[1-9]\d{0,15})$/.test(value)) return value;
	return undefined;
}

/** Card ids look like kc-…: nothing else is sent in a look-up. */
const CARD_ID = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,99}$/;

export function validCardId(value: string | undefined): boolean {
	return value !== undefined && CARD_ID.test(value) && value !== '.' && value !== '..';
}

/**
 * Checks a transaction event (CC_CONSUME, CC_REFUND, CC_RECHARGE) before any look-up: what it must carry,
 * written as Kazawallet writes it. Returns the problem, or undefined.
 */
export function transactionEventProblem(event: Classified): string | undefined {
	const { details } = event;
	const currency = asText(details.currency);
	if (!currency || !CURRENCY.test(currency)) return 'currency missing or not a currency code';
	if (moneyMinor(details.amount, currency) === undefined) return `amount missing or not written as an amount of ${currency}`;
	const type = codeOf(details.type);
	if (!type) return 'type missing or not a type code';
	if (!CARD_EVENT_TYPES[event.event]?.includes(type)) return `type ${type} is not a ${event.event} transaction`;
	const status = codeOf(details.status);
	if (!status) return 'status missing or not a status code';
	if (status === SETTLED_STATUS) return 'Kazawallet sends no webhook for a settled (POSTED) transaction';
	for (const field of ['direction'] as const) {
		if (details[field] !== undefined && !codeOf(details[field])) return `${field} is not a code`;
	}
	if (details.transactionAt !== undefined && !millisOf(details.transactionAt)) return 'transactionAt is not Unix milliseconds';
	if (event.cardId !== undefined && !validCardId(event.cardId)) return 'the card id is not a Kazawallet card id';
	if (event.cardId === undefined && !lastFour(details.cardNumber)) return 'the event names no card';
	return undefined;
}

/** Checks a 3DS_CONFIRM event before any look-up. */
export function threeDSEventProblem(event: Classified): string | undefined {
	const { details } = event;
	const code = asText(details.validateCode);
	if (!code || !/^[\x21-\x7e]{1,64}$/.test(code)) return 'validateCode missing or malformed';
	const currency = asText(details.transactionCurrency);
	if (currency && !CURRENCY.test(currency)) return 'transactionCurrency is not a currency code';
	if (details.amount !== undefined && currency && moneyMinor(details.amount, currency) === undefined) {
		return `amount not written as an amount of ${currency}`;
	}
	if (event.cardId !== undefined && !validCardId(event.cardId)) return 'the card id is not a Kazawallet card id';
	if (event.cardId === undefined && !lastFour(details.cardNumber)) return 'the event names no card';
	return undefined;
}

/** The transaction id an event or record carries (not in the reference's field notes; used when present). */
export function transactionIdOf(value: IDataObject): string | undefined {
	return asText(value.id) || asText(value.transactionId) || asText(value.transaction_id) || undefined;
}

/**
 * Whether Kazawallet's record is the transaction the event describes (used to find it in the card's list):
 * the same id when the event names one, else the same time, amount and type.
 */
export function describesRecord(details: IDataObject, record: IDataObject): boolean {
	const id = transactionIdOf(details);
	if (id !== undefined) return transactionIdOf(record) === id;
	const currency = asText(record.currency);
	return (
		millisOf(details.transactionAt) !== undefined &&
		millisOf(details.transactionAt) === millisOf(record.transactionAt) &&
		moneyMinor(details.amount, asText(details.currency)) === moneyMinor(record.amount, currency) &&
		codeOf(details.type) === codeOf(record.type)
	);
}

/**
 * The first field in which the event differs from Kazawallet's record, or undefined. Exact: the record's
 * type must be one of the event name's types; amount and currency, type, status (and direction, time,
 * original amount and currency, last four of the card number when the event states them) must equal the
 * record's, amounts as money in the record's currency, codes as codes. A record that does not carry what
 * the event states cannot confirm it.
 */
export function mismatchedField(event: Classified, record: IDataObject): string | undefined {
	const { details } = event;
	const currency = asText(record.currency);
	if (!currency || asText(details.currency) !== currency) return 'currency';
	const amount = moneyMinor(record.amount, currency);
	if (amount === undefined || moneyMinor(details.amount, currency) !== amount) return 'amount';
	const type = codeOf(record.type);
	if (!type || codeOf(details.type) !== type) return 'type';
	if (!CARD_EVENT_TYPES[event.event]?.includes(type)) return 'event';
	const recordEvent = asText(record.event) || asText(record.eventType) || undefined;
	if (recordEvent !== undefined && recordEvent !== event.event) return 'event';
	const status = codeOf(record.status ?? record.state);
	if (!status || codeOf(details.status) !== status) return 'status';
	if (details.direction !== undefined && codeOf(details.direction) !== codeOf(record.direction)) return 'direction';
	if (details.transactionAt !== undefined && millisOf(details.transactionAt) !== millisOf(record.transactionAt)) return 'transactionAt';
	if (details.originalCurrency !== undefined && asText(details.originalCurrency) !== asText(record.originalCurrency)) return 'originalCurrency';
	if (details.originalAmount !== undefined) {
		const original = asText(record.originalCurrency) || currency;
		const known = moneyMinor(record.originalAmount, original);
		if (known === undefined || moneyMinor(details.originalAmount, original) !== known) return 'originalAmount';
	}
	const four = lastFour(details.cardNumber);
	if (details.cardNumber !== undefined && (!four || four !== lastFour(record.cardNumber))) return 'cardNumber';
	const id = transactionIdOf(details);
	if (id !== undefined && transactionIdOf(record) !== id) return 'id';
	return undefined;
}

/**
 * The parts of a confirmed card transaction's repeat key: only Kazawallet's record, never the event. The
 * transaction is named by its id, or by its immutable fields (time, amount, currency, type, direction);
 * the record's status is added, so each status Kazawallet reports runs once (In Process, then
 * Successful), and a settled transaction (POSTED, no webhook) never matches an event again.
 */
export function recordKeyParts(cardId: string, record: IDataObject): string[] {
	const currency = asText(record.currency);
	const id = transactionIdOf(record);
	const identity = id !== undefined
		? ['id', id]
		: ['at', millisOf(record.transactionAt) ?? '', moneyMinor(record.amount, currency) ?? '', currency, codeOf(record.type) ?? '', codeOf(record.direction) ?? ''];
	return ['card', cardId, ...identity, 'status', codeOf(record.status ?? record.state) ?? ''];
}
