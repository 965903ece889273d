import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { batchOptions, executeBatchPayout, recipientProperties } from './common';

// Reference: ezeewallet.txt, "Batch Payouts New Endpoint" (POST /batch_payouts_new): one request pays many consumers

const displayOptions = { show: { resource: ['payout'], operation: ['createBatch'] } };

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
	return await executeBatchPayout.call(this, items, '/batch_payouts_new');
}
