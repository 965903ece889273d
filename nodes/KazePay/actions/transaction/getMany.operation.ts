import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { collectPages, readLimit, returnAllOrLimit } from '../../../shared/pagination';
import type { OperationResult } from '../../../shared/router';
import { checkInteger, checkString, FieldError } from '../../../shared/validation';
import { kazePayRequest } from '../../transport';
import { cardIdProperty, checkDateTime, protectCardData, readCardId } from '../common';

// Reference: kazepay-physical-card.txt, "9. Query Card Transactions" (apiCode queryTransactions): pageSize 1-100, pageNum 1-10

/** KazePay serves at most pages 1 to 10 (reference: pageNum "The value range is [1,10]"). */
export const KAZEPAY_MAX_PAGE = 10;
export const KAZEPAY_MAX_PAGE_SIZE = 100;

const properties: INodeProperties[] = [
	cardIdProperty,
	...returnAllOrLimit,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{ displayName: 'Transaction ID', name: 'transactionId', type: 'string', default: '', description: 'Only this transaction' },
			{ displayName: 'From', name: 'transactionStartTime', type: 'string', default: '', placeholder: '2024-02-01 00:00:00', description: 'Earliest transaction time, yyyy-MM-dd HH:mm:ss' },
			{ displayName: 'To', name: 'transactionEndTime', type: 'string', default: '', placeholder: '2024-02-29 23:59:59', description: 'Latest transaction time, yyyy-MM-dd HH:mm:ss' },
		],
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Page Size',
				name: 'pageSize',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: KAZEPAY_MAX_PAGE_SIZE },
				default: 100,
				description: 'Transactions per request (1-100)',
			},
			{
				displayName: 'Start Page',
				name: 'pageNum',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: KAZEPAY_MAX_PAGE },
				default: 1,
				description: 'First page to read (1-10). KazePay serves pages 1 to 10 only: narrow the time range to reach older transactions.',
			},
		],
	},
];

const displayOptions = { show: { resource: ['transaction'], operation: ['getMany'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const cardID = readCardId.call(this, i);
	const limit = readLimit.call(this, i);
	const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	const pageSize = checkInteger(options.pageSize ?? 100, 'Page Size', { min: 1, max: KAZEPAY_MAX_PAGE_SIZE });
	const firstPage = checkInteger(options.pageNum ?? 1, 'Start Page', { min: 1, max: KAZEPAY_MAX_PAGE });
	const query: IDataObject = { cardID };
	const transactionId = checkString(filters.transactionId, 'Transaction ID', {
		required: false,
		maxLength: 64,
		pattern: /^[A-Za-z0-9_.:-]+$/,
		patternHint: 'a transaction ID as KazePay returns it (letters, digits, - _ . : only)',
	});
	if (transactionId) query.transactionId = transactionId;
	const start = checkDateTime(filters.transactionStartTime, 'From');
	const end = checkDateTime(filters.transactionEndTime, 'To');
	if (start) query.transactionStartTime = start;
	if (end) query.transactionEndTime = end;
	if (start && end && end < start) throw new FieldError('To', 'must not be before From');

	return await collectPages<IDataObject>(
		async (page) => {
			const { data } = await kazePayRequest.call(this, 'queryTransactions', { payload: { ...query, pageSize, pageNum: page },
				itemIndex: i,
			});
			// The reference shows a bare array; a wrapped list is accepted too.
			const wrapped = data as IDataObject | undefined;
			const entries = (Array.isArray(data) ? data : (wrapped?.list ?? wrapped?.records ?? wrapped?.data ?? [])) as IDataObject[];
			return {
				entries: protectCardData(entries, false),
				hasMore: entries.length >= pageSize && page < KAZEPAY_MAX_PAGE,
			};
		},
		limit,
		firstPage,
	);
}
