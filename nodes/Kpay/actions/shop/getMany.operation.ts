import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { omitKeys } from '../../../shared/redact';
import { readLimit, returnAllOrLimit } from '../../../shared/pagination';
import type { OperationResult } from '../../../shared/router';
import { KPAY_CALLS, kpayRequest } from '../../transport';

// Reference: Shops, List Shops (GET /shops → { shops, total }; one page, no paging parameters)

const properties: INodeProperties[] = [
	...returnAllOrLimit,
	{
		displayName: 'Include API Keys',
		name: 'includeApiKeys',
		type: 'boolean',
		default: false,
		description: "Whether each shop's API key is included in the output. Off: the keys are left out.",
	},
];

export const description = updateDisplayOptions({ show: { resource: ['shop'], operation: ['getMany'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const limit = readLimit.call(this, i);
	const includeKeys = this.getNodeParameter('includeApiKeys', i, false) as boolean;
	const { body } = await kpayRequest.call(this, KPAY_CALLS.listShops, { method: 'GET', path: '/shops', itemIndex: i });
	const list = (body.shops ?? []) as IDataObject[];
	const shops = includeKeys ? list : omitKeys(list, new Set(['api_key']));
	return limit === undefined ? shops : shops.slice(0, limit);
}
