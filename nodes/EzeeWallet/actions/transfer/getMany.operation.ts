import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { formatInstant, readInstant } from '../../../shared/dates';
import { readLocator } from '../../../shared/locator';
import { pick, simplifyProperty, withMoney } from '../../../shared/output';
import { collectPages, readLimit, returnAllOrLimit } from '../../../shared/pagination';
import type { OperationResult } from '../../../shared/router';
import type { ApiContext } from '../../../shared/transport';
import { checkOneOf, FieldError } from '../../../shared/validation';
import { EZEEWALLET_CALLS, ezeeWalletRequest } from '../../transport';
import { transferLocator } from '../common';

// Reference (eZeeWallet API 1.3.7): "ListTransfers" (GET /transfers?ezw_reference_id= or ?start_date=&end_date=),
// "Paginating results"

/** The fields Simplify keeps (the reference's TransferNew without the return URLs). */
const SIMPLE_FIELDS = ['ezw_reference_id', 'merchant_transaction_id', 'status', 'amount', 'currency', 'consumer_email'] as const;

const properties: INodeProperties[] = [
	{
		displayName: 'Find By',
		name: 'filterBy',
		type: 'options',
		options: [
			{ name: 'Date Range', value: 'dateRange', description: 'All transfers created in a period' },
			{ name: 'Transfer', value: 'reference', description: 'One transfer, by its eZeeWallet reference ID' },
		],
		default: 'dateRange',
		description: 'Whether to list the transfers of a period or look up one transfer',
	},
	{
		...transferLocator('Transfer', 'The transfer to get: pick it from the last 90 days, or enter its eZeeWallet reference ID (ezw_reference_id)'),
		displayOptions: { show: { filterBy: ['reference'] } },
	},
	{
		displayName: 'Start Date',
		name: 'startDate',
		type: 'dateTime',
		required: true,
		default: '',
		description: "The first moment of the period. Without a time zone it is read in the workflow's time zone.",
		displayOptions: { show: { filterBy: ['dateRange'] } },
	},
	{
		displayName: 'End Date',
		name: 'endDate',
		type: 'dateTime',
		required: true,
		default: '',
		description: "The last moment of the period. Without a time zone it is read in the workflow's time zone.",
		displayOptions: { show: { filterBy: ['dateRange'] } },
	},
	...returnAllOrLimit,
	simplifyProperty(undefined, SIMPLE_FIELDS.join(', ')),
];

const displayOptions = { show: { resource: ['transfer'], operation: ['getMany'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/** A date as RFC 3339 in UTC without milliseconds, as the reference shows (2011-01-11T00:00:00Z). */
export function toRfc3339(instant: Date): string {
	return (formatInstant(instant, 'iso') as string).replace(/\.\d{3}Z$/, 'Z');
}

/** One page of ListTransfers: its transfers and whether another page exists. */
export async function listTransfersPage(
	this: ApiContext,
	qs: IDataObject,
	page: number,
	itemIndex?: number,
): Promise<{ entries: IDataObject[]; hasMore: boolean }> {
	const { body } = await ezeeWalletRequest.call(this, EZEEWALLET_CALLS.listTransfers, {
		method: 'GET',
		path: '/transfers',
		qs: { ...qs, page },
		itemIndex,
	});
	// the reference shows the page counters both at the top level ("ListTransfers") and under
	// "pagination" ("Paginating results")
	const pagination = (body.pagination ?? body) as IDataObject;
	const current = Number(pagination.page ?? page);
	const pages = Number(pagination.pages_count ?? current);
	const transfers = Array.isArray(body.transfers) ? (body.transfers as IDataObject[]) : [];
	return { entries: transfers, hasMore: current < pages };
}

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const filterBy = checkOneOf(this.getNodeParameter('filterBy', i), 'Find By', ['dateRange', 'reference'] as const);
	const limit = readLimit.call(this, i);
	const simplify = this.getNodeParameter('simplify', i, true) as boolean;
	const qs: IDataObject = {};
	if (filterBy === 'reference') {
		qs.ezw_reference_id = readLocator(this, 'ezwReferenceId', i, 'Transfer');
	} else {
		const timezone = this.getTimezone();
		const start = readInstant(this.getNodeParameter('startDate', i), 'Start Date', timezone, true)!;
		const end = readInstant(this.getNodeParameter('endDate', i), 'End Date', timezone, true)!;
		if (end < start) throw new FieldError('End Date', 'must not be before the Start Date');
		qs.start_date = toRfc3339(start);
		qs.end_date = toRfc3339(end);
	}
	const transfers = await collectPages<IDataObject>((page) => listTransfersPage.call(this, qs, page, i), limit);
	return transfers.map((transfer) =>
		withMoney(simplify ? pick(transfer, SIMPLE_FIELDS) : transfer, transfer.amount, transfer.currency, 'minor'),
	);
}
