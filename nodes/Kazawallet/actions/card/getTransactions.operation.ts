import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { collectPages, readLimit, returnAllOrLimit } from '../../../shared/pagination';
import { pick, simplifyProperty, withMoney } from '../../../shared/output';
import type { OperationResult } from '../../../shared/router';
import { listFrom, withCodeNames } from '../../codes';
import { KAZAWALLET_CALLS, kazawalletRequest } from '../../transport';
import { cardIdProperty, readCardId } from '../common';
import { safeCard } from './common';
import { hasMorePages } from './paging';

// Kazawallet API reference, "Get Card Transactions" (GET /wallet-cards/get-transactions?cardId=);
// state codes per "Transaction State", output with their names (status 1 → statusName "Successful")

/** What Simplify keeps of a transaction (the fields most workflows map). */
const SIMPLE_TRANSACTION = [
	'cardId',
	'id',
	'amount',
	'currency',
	'money',
	'status',
	'statusName',
	'type',
	'typeName',
	'direction',
	'directionName',
	'merchantName',
	'transactionAt',
];

const displayOptions = { show: { resource: ['card'], operation: ['getTransactions'] } };

const properties: INodeProperties[] = [
	cardIdProperty,
	...returnAllOrLimit,
	simplifyProperty(undefined, SIMPLE_TRANSACTION.join(', ')),
];

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
	const simplify = this.getNodeParameter('simplify', i, true) as boolean;
	return transactions.map((transaction) => {
		const output = withMoney(withCodeNames(safeCard({ cardId, ...transaction })), transaction.amount, transaction.currency, 'major');
		return simplify ? pick(output, SIMPLE_TRANSACTION) : output;
	});
}
