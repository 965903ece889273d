import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { collectPages, readLimit, returnAllOrLimit } from '../../../shared/pagination';
import type { OperationResult } from '../../../shared/router';
import { checkString } from '../../../shared/validation';
import { kpayRequest } from '../../transport';
import { shopProperty } from '../common';

// Reference: kpay.txt, Transactions, "List Transactions" (GET /transactions?shop_id=&status=&page=&per_page=)

/** Page size asked for when walking pages. */
export const TRANSACTIONS_PER_PAGE = 50;

const properties: INodeProperties[] = [
	...returnAllOrLimit,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			shopProperty({ required: false, description: 'Only transactions of this shop. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.' }),
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				options: [
					{ name: 'Cancelled', value: 'cancelled' },
					{ name: 'Expired', value: 'expired' },
					{ name: 'Paid', value: 'paid' },
					{ name: 'Pending', value: 'pending' },
					{ name: 'Verified', value: 'verified' },
				],
				default: 'pending',
				description: 'Only transactions with this status',
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['transaction'], operation: ['getMany'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const limit = readLimit.call(this, i);
	const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
	const qs: IDataObject = {};
	const shopId = checkString(filters.shopId, 'Shop', { required: false });
	if (shopId) qs.shop_id = shopId;
	const status = checkString(filters.status, 'Status', { required: false });
	if (status) qs.status = status;
	const perPage = limit === undefined ? TRANSACTIONS_PER_PAGE : Math.min(limit, TRANSACTIONS_PER_PAGE);
	return await collectPages<IDataObject>(async (page) => {
		const { body } = await kpayRequest.call(this, {
			method: 'GET',
			path: '/transactions',
			qs: { ...qs, page, per_page: perPage },
			kind: 'read',
			itemIndex: i,
		});
		const entries = (body.transactions ?? []) as IDataObject[];
		const total = Number(body.total ?? 0);
		const size = Number(body.per_page ?? perPage);
		const current = Number(body.page ?? page);
		return { entries, hasMore: Number.isFinite(total) && current * size < total };
	}, limit);
}
