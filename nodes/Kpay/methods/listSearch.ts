import type { IDataObject, ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';

import { searchResults } from '../../shared/locator';
import { maskCardNumber } from '../../shared/redact';
import { asText } from '../../shared/validation';
import { KPAY_CALLS, kpayRequest } from '../transport';

/** Page size of the transaction list behind the Transaction locator (reference: List Transactions, per_page). */
export const SEARCH_TRANSACTIONS_PER_PAGE = 50;

/** Resource locators' "From list", filtered by the typed text (name or ID). */
export const kpayListSearch = {
	/** Shops, List Shops (GET /shops: every shop of the account, one answer). */
	async searchShops(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
		const { body } = await kpayRequest.call(this, KPAY_CALLS.listShops, { method: 'GET', path: '/shops' });
		const items = ((body.shops ?? []) as IDataObject[]).map(
			(shop): INodeListSearchItems => ({
				name: `${asText(shop.name) || 'Shop'}${shop.is_active === false ? ' (inactive)' : ''}`,
				value: asText(shop.id),
				description: asText(shop.website) || undefined,
			}),
		);
		return searchResults(items, filter);
	},

	/** Cards, List Cards (GET /cards: every card of the account); card numbers shown by their last four. */
	async searchCards(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
		const { body } = await kpayRequest.call(this, KPAY_CALLS.listCards, { method: 'GET', path: '/cards' });
		const items = ((body.cards ?? []) as IDataObject[]).map(
			(card): INodeListSearchItems => ({
				name: `${asText(card.bank_name) || 'Card'} ${maskCardNumber(asText(card.card_number))} (${asText(card.owner_name)})${card.is_active === false ? ' (inactive)' : ''}`,
				value: asText(card.id),
			}),
		);
		return searchResults(items, filter);
	},

	/**
	 * Transactions, List Transactions (GET /transactions, paged): one page per call, the next page as
	 * the pagination token. The value is the authority, which every transaction operation takes.
	 */
	async searchTransactions(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
		const page = Number(paginationToken) > 0 ? Number(paginationToken) : 1;
		const { body } = await kpayRequest.call(this, KPAY_CALLS.listTransactions, {
			method: 'GET',
			path: '/transactions',
			qs: { page, per_page: SEARCH_TRANSACTIONS_PER_PAGE },
		});
		const list = (body.transactions ?? []) as IDataObject[];
		const items = list
			.filter((transaction) => asText(transaction.authority) !== '')
			.map(
				(transaction): INodeListSearchItems => ({
					name: [
						asText(transaction.authority),
						`${asText(transaction.amount)} Rials`,
						asText(transaction.status),
						asText(transaction.factor_number) ? `factor ${asText(transaction.factor_number)}` : '',
					]
						.filter(Boolean)
						.join(' · '),
					value: asText(transaction.authority),
					description: asText(transaction.created_at) || undefined,
				}),
			);
		const needle = (filter ?? '').trim().toLowerCase();
		const results = needle ? items.filter((item) => item.name.toLowerCase().includes(needle)) : items;
		const total = Number(body.total ?? 0);
		const more = list.length > 0 && Number.isFinite(total) && page * SEARCH_TRANSACTIONS_PER_PAGE < total;
		return { results, paginationToken: more ? String(page + 1) : undefined };
	},
};
