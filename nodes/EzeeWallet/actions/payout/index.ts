import type { INodeProperties } from 'n8n-workflow';

import type { Operation } from '../../../shared/router';
import { executeBatchPayout } from './batch';
import * as create from './create.operation';
import * as createBatch from './createBatch.operation';

export const operations: Record<string, Operation> = { create, createBatch };

/**
 * Operation values of workflows saved before the legacy endpoints became the Endpoint Version option:
 * they run Create / Create Batch on the legacy endpoint (their fields are shown for them).
 */
export const savedOperations: Record<string, Operation> = {
	createLegacy: {
		...create,
		description: [],
		execute(this, itemIndex) {
			return create.sendSinglePayout.call(this, itemIndex, 'legacy');
		},
	},
	createBatchLegacy: {
		...createBatch,
		description: [],
		executeAll(this, items) {
			return executeBatchPayout.call(this, items, 'legacy');
		},
	},
};

export const picker: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['payout'] } },
	options: [
		{
			name: 'Create',
			value: 'create',
			action: 'Pay a consumer',
			description: 'Pay one consumer per input item from your merchant wallet',
		},
		{
			name: 'Create (Saved With Legacy Endpoint)',
			value: 'createLegacy',
			action: 'Pay a consumer on the legacy endpoint',
			description: 'Create with Endpoint Version Legacy, as saved in older workflows',
			// only shown in workflows saved with it (see savedOperations)
			displayOptions: { show: { operation: ['createLegacy'] } },
		},
		{
			name: 'Create Batch',
			value: 'createBatch',
			action: 'Pay many consumers in one batch',
			description: 'Pay every input item as one line of a batch payout',
		},
		{
			name: 'Create Batch (Saved With Legacy Endpoint)',
			value: 'createBatchLegacy',
			action: 'Pay many consumers on the legacy batch endpoint',
			description: 'Create Batch with Endpoint Version Legacy, as saved in older workflows',
			displayOptions: { show: { operation: ['createBatchLegacy'] } },
		},
	],
	default: 'create',
};
