import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { idempotencyKeyProperty } from '../../../shared/ledger';
import { endpointVersionProperty, readEndpointVersion, savedLegacyNotice } from '../common';
import { executeBatchPayout } from './batch';
import { batchOptions, recipientProperties } from './common';

// Reference (eZeeWallet API 1.3.7): "Batch Payouts New Endpoint" (POST /batch_payouts_new) and "Batch Payouts"
// (POST /batch_payouts): one request pays many consumers

const displayOptions = { show: { resource: ['payout'], operation: ['createBatch', 'createBatchLegacy'] } };

export const description: INodeProperties[] = [
	endpointVersionProperty('payout', 'createBatch', 'POST /batch_payouts_new', 'POST /batch_payouts'),
	savedLegacyNotice('payout', 'createBatchLegacy', 'Create Batch'),
	...updateDisplayOptions(displayOptions, [
		{
			displayName:
				'Each input item is one recipient, with a Merchant Reference unique in the run. All items are checked first, then sent in batches; an item whose Idempotency Key was already sent is skipped',
			name: 'batchNotice',
			type: 'notice',
			default: '',
		},
		...recipientProperties,
		idempotencyKeyProperty('merchantReference', 'payout'),
		batchOptions,
	]),
];

/** The Endpoint Version of the run (one request per chunk: every item goes to the same endpoint). */
export async function executeAll(this: IExecuteFunctions, items: INodeExecutionData[]) {
	return await executeBatchPayout.call(this, items, readEndpointVersion.call(this, 0));
}

/** Not for AI agents: executeBatchPayout refuses to run as a tool (the router checks this flag for per-item operations only). */
export const notForAgents = true;
