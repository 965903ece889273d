import { createHash } from 'crypto';
import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { omitKeys, redactFields } from '../shared/redact';
import { moneyOf, withMoney } from '../shared/output';
import { asText } from '../shared/validation';
import {
	acknowledge,
	getBodyFields,
	getRawBody,
	ignoresRepeats,
	LookupBudget,
	refuseLargeBody,
	reject,
	rememberEvent,
} from '../shared/webhook';
import { safeCard } from './actions/card/common';
import type { Classified } from './notifications';
import {
	classifyNotification,
	recordKeyParts,
	threeDSEventProblem,
	transactionEventProblem,
} from './notifications';
import { confirmCardEvent } from './cardLookup';
import { rawJsonFields, verifyKazawalletWebhook } from './signature';
import { withCodeNames } from './codes';

// What the Kazawallet Trigger does with each kind of webhook. Kept out of the node's file (a node file
// exports only its node class). Every emitted item says how it was verified (`verification`):
// - "signature": payment links. `amount` and `order_id` are signed; `status`, `ref` and `currency` are not.
// - "lookup": card events. CC_* items carry Kazawallet's record of the transaction (looked up, compared
//   exactly with the event); 3DS_CONFIRM items: the card is looked up, the challenge cannot be (no endpoint),
//   so its fields are listed in `unverifiedFields`.
// - "none": withdrawal and deposit webhooks (no signature, no look-up endpoint), and card events when the
//   confirmation option is off. Anyone who knows the URL can send them.

export type Verification = 'signature' | 'lookup' | 'none';

/** Repeat keys are stored hashed: they may contain one-time codes. */
export const eventKey = (parts: Array<string | undefined>) =>
	createHash('sha256').update(parts.map((part) => part ?? '').join('|')).digest('hex');

/** The Kazawallet Trigger's webhook: cheap checks first (size, 64 KiB; then shape), look-ups after them. */
export async function receiveWebhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const tooLarge = refuseLargeBody(this);
	if (tooLarge) return tooLarge;
	const fields = getBodyFields(this);
	const classified = classifyNotification(fields);
	if (classified.kind === 'unknown') return reject(this, 400, 'not a Kazawallet webhook');

	const events = this.getNodeParameter('events', []) as string[];
	const options = this.getNodeParameter('options', {}) as IDataObject;
	const ignoreRepeats = ignoresRepeats(options);

	if (classified.kind === 'paymentLink') return await handlePaymentLink.call(this, fields, events, ignoreRepeats);
	if (classified.kind === 'card') {
		return await handleCardEvent.call(this, classified, events, ignoreRepeats, options.confirmCardEvents !== false);
	}
	return handleWalletEvent.call(this, classified, events, ignoreRepeats);
}

/** Payment-link webhook: verify the signature over the values exactly as received, then dedupe and emit. */
export async function handlePaymentLink(
	this: IWebhookFunctions,
	fields: IDataObject,
	events: string[],
	ignoreRepeats: boolean,
): Promise<IWebhookResponseData> {
	const raw = getRawBody(this).toString('utf8').trim();
	// From JSON, amount and order_id are read from the raw text: JSON.parse would turn 10.00 into 10.
	const rawFields = raw.startsWith('{') ? rawJsonFields(raw) : {};
	const amount = rawFields.amount ?? asText(fields.amount);
	const orderId = rawFields.order_id ?? asText(fields.order_id);
	const secret = asText(fields.secret);
	if (!amount || !orderId || !secret) return reject(this, 401, 'missing signature fields');

	const credentials = await this.getCredentials('kazawalletApi');
	const valid = verifyKazawalletWebhook(
		{ amount, orderId, secret },
		String(credentials.apiKey ?? ''),
		String(credentials.apiSecret ?? ''),
	);
	if (!valid) return reject(this, 401, 'invalid signature');

	const status = asText(fields.status);
	const event = `paymentLink.${status}`;
	if (events.length > 0 && !events.includes(event)) return acknowledge(this, { received: true });
	// A link ends once (fulfilled or timed out), so the signed order id alone is the key: `status` is not
	// signed, and a replay of a genuine webhook with another status must not start a second run.
	if (ignoreRepeats && !rememberEvent(this, eventKey(['paymentLink', orderId]))) {
		return acknowledge(this, { received: true });
	}
	const data = redactFields(omitKeys(fields, new Set(['secret'])));
	return acknowledge(this, { received: true }, [
		{
			...data,
			event,
			kind: 'paymentLink',
			order_id: orderId,
			amount,
			// money: the signed amount in the unsigned currency (so its currency is unsigned too)
			money: moneyOf(amount, fields.currency, 'major'),
			verification: 'signature' satisfies Verification,
			unsignedFields: ['status', 'ref', 'currency'],
			receivedAt: new Date().toISOString(),
		},
	]);
}

/** Withdrawal / deposit: unsigned and not confirmable (no look-up endpoint). Emitted as unverified. */
export function handleWalletEvent(
	this: IWebhookFunctions,
	classified: Classified,
	events: string[],
	ignoreRepeats: boolean,
): IWebhookResponseData {
	if (!classified.transactionId) return reject(this, 400, `the ${classified.kind} webhook names no transaction`);
	if (events.length > 0 && !events.includes(classified.event)) return acknowledge(this, { received: true });
	// Nothing here is signed or confirmed: the key is what the event says (a forgery cannot be told apart anyway).
	const status = asText(classified.details.status);
	if (ignoreRepeats && !rememberEvent(this, eventKey([classified.kind, classified.transactionId, status]))) {
		return acknowledge(this, { received: true });
	}
	return acknowledge(this, { received: true }, [
		{
			event: classified.event,
			kind: classified.kind,
			transactionId: classified.transactionId,
			...redactFields(classified.details),
			verification: 'none' satisfies Verification,
			receivedAt: new Date().toISOString(),
		},
	]);
}

/** Card event: cheap checks, then (when on) confirmation with at most LOOKUP_BUDGET calls, dedupe, emit. */
export async function handleCardEvent(
	this: IWebhookFunctions,
	classified: Classified,
	events: string[],
	ignoreRepeats: boolean,
	confirm: boolean,
): Promise<IWebhookResponseData> {
	// An event that is not selected is acknowledged without a look-up.
	if (events.length > 0 && !events.includes(classified.event)) return acknowledge(this, { received: true });
	const isThreeDS = classified.event === '3DS_CONFIRM';
	const problem = isThreeDS ? threeDSEventProblem(classified) : transactionEventProblem(classified);
	if (problem) return reject(this, 400, `not a valid ${classified.event} event: ${problem}`);
	const { details, event } = classified;

	if (!confirm) {
		// confirmation off: nothing is verified, the key is what the event says
		const key = eventKey([
			event,
			classified.cardId,
			asText(details.id ?? details.transactionId),
			asText(details.transactionAt ?? details.transactionDate),
			asText(details.amount),
			asText(details.status),
			asText(details.validateCode),
		]);
		if (ignoreRepeats && !rememberEvent(this, key)) return acknowledge(this, { received: true });
		const output: IDataObject = {
			event,
			kind: 'card',
			cardId: classified.cardId,
			...withCodeNames(safeCard(details)),
			verification: 'none' satisfies Verification,
			receivedAt: new Date().toISOString(),
		};
		if (isThreeDS) output.validateCode = asText(details.validateCode);
		return acknowledge(this, { received: true }, [output]);
	}

	const confirmation = await confirmCardEvent.call(this, classified, new LookupBudget());
	if (!confirmation.ok) return reject(this, confirmation.status, confirmation.reason);
	const { cardId } = confirmation;

	if (isThreeDS) {
		// The card is Kazawallet's; the challenge (amount, shop, code) has no look-up endpoint. Using the code
		// is safe: Kazawallet accepts only a genuine one (Card → Validate Code). Keyed by card + code.
		if (ignoreRepeats && !rememberEvent(this, eventKey(['3DS', cardId, asText(details.validateCode)]))) {
			return acknowledge(this, { received: true });
		}
		const challenge = safeCard(omitKeys(details, new Set(['validateCode', 'cardId'])));
		return acknowledge(this, { received: true }, [
			{
				event,
				kind: 'card',
				cardId,
				...challenge,
				validateCode: asText(details.validateCode),
				verification: 'lookup' satisfies Verification,
				unverifiedFields: [...Object.keys(challenge).filter((field) => field !== 'cardNumber'), 'validateCode'],
				receivedAt: new Date().toISOString(),
			},
		]);
	}

	const record = confirmation.transaction!;
	if (ignoreRepeats && !rememberEvent(this, eventKey(recordKeyParts(cardId, record)))) {
		return acknowledge(this, { received: true });
	}
	// Kazawallet's record, not the event's copy of it: every field emitted is confirmed.
	return acknowledge(this, { received: true }, [
		{
			...withMoney(withCodeNames(safeCard(record)), record.amount, record.currency, 'major'),
			event,
			kind: 'card',
			cardId,
			verification: 'lookup' satisfies Verification,
			receivedAt: new Date().toISOString(),
		},
	]);
}
