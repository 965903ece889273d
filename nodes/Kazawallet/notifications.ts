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
