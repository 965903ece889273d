import type { IDataObject } from 'n8n-workflow';

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

const text = (value: unknown) =>
	typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;

export function classifyNotification(fields: IDataObject): Classified {
	if (fields.order_id !== undefined || fields.secret !== undefined) {
		return { kind: 'paymentLink', event: `paymentLink.${text(fields.status) ?? ''}`, details: fields };
	}
	const eventName = text(fields.event) ?? text(fields.eventType) ?? text(fields.type);
	if (eventName && (CARD_EVENTS as readonly string[]).includes(eventName.toUpperCase())) {
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
		const cardId = text(fields.cardId) ?? text(fields.card_id) ?? text(details.cardId) ?? text(details.card_id);
		return { kind: 'card', event: eventName.toUpperCase(), cardId, details };
	}
	const container = (fields.data && typeof fields.data === 'object' ? fields.data : fields) as IDataObject;
	const transactionId =
		text(container.transaction_id) ?? text(container.transactionId) ?? text(container.id) ?? undefined;
	const type = String(text(fields.type) ?? text(container.type) ?? '').toLowerCase();
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

// Comparing an unsigned card event with Kazawallet's record of the transaction (Kazawallet Trigger).
// Kept here, not in the trigger's file: a node file exports only its node class (n8n and the e2e
// fixtures take the exported functions of a *.node.js file for node classes).

/** Fields of a card transaction compared between the event and Kazawallet's record (when both carry them). */
const CONFIRMED_FIELDS = ['amount', 'currency', 'type', 'direction', 'status', 'transactionAt', 'originalAmount', 'originalCurrency'];

const NUMBER = /^-?\d+(\.\d+)?$/;

/** A time as Unix milliseconds: milliseconds or seconds since 1970, or an ISO date; NaN when unreadable. */
function toMillis(value: string): number {
	if (NUMBER.test(value)) {
		const n = Number(value);
		return n < 1e11 ? n * 1000 : n;
	}
	return Date.parse(value);
}

/**
 * Whether the event's value of a field agrees with Kazawallet's record. Numbers by value ("4.2" = "4.20"),
 * times as instants, text case-insensitively. The look-up answer's shape is not public, so values in
 * representations that cannot be compared (a code against a name, an unreadable time) are not held
 * against the event.
 */
function sameValue(field: string, stated: string, known: string): boolean {
	if (field === 'transactionAt') {
		const a = toMillis(stated);
		const b = toMillis(known);
		return Number.isNaN(a) || Number.isNaN(b) || a === b;
	}
	const numeric = [NUMBER.test(stated), NUMBER.test(known)];
	if (numeric[0] && numeric[1]) return Number(stated) === Number(known);
	if (numeric[0] !== numeric[1]) return true;
	return stated.trim().toLowerCase() === known.trim().toLowerCase();
}

/** The first field the event states differently from Kazawallet's record of the transaction, if any. */
export function mismatchedField(details: IDataObject, record: IDataObject): string | undefined {
	for (const field of CONFIRMED_FIELDS) {
		const stated = text(details[field]);
		const known = text(record[field]);
		if (stated !== undefined && known !== undefined && !sameValue(field, stated, known)) return field;
	}
	const four = lastFour(details.cardNumber);
	const knownFour = lastFour(record.cardNumber);
	if (four && knownFour && four !== knownFour) return 'cardNumber';
	return undefined;
}
