import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { collectPages, readLimit, returnAllOrLimit } from '../../../shared/pagination';
import type { OperationResult } from '../../../shared/router';
import { checkString, FieldError } from '../../../shared/validation';
import { ezeeWalletRequest } from '../../transport';

// Reference: ezeewallet.txt, "ListTransfers" (GET /transfers?ezw_reference_id= or ?start_date=&end_date=)

const properties: INodeProperties[] = [
	{
		displayName: 'Find By',
		name: 'filterBy',
		type: 'options',
		options: [
			{ name: 'Date Range', value: 'dateRange', description: 'All transfers created in a period' },
			{ name: 'eZeeWallet Reference ID', value: 'reference', description: 'One transfer by its ezw_reference_id' },
		],
		default: 'dateRange',
	},
	{
		displayName: 'eZeeWallet Reference ID',
		name: 'ezwReferenceId',
		type: 'string',
		required: true,
		default: '',
		displayOptions: { show: { filterBy: ['reference'] } },
	},
	{
		displayName: 'Start Date',
		name: 'startDate',
		type: 'dateTime',
		required: true,
		default: '',
		displayOptions: { show: { filterBy: ['dateRange'] } },
	},
	{
		displayName: 'End Date',
		name: 'endDate',
		type: 'dateTime',
		required: true,
		default: '',
		displayOptions: { show: { filterBy: ['dateRange'] } },
	},
	...returnAllOrLimit,
];

const displayOptions = { show: { resource: ['transfer'], operation: ['getMany'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/** A date as RFC 3339 in UTC without milliseconds, as the reference shows (2011-01-11T00:00:00Z). */
function toRfc3339(value: unknown, field: string): string {
	const text = checkString(value, field);
	const date = new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(text) ? text : `${text.replace(' ', 'T')}Z`);
	if (Number.isNaN(date.getTime())) throw new FieldError(field, `"${text}" is not a date`);
	return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const filterBy = this.getNodeParameter('filterBy', i) as string;
	const limit = readLimit.call(this, i);
	const qs: IDataObject = {};
	if (filterBy === 'reference') {
		qs.ezw_reference_id = checkString(this.getNodeParameter('ezwReferenceId', i), 'eZeeWallet Reference ID', {
			maxLength: 255,
		});
	} else {
		qs.start_date = toRfc3339(this.getNodeParameter('startDate', i), 'Start Date');
		qs.end_date = toRfc3339(this.getNodeParameter('endDate', i), 'End Date');
		if (qs.end_date < qs.start_date) throw new FieldError('End Date', 'must not be before the Start Date');
	}
	return await collectPages<IDataObject>(async (page) => {
		const { body } = await ezeeWalletRequest.call(this, {
			method: 'GET',
			path: '/transfers',
			qs: { ...qs, page },
			kind: 'read',
			itemIndex: i,
		});
		// The reference shows the page counters both at the top level and under "pagination".
		const pagination = (body.pagination ?? body) as IDataObject;
		const current = Number(pagination.page ?? page);
		const pages = Number(pagination.pages_count ?? current);
		return { entries: (body.transfers ?? []) as IDataObject[], hasMore: current < pages };
	}, limit);
}
