import type { IDataObject, ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { searchResults } from '../../shared/locator';
import { asText } from '../../shared/validation';
import { checkCardId, transactionsOf } from '../actions/common';
import { kazePayRequest } from '../transport';

/**
 * Resource locators' "From list", filtered by the typed text (name or ID). KazePay lists only one kind of
 * thing: the transactions of a card ("9. Query Card Transactions"). It has no call that lists cards or
 * cardholders, so Card ID and Cardholder Email stay plain fields.
 */
export const kazePayListSearch = {
	/** The newest transactions (one page of 100) of the card in the node's Card ID field. */
	async searchTransactions(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
		const raw = this.getCurrentNodeParameter('cardId', { extractValue: true }) as unknown;
		const value = typeof raw === 'object' && raw !== null ? (raw as IDataObject).value : raw;
		if (typeof value === 'string' && value.startsWith('=')) {
			// the editor cannot resolve an expression without an execution
			throw new NodeOperationError(this.getNode(), 'The list needs a fixed Card ID: with an expression in Card ID, enter the transaction By ID');
		}
		let cardID: string;
		try {
			cardID = checkCardId(value, 'Card ID');
		} catch {
			throw new NodeOperationError(this.getNode(), 'Enter a Card ID first: the list shows the transactions of that card');
		}
		const { data } = await kazePayRequest.call(this, 'queryTransactions', { payload: { cardID, pageSize: 100, pageNum: 1 } });
		const items = transactionsOf(data).map(
			(entry): INodeListSearchItems => ({
				name: [asText(entry.transactionTime), asText(entry.merchantName) || asText(entry.transType), `${asText(entry.cardCurrencyAmt)} ${asText(entry.cardCurrency)}`.trim()]
					.filter(Boolean)
					.join(' · '),
				value: asText(entry.transactionId),
			}),
		);
		return searchResults(items.filter((item) => item.value !== ''), filter);
	},
};
