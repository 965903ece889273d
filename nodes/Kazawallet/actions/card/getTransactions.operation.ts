import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { collectPages, readLimit, returnAllOrLimit } from '../../../shared/pagination';
import type { OperationResult } from '../../../shared/router';
import { listFrom, withCodeNames } from '../../codes';
import { KAZAWALLET_CALLS, kazawalletRequest } from '../../transport';
import { cardIdProperty, readCardId } from '../common';
import { hasMorePages } from './paging';

// Reference: kazawallet.txt, "Get Card Transactions" (GET /wallet-cards/get-transactions?cardId=);
// state codes per "Transaction State", output with their names (status 1 → statusName "Successful")

const properties: INodeProperties[] = [cardIdProperty, ...returnAllOrLimit];

const displayOptions = { show: { resource: ['card'], operation: ['getTransactions'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const cardId = readCardId.call(this, i);
	const limit = readLimit.call(this, i);
	const transactions = await collectPages<IDataObject>(async (page) => {
		const { body } = await kazawalletRequest.call(this, KAZAWALLET_CALLS.getCardTransactions, {
			method: 'GET',
			path: '/wallet-cards/get-transactions',
			qs: { cardId, page },
			itemIndex: i,
		});
		return { entries: listFrom(body, ['transactions', 'data']), hasMore: hasMorePages(body, page) };
	}, limit);
	return transactions.map((transaction) => withCodeNames({ cardId, ...transaction }));
}
