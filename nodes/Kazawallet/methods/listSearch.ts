import type { IDataObject, ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';

import { searchResults } from '../../shared/locator';
import { asText } from '../../shared/validation';
import { hasMorePages } from '../actions/card/paging';
import { listFrom } from '../codes';
import { lastFour } from '../notifications';
import { KAZAWALLET_CALLS, kazawalletRequest } from '../transport';

/** Pages read per "From list" call; the next call (scrolling) continues from the page after them. */
const PAGES_PER_SEARCH = 5;

/** "Plus card •••• 1234 · alice@example.com (active)": no more of the card number than its last four digits. */
function cardLabel(card: IDataObject, id: string): string {
	const four = lastFour(card.cardNumber ?? card.card_number ?? card.number);
	const type = asText(card.cardType ?? card.type);
	const parts = [
		`${type ? `${type.charAt(0).toUpperCase()}${type.slice(1)} card` : 'Card'}${four ? ` •••• ${four}` : ''}`,
		asText(card.email ?? card.userEmail),
	].filter(Boolean);
	const status = asText(card.status);
	return `${parts.join(' · ')}${status ? ` (${status})` : ''} – ${id}`;
}

/**
 * The merchant's cards for the Card locator (reference, "Get Cards List", GET /get-merchant-wallets-cards),
 * filtered by the typed text on id, email, type, status or last four digits. Kazawallet's list has no search
 * of its own: the pages are read in order, a few per call, and n8n asks for more as the operator scrolls.
 */
export async function searchCards(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const firstPage = Math.max(1, Number(paginationToken) || 1);
	const items: INodeListSearchItems[] = [];
	let page = firstPage;
	let more = true;
	for (; more && page < firstPage + PAGES_PER_SEARCH; page++) {
		const { body } = await kazawalletRequest.call(this, KAZAWALLET_CALLS.listCards, {
			method: 'GET',
			path: '/get-merchant-wallets-cards',
			qs: { page },
		});
		const cards = listFrom(body, ['cards', 'data']);
		for (const card of cards) {
			const id = asText(card.id ?? card.cardId);
			if (id) items.push({ name: cardLabel(card, id), value: id });
		}
		more = cards.length > 0 && hasMorePages(body, page);
	}
	const { results } = searchResults(items, filter, items.length);
	return more ? { results, paginationToken: String(page) } : { results };
}
