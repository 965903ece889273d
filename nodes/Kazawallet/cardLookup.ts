import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';

import type { CallSpec } from '../shared/transport';
import { asText } from '../shared/validation';
import type { LookupBudget } from '../shared/webhook';
import { hasMorePages } from './actions/card/paging';
import { listFrom } from './codes';
import type { Classified } from './notifications';
import { describesRecord, lastFour, mismatchedField } from './notifications';
import { KAZAWALLET_CALLS, kazawalletRequest } from './transport';

// Confirming an unsigned card event with Kazawallet (Kazawallet Trigger): the card's transactions or the
// card itself are looked up, within the request's look-up budget (shared/webhook.ts, LookupBudget).

/** A look-up the request's budget did not allow: answered 503 without calling further. */
class OverBudget extends Error {}

export type Confirmation =
	| { ok: true; cardId: string; card?: IDataObject; transaction?: IDataObject }
	| { ok: false; status: 403 | 503; reason: string };

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
export async function confirmCardEvent(
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
