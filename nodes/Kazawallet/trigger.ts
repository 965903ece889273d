import { createHash } from 'crypto';
import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { omitKeys, redactFields } from '../shared/redact';
import { moneyOf, withMoney } from '../shared/output';
import type { CallSpec } from '../shared/transport';
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
import { hasMorePages } from './actions/card/paging';
import type { Classified } from './notifications';
import {
	classifyNotification,
	describesRecord,
	lastFour,
	mismatchedField,
	recordKeyParts,
	threeDSEventProblem,
	transactionEventProblem,
} from './notifications';
import { rawJsonFields, verifyKazawalletWebhook } from './signature';
import { listFrom, withCodeNames } from './codes';
import { KAZAWALLET_CALLS, kazawalletRequest } from './transport';

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

/** A look-up the request's budget did not allow: answered 503 without calling further. */
class OverBudget extends Error {}

type Confirmation =
	| { ok: true; cardId: string; card?: IDataObject; transaction?: IDataObject }
	| { ok: false; status: 403 | 503; reason: string };

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

/** One authenticated look-up, taken from the request's budget. */
async function lookup(
	this: IWebhookFunctions,
	budget: LookupBudget,
	path: string,
	qs: IDataObject,
	call: CallSpec,
): Promise<IDataObject> {
	if (!budget.take()) throw new OverBudget();
	const { body } = await kazawalletRequest.call(this, call, { method: 'GET', path, qs });
	return body;
}

/**
 * The entries of a paged list (`page` / `totalPages`) that satisfy `wanted`, within the budget: page 1,
 * then the last page and the one before it (the newest transactions are at one end of the list). `all`:
 * every page must be read (to be sure a match is the only one). Returns undefined when pages that could
 * hold the entry were left unread (over budget).
 */
async function searchPages(
	this: IWebhookFunctions,
	budget: LookupBudget,
	path: string,
	qs: IDataObject,
	keys: string[],
	wanted: (entry: IDataObject) => boolean,
	call: CallSpec,
	all = false,
): Promise<IDataObject[] | undefined> {
	const first = await lookup.call(this, budget, path, { ...qs, page: 1 }, call);
	const found = listFrom(first, keys).filter(wanted);
	if (!hasMorePages(first, 1) || (found.length && !all)) return found;
	const pagination = (first.pagination ?? first) as IDataObject;
	const total = Math.floor(Number(pagination.totalPages ?? pagination.total_pages ?? pagination.pages ?? 1));
	const order = all
		? Array.from({ length: total - 1 }, (_, i) => i + 2)
		: Array.from({ length: total - 1 }, (_, i) => total - i);
	for (const page of order) {
		if (budget.spent >= budget.max) return undefined;
		const body = await lookup.call(this, budget, path, { ...qs, page }, call);
		found.push(...listFrom(body, keys).filter(wanted));
		if (found.length && !all) return found;
	}
	return found;
}

/** Looks a card event up with Kazawallet (at most the budget's calls). */
async function confirmCardEvent(
	this: IWebhookFunctions,
	event: Classified,
	budget: LookupBudget,
): Promise<Confirmation> {
	const { details } = event;
	const overBudget: Confirmation = {
		ok: false,
		status: 503,
		reason: 'the event could not be confirmed within the look-up budget; send it again later',
	};
	try {
		let cardId = event.cardId;
		if (!cardId) {
			// No card id in the event: find the card by the last four digits of its masked number.
			const four = lastFour(details.cardNumber);
			const matches = await searchPages.call(
				this,
				budget,
				'/get-merchant-wallets-cards',
				{},
				['cards', 'data'],
				(card) => lastFour(card.cardNumber ?? card.number) === four,
				KAZAWALLET_CALLS.listCards,
				true,
			);
			if (!matches) return overBudget;
			cardId = matches.length === 1 ? asText(matches[0].id ?? matches[0].cardId) || undefined : undefined;
			if (!cardId) return { ok: false, status: 403, reason: 'the card could not be identified' };
		}
		if (event.event === '3DS_CONFIRM') {
			const body = await lookup.call(this, budget, '/wallet-cards/get-card-details', { cardId }, KAZAWALLET_CALLS.getCardDetails);
			const card = (body.card ?? body.data ?? body) as IDataObject;
			const known = asText(card.id ?? card.cardId);
			if (known && known !== cardId) return { ok: false, status: 403, reason: 'the card does not match the event' };
			const four = lastFour(details.cardNumber);
			if (four && lastFour(card.cardNumber ?? card.number) !== four) {
				return { ok: false, status: 403, reason: 'the card does not match the event' };
			}
			return { ok: true, cardId };
		}
		const matches = await searchPages.call(
			this,
			budget,
			'/wallet-cards/get-transactions',
			{ cardId },
			['transactions', 'data'],
			(transaction) => describesRecord(details, transaction),
			KAZAWALLET_CALLS.getCardTransactions,
		);
		if (!matches) return overBudget;
		if (!matches.length) return { ok: false, status: 403, reason: 'no such transaction on the card' };
		// The event is unsigned: what it states must equal Kazawallet's record exactly.
		const differs = mismatchedField(event, matches[0]);
		if (differs) return { ok: false, status: 403, reason: `the event's ${differs} does not match Kazawallet's record` };
		return { ok: true, cardId, transaction: matches[0] };
	} catch (error) {
		if (error instanceof OverBudget) return overBudget;
		const httpCode = Number((error as { httpCode?: string }).httpCode);
		if (httpCode >= 200 && httpCode < 500 && httpCode !== 429) return { ok: false, status: 403, reason: 'the card is not known to Kazawallet' };
		return { ok: false, status: 503, reason: 'the event could not be confirmed now; send it again later' };
	}
}
