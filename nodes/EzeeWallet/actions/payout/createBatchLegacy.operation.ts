import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { idempotencyKeyProperty } from '../../../shared/ledger';
import { batchOptions, executeBatchPayout, recipientProperties } from './common';

// Reference: ezeewallet.txt, "Batch Payouts" (POST /batch_payouts), the original endpoint: one request pays many consumers

const displayOptions = { show: { resource: ['payout'], operation: ['createBatchLegacy'] } };

export const description = updateDisplayOptions(displayOptions, [
	{
		displayName:
			'Each input item is one recipient, with a Merchant Reference unique in the run. All items are checked first, then sent in batches; an item whose Idempotency Key was already sent is skipped.',
		name: 'batchNotice',
		type: 'notice',
		default: '',
	},
	...recipientProperties,
	idempotencyKeyProperty('merchantReference', 'payout'),
	batchOptions,
]);

export async function executeAll(this: IExecuteFunctions, items: INodeExecutionData[]) {
	return await executeBatchPayout.call(this, items, '/batch_payouts');
}

/** Not for AI agents: executeBatchPayout refuses to run as a tool (the router checks this flag for per-item operations only). */
export const notForAgents = true;
