import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { collectPages, readLimit, returnAllOrLimit } from '../../../shared/pagination';
import type { OperationResult } from '../../../shared/router';
import { pick, simplifyProperty } from '../../../shared/output';
import { checkString } from '../../../shared/validation';
import { KPAY_CALLS, kpayRequest } from '../../transport';
import { rials, shopLocator, withMoneyOf } from '../common';

// Reference: Transactions, List Transactions (GET /transactions?shop_id=&status=&page=&per_page=)

/** Page size asked for when walking pages. */
export const TRANSACTIONS_PER_PAGE = 50;

/** The fields Simplify keeps (plus `money`). */
export const SIMPLE_FIELDS = ['id', 'authority', 'shop_id', 'amount', 'final_amount', 'status', 'factor_number', 'created_at', 'paid_at'];

const properties: INodeProperties[] = [
	...returnAllOrLimit,
	simplifyProperty(undefined, `${SIMPLE_FIELDS.join(', ')} and money`),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			shopLocator({ required: false, description: 'Only transactions of this shop. Pick it from the list, or enter its ID.' }),
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
	const shopId = readShopFilter(filters.shopId);
	if (shopId) qs.shop_id = shopId;
	const status = checkString(filters.status, 'Status', { required: false });
	if (status) qs.status = status;
	const perPage = limit === undefined ? TRANSACTIONS_PER_PAGE : Math.min(limit, TRANSACTIONS_PER_PAGE);
	const simplify = this.getNodeParameter('simplify', i, true) as boolean;
	const transactions = await collectPages<IDataObject>(async (page) => {
		const { body } = await kpayRequest.call(this, KPAY_CALLS.listTransactions, {
			method: 'GET',
			path: '/transactions',
			qs: { ...qs, page, per_page: perPage },
			itemIndex: i,
		});
		const entries = (body.transactions ?? []) as IDataObject[];
		const total = Number(body.total ?? 0);
		const size = Number(body.per_page ?? perPage);
		const current = Number(body.page ?? page);
		return { entries, hasMore: Number.isFinite(total) && current * size < total };
	}, limit);
	return transactions.map((transaction) =>
		withMoneyOf(simplify ? pick(transaction, SIMPLE_FIELDS) : transaction, rials(transaction.amount)),
	);
}

/** The Shop filter: a locator's value, or the plain ID of a workflow saved before it was a locator. */
function readShopFilter(value: unknown): string {
	const raw = value && typeof value === 'object' ? (value as IDataObject).value : value;
	return checkString(raw, 'Shop', { required: false, maxLength: 255 });
}
