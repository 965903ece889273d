import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { batchOptions, executeBatchPayout, recipientProperties } from './common';

// Reference: ezeewallet.txt, "Batch Payouts" (POST /batch_payouts), the original endpoint: one request pays many consumers

const displayOptions = { show: { resource: ['payout'], operation: ['createBatchLegacy'] } };

export const description = updateDisplayOptions(displayOptions, [
	{
		displayName: 'Each input item is one recipient. All items are checked first, then sent in batches.',
		name: 'batchNotice',
		type: 'notice',
		default: '',
	},
	...recipientProperties,
	batchOptions,
]);

export async function executeAll(this: IExecuteFunctions, items: INodeExecutionData[]) {
	return await executeBatchPayout.call(this, items, '/batch_payouts');
}
