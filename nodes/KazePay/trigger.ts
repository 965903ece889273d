import { createHash } from 'crypto';
import type { IDataObject, IHookFunctions, IWebhookFunctions } from 'n8n-workflow';

import type { Money } from '../shared/output';
import { moneyOf } from '../shared/output';
import { asText } from '../shared/validation';
import { kazePayRequest } from './transport';

// The KazePay Trigger's look-ups and what it reads from an event, apart from the node (a node file
// exports only its class).

/** The webhook URL KazePay has registered for this merchant ('' when none). */
export async function registeredUrl(context: IHookFunctions): Promise<string> {
	const { data } = await kazePayRequest.call(context, 'getWebhookUrl', { payload: {} });
	return asText((data as IDataObject | undefined)?.url);
}

/**
 * What the trigger answers to an event it accepted (also to a repeat). KazePay's expected answer is
 * not public; any 2xx is assumed to count as delivered. Change it here if KazePay asks for another.
 */
export const KAZEPAY_WEBHOOK_ACK: IDataObject = { code: 'SUCCESS', detail: 'SUCCESS' };

/** Fields that name one event; the first present one is its identity. */
export const EVENT_ID_FIELDS = ['eventId', 'notifyId', 'notificationId', 'eventNo'];
/**
 * Fields of the signed content that name the event's type; the first present one (a non-empty string) is
 * it. KazePay's webhook payload is not public: the sandbox sends `eventType`. An event must carry one:
 * KazePay's API answers are sealed exactly like events (platform signature, merchant key), and none of
 * the reference's answers has such a field, so a captured API answer re-sent to the trigger URL is not
 * taken for an event. The head's apiCode ("webhookNotify") cannot tell them apart: it is not signed.
 */
export const EVENT_TYPE_FIELDS = ['eventType', 'notifyType', 'eventName'];

/** The event's type from the signed content, or undefined. */
export function eventTypeOf(data: unknown): string | undefined {
	if (!data || typeof data !== 'object' || Array.isArray(data)) return undefined;
	for (const field of EVENT_TYPE_FIELDS) {
		const value = (data as IDataObject)[field];
		if (typeof value === 'string' && value.trim() !== '') return value.trim();
	}
	return undefined;
}

/** Fields that may change between deliveries of the same event and are left out of its fingerprint. */
export const DELIVERY_FIELDS = ['sendTime', 'notifyTime', 'retryCount', 'retryTimes', 'deliveryTime', 'timestamp'];

function canonical(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
	if (value && typeof value === 'object') {
		const entries = Object.keys(value as IDataObject)
			.filter((key) => !DELIVERY_FIELDS.includes(key))
			.sort()
			.map((key) => `${JSON.stringify(key)}:${canonical((value as IDataObject)[key])}`);
		return `{${entries.join(',')}}`;
	}
	return JSON.stringify(value ?? null);
}

/**
 * The identity of an event, the same for every retry of it (KazePay retries a failed delivery 5
 * times, after 1, 2, 4, 8 and 16 minutes, each time with a new requestNo and session key): an explicit
 * event ID when the event carries one, otherwise a SHA-256 fingerprint of its decrypted content.
 * Only the signed content counts: the head (apiCode, requestNo, sysId, …) is not covered by the
 * signature, so a replay with an edited head is still the same event.
 */
export function eventKey(data: unknown): string {
	const fields = data && typeof data === 'object' && !Array.isArray(data) ? (data as IDataObject) : {};
	for (const field of EVENT_ID_FIELDS) {
		const value = fields[field];
		if (typeof value === 'string' || typeof value === 'number') return `${field}:${value}`;
	}
	return `sha256:${createHash('sha256').update(canonical(data)).digest('hex')}`;
}

/** Whether the event type is one the operator chose (Events, Other Event Types). */
export function wanted(context: IWebhookFunctions, options: IDataObject, eventType: string | undefined): boolean {
	const events = context.getNodeParameter('events', ['*']) as string[];
	if (!Array.isArray(events) || events.length === 0 || events.includes('*')) return true;
	if (eventType === undefined) return false;
	const others = asText(options.otherEventTypes)
		.split(',')
		.map((entry) => entry.trim())
		.filter(Boolean);
	return events.includes(eventType) || others.includes(eventType);
}

/**
 * The event's amount as money (major units and currency), from `amount` or a closure's `refundAmt` with
 * `currency`; undefined when the event has none (KazePay's event payload is not public: the sandbox's
 * field names). The signed fields stay untouched beside it.
 */
export function eventMoney(data: IDataObject): Money | undefined {
	return moneyOf(data.amount ?? data.refundAmt, data.currency, 'major');
}
