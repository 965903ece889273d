import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { dateTimeProperty, formatInstant, readInstant } from '../../../shared/dates';
import { moneyOf, pick, simplifyProperty } from '../../../shared/output';
import { collectPages, readLimit, returnAllOrLimit } from '../../../shared/pagination';
import type { OperationResult } from '../../../shared/router';
import { checkInteger, FieldError } from '../../../shared/validation';
import { kazePayRequest } from '../../transport';
import { resourceLocator, readLocator } from '../../../shared/locator';
import { cardDataOut, cardIdProperty, readCardId, transactionsOf } from '../common';

// Reference: "9. Query Card Transactions" (apiCode queryTransactions): pageSize 1-100, pageNum 1-10, times
// yyyy-MM-dd HH:mm:ss. The reference names no time zone for them: UTC is assumed (docs/kazepay.md).

/** The zone KazePay's transaction times are written in (not documented: assumed UTC). */
export const KAZEPAY_TIME_ZONE = 'UTC';

/** What Simplify keeps of a transaction ("9. Query Card Transactions" response fields). */
const SIMPLE_FIELDS = ['transactionId', 'transactionTime', 'transType', 'transStatus', 'merchantName', 'cardCurrencyAmt', 'cardCurrency', 'transCurrencyAmt', 'transCurrency', 'fee', 'feeCurrency'];

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
			resourceLocator({
				name: 'transactionId',
				displayName: 'Transaction',
				description: 'Only this transaction: pick one of the card’s transactions, or enter its ID',
				searchListMethod: 'searchTransactions',
				idPlaceholder: 'LM2312151602393234580',
				idPattern: '[A-Za-z0-9_.:-]{1,64}',
				idHint: 'A transaction ID as KazePay returns it (letters, digits, - _ . : only)',
				required: false,
			}),
			dateTimeProperty({ displayName: 'From', name: 'transactionStartTime', description: 'Earliest transaction time' }),
			dateTimeProperty({ displayName: 'To', name: 'transactionEndTime', description: 'Latest transaction time' }),
		],
	},
	simplifyProperty(undefined, 'the ID, time, type, status, merchant, amounts and fee of each transaction, and money'),
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
	// a locator, or the plain text of workflows saved before it was one
	const transactionId =
		filters.transactionId === undefined
			? ''
			: readLocator(this, 'filters.transactionId', i, 'Transaction ID', {
					required: false,
					pattern: /^[A-Za-z0-9_.:-]{1,64}$/,
					hint: 'a transaction ID as KazePay returns it (letters, digits, - _ . : only, at most 64)',
				});
	if (transactionId) query.transactionId = transactionId;
	const timezone = this.getTimezone();
	const start = readInstant(filters.transactionStartTime, 'From', timezone);
	const end = readInstant(filters.transactionEndTime, 'To', timezone);
	if (start) query.transactionStartTime = formatInstant(start, 'yyyy-MM-dd HH:mm:ss', KAZEPAY_TIME_ZONE);
	if (end) query.transactionEndTime = formatInstant(end, 'yyyy-MM-dd HH:mm:ss', KAZEPAY_TIME_ZONE);
	if (start && end && end < start) throw new FieldError('To', 'must not be before From');
	const simplify = this.getNodeParameter('simplify', i, true) !== false;

	return await collectPages<IDataObject>(
		async (page) => {
			const { data } = await kazePayRequest.call(this, 'queryTransactions', { payload: { ...query, pageSize, pageNum: page },
				itemIndex: i,
			});
			const entries = transactionsOf(data);
			return {
				entries: cardDataOut(entries).map((entry) => shaped(entry, simplify)),
				hasMore: entries.length >= pageSize && page < KAZEPAY_MAX_PAGE,
			};
		},
		limit,
		firstPage,
	);
}

/**
 * One transaction both ways: Simplify keeps the fields most people map, plus `money` (the card-currency
 * amount in major units); off, KazePay's entry is untouched under `response` beside `money`.
 */
function shaped(entry: IDataObject, simplify: boolean): IDataObject {
	const money = moneyOf(entry.cardCurrencyAmt, entry.cardCurrency, 'major');
	const extra = money ? { money } : {};
	return simplify ? { ...pick(entry, SIMPLE_FIELDS), ...extra } : { ...extra, response: entry };
}
