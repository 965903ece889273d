import { createHash } from 'crypto';
import type {
	IDataObject,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { omitKeys } from '../shared/redact';
import { acknowledge, getBodyFields, getRawBody, reject, rememberEvent } from '../shared/webhook';
import { safeCard } from './actions/card/common';
import { hasMorePages } from './actions/card/getMany.operation';
import type { Classified } from './notifications';
import { classifyNotification, lastFour, mismatchedField } from './notifications';
import { rawJsonFields, verifyKazawalletWebhook } from './signature';
import { kazawalletRequest, listFrom, withCodeNames } from './transport';

const EVENT_OPTIONS = [
	{ name: 'Payment Link Paid (Fulfilled)', value: 'paymentLink.fulfilled' },
	{ name: 'Payment Link Timed Out', value: 'paymentLink.timed_out' },
	{ name: 'Card Consumption (CC_CONSUME)', value: 'CC_CONSUME' },
	{ name: 'Card Refund (CC_REFUND)', value: 'CC_REFUND' },
	{ name: 'Card Recharge (CC_RECHARGE)', value: 'CC_RECHARGE' },
	{ name: '3DS Confirmation (3DS_CONFIRM)', value: '3DS_CONFIRM' },
	{ name: 'Withdrawal Update', value: 'withdrawal' },
	{ name: 'Deposit Update', value: 'deposit' },
];

type Confirmation = { ok: true; card?: IDataObject; transaction?: IDataObject } | { ok: false; retry: boolean; reason: string };

/** Largest webhook body accepted (Kazawallet's are well under 2 KiB). */
export const MAX_BODY_BYTES = 64 * 1024;

const text = (value: unknown) =>
	typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;

/** Dedupe keys are stored hashed: they may contain one-time codes. */
const eventKey = (parts: Array<string | undefined>) =>
	createHash('sha256').update(parts.map((part) => part ?? '').join('|')).digest('hex');

export class KazawalletTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Kazawallet Trigger',
		name: 'kazawalletTrigger',
		icon: { light: 'file:kazawallet.svg', dark: 'file:kazawallet.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '=Webhooks',
		description: 'Starts the workflow on Kazawallet payment-link, card, withdrawal and deposit webhooks',
		defaults: { name: 'Kazawallet Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'kazawalletApi', required: true }],
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' }],
		properties: [
			{
				displayName:
					'Set this trigger’s production URL as the webhook URL in your Kazawallet profile. Payment-link webhooks are verified with their signature (API key and secret of the credential); a forged one gets 401 and starts nothing. Card, withdrawal and deposit webhooks carry no signature: they are protected by the unguessable URL, and card events can be confirmed by looking the card transaction up (see Options).',
				name: 'notice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				options: EVENT_OPTIONS,
				default: [],
				description: 'Start the workflow only for these events. Leave empty for every event.',
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Confirm Card Events With Kazawallet',
						name: 'confirmCardEvents',
						type: 'boolean',
						default: true,
						description:
							'Whether a card event is checked before the workflow starts: CC_* events must match a transaction of the card (Get Transactions), 3DS_CONFIRM a card of your account (Get Card Details). An event that does not match gets 403.',
					},
					{
						displayName: 'Ignore Repeated Webhooks',
						name: 'ignoreRepeats',
						type: 'boolean',
						default: true,
						description: 'Whether a webhook already received is acknowledged without starting the workflow again',
					},
				],
			},
		],
	};

	// The webhook URL is set once in the Kazawallet profile; there is no API to register it.
	webhookMethods = {
		default: {
			async checkExists(): Promise<boolean> {
				return true;
			},
			async create(): Promise<boolean> {
				return true;
			},
			async delete(): Promise<boolean> {
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		// Kazawallet's webhooks are a few hundred bytes: a huge body is refused before it is looked at.
		if (getRawBody(this).length > MAX_BODY_BYTES) return reject(this, 413, 'body too large for a Kazawallet webhook');
		const fields = getBodyFields(this);
		const classified = classifyNotification(fields);
		if (classified.kind === 'unknown') return reject(this, 400, 'not a Kazawallet webhook');

		const events = this.getNodeParameter('events', []) as string[];
		const options = this.getNodeParameter('options', {}) as IDataObject;
		const ignoreRepeats = options.ignoreRepeats !== false;

		if (classified.kind === 'paymentLink') return await handlePaymentLink.call(this, fields, events, ignoreRepeats);

		if (classified.kind === 'card') {
			// An event that is not selected is acknowledged without a look-up.
			if (events.length > 0 && !events.includes(classified.event)) return acknowledge(this, { received: true });
			// Unsigned: confirm with the API first (when on), then de-duplicate, then emit.
			let confirmation: Confirmation = { ok: true };
			if (options.confirmCardEvents !== false) {
				confirmation = await confirmCardEvent.call(this, classified);
				if (!confirmation.ok) {
					if (confirmation.retry) {
						this.getResponseObject().status(503).json({ error: confirmation.reason });
						return { noWebhookResponse: true };
					}
					return reject(this, 403, confirmation.reason);
				}
			}
			const { details, event } = classified;
			const cardId = classified.cardId ?? text(confirmation.card?.id ?? confirmation.card?.cardId);
			const key = cardEventKey(event, cardId, details, confirmation.transaction);
			if (ignoreRepeats && !rememberEvent(this, key)) return acknowledge(this, { received: true });
			const output: IDataObject = {
				event,
				kind: 'card',
				cardId,
				...withCodeNames(safeCard(details)), // card numbers stay masked even if a payload carried a full one
				confirmed: options.confirmCardEvents !== false,
				receivedAt: new Date().toISOString(),
			};
			if (event === '3DS_CONFIRM') output.validateCode = text(details.validateCode);
			return acknowledge(this, { received: true }, [output]);
		}

		// Withdrawal / deposit: unsigned and not confirmable (no lookup endpoint); protected by the URL.
		if (!classified.transactionId) return reject(this, 400, `the ${classified.kind} webhook names no transaction`);
		if (events.length > 0 && !events.includes(classified.event)) return acknowledge(this, { received: true });
		const status = text(classified.details.status);
		if (ignoreRepeats && !rememberEvent(this, eventKey([classified.kind, classified.transactionId, status]))) {
			return acknowledge(this, { received: true });
		}
		return acknowledge(this, { received: true }, [
			{
				event: classified.event,
				kind: classified.kind,
				transactionId: classified.transactionId,
				...classified.details,
				receivedAt: new Date().toISOString(),
			},
		]);
	}
}

/** Payment-link webhook: verify the signature over the values exactly as received, then dedupe and emit. */
async function handlePaymentLink(
	this: IWebhookFunctions,
	fields: IDataObject,
	events: string[],
	ignoreRepeats: boolean,
): Promise<IWebhookResponseData> {
	const raw = getRawBody(this).toString('utf8').trim();
	// From JSON, amount and order_id are read from the raw text: JSON.parse would turn 10.00 into 10.
	const rawFields = raw.startsWith('{') ? rawJsonFields(raw) : {};
	const amount = rawFields.amount ?? text(fields.amount);
	const orderId = rawFields.order_id ?? text(fields.order_id);
	const secret = text(fields.secret);
	if (!amount || !orderId || !secret) return reject(this, 401, 'missing signature fields');

	const credentials = await this.getCredentials('kazawalletApi');
	const valid = verifyKazawalletWebhook(
		{ amount, orderId, secret },
		String(credentials.apiKey ?? ''),
		String(credentials.apiSecret ?? ''),
	);
	if (!valid) return reject(this, 401, 'invalid signature');

	const status = text(fields.status) ?? '';
	const event = `paymentLink.${status}`;
	if (events.length > 0 && !events.includes(event)) return acknowledge(this, { received: true });
	// A link ends once (fulfilled or timed out), so the order id alone is the key: `status` is not signed,
	// and a replay of a genuine webhook with another status must not start a second run.
	if (ignoreRepeats && !rememberEvent(this, eventKey(['paymentLink', orderId]))) {
		return acknowledge(this, { received: true });
	}
	const data = omitKeys(fields, new Set(['secret']));
	return acknowledge(this, { received: true }, [
		{ ...data, event, kind: 'paymentLink', order_id: orderId, amount, verified: true, receivedAt: new Date().toISOString() },
	]);
}

/**
 * The de-duplication key of a card event. A confirmed transaction event is keyed by Kazawallet's own
 * record (card, transaction id, status), so a replay that drops, adds or renames fields (or changes the
 * event name) is still a repeat. A 3DS code is used once, so card + code is the key of a 3DS event.
 * Unconfirmed events (confirmation off) are keyed by what they carry.
 */
function cardEventKey(event: string, cardId: string | undefined, details: IDataObject, transaction?: IDataObject): string {
	if (transaction) {
		const id = text(transaction.id ?? transaction.transactionId);
		const when = `${text(transaction.transactionAt ?? transaction.createdAt) ?? ''}/${text(transaction.amount) ?? ''}`;
		return eventKey(['card', cardId, id ?? when, text(transaction.status ?? details.status)]);
	}
	if (event === '3DS_CONFIRM' && text(details.validateCode)) {
		return eventKey(['3DS', cardId, text(details.validateCode)]);
	}
	return eventKey([
		event,
		cardId,
		text(details.id ?? details.transactionId),
		text(details.transactionAt ?? details.transactionDate),
		text(details.amount),
		text(details.status),
		text(details.validateCode),
	]);
}

/** Pages looked through at the most when confirming an event (cards or a card's transactions). */
const MAX_LOOKUP_PAGES = 50;

/**
 * The entries of a paged list (Kazawallet's `page` / `totalPages`) that satisfy `wanted`: stops at the
 * first one unless `all`, so an event for a card's newest transaction is found past the first page.
 */
async function findInPages(
	this: IWebhookFunctions,
	path: string,
	qs: IDataObject,
	keys: string[],
	wanted: (entry: IDataObject) => boolean,
	all = false,
): Promise<IDataObject[]> {
	const found: IDataObject[] = [];
	for (let page = 1; page <= MAX_LOOKUP_PAGES; page++) {
		const { body } = await kazawalletRequest.call(this, { method: 'GET', path, qs: { ...qs, page }, kind: 'read' });
		found.push(...listFrom(body, keys).filter(wanted));
		if ((found.length && !all) || !hasMorePages(body, page)) break;
	}
	return found;
}

/** Looks a card event up with Kazawallet. */
async function confirmCardEvent(this: IWebhookFunctions, event: Classified): Promise<Confirmation> {
	const { details } = event;
	try {
		let cardId = event.cardId;
		if (!cardId) {
			// No card id in the event: find the card by the last four digits of its masked number.
			const four = lastFour(details.cardNumber);
			if (!four) return { ok: false, retry: false, reason: 'the event names no card' };
			const matches = await findInPages.call(this, '/get-merchant-wallets-cards', {}, ['cards', 'data'], (card) => lastFour(card.cardNumber ?? card.number) === four, true);
			if (matches.length !== 1) return { ok: false, retry: false, reason: 'the card could not be identified' };
			cardId = text(matches[0].id ?? matches[0].cardId);
			if (!cardId) return { ok: false, retry: false, reason: 'the card could not be identified' };
		}
		if (event.event === '3DS_CONFIRM') {
			const { body } = await kazawalletRequest.call(this, {
				method: 'GET',
				path: '/wallet-cards/get-card-details',
				qs: { cardId },
				kind: 'read',
			});
			const card = ((body.card ?? body.data ?? body) as IDataObject) ?? {};
			const four = lastFour(details.cardNumber);
			if (four && lastFour(card.cardNumber ?? card.number) !== four) {
				return { ok: false, retry: false, reason: 'the card does not match the event' };
			}
			return { ok: true, card: { id: cardId } };
		}
		const id = text(details.id ?? details.transactionId);
		const [match] = await findInPages.call(this, '/wallet-cards/get-transactions', { cardId }, ['transactions', 'data'], (transaction) =>
			id
				? text(transaction.id ?? transaction.transactionId) === id
				: text(transaction.amount) === text(details.amount) &&
					text(transaction.transactionAt ?? transaction.createdAt) === text(details.transactionAt),
		);
		if (!match) return { ok: false, retry: false, reason: 'no such transaction on the card' };
		// The event is unsigned: every field it states must agree with Kazawallet's record.
		const differs = mismatchedField(details, match);
		if (differs) return { ok: false, retry: false, reason: `the event's ${differs} does not match Kazawallet's record` };
		return { ok: true, card: { id: cardId }, transaction: match };
	} catch (error) {
		const httpCode = Number((error as { httpCode?: string }).httpCode);
		if (httpCode >= 200 && httpCode < 500) return { ok: false, retry: false, reason: 'the card is not known to Kazawallet' };
		return { ok: false, retry: true, reason: 'the event could not be confirmed now; send it again later' };
	}
}
