import type { INodeProperties } from 'n8n-workflow';

import type { Operation } from '../../../shared/router';
import * as create from './create.operation';
import * as getMany from './getMany.operation';

export const operations: Record<string, Operation> = { create, getMany };

/**
 * Operation values of workflows saved before the legacy endpoint became the Endpoint Version option:
 * "createLegacy" runs Create on the legacy endpoint (its fields are shown for it, see create.operation.ts).
 */
export const savedOperations: Record<string, Operation> = {
	createLegacy: {
		...create,
		description: [],
		execute(this, itemIndex) {
			return create.sendTransfer.call(this, itemIndex, 'legacy');
		},
	},
};

export const picker: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['transfer'] } },
	options: [
		{
			name: 'Create',
			value: 'create',
			action: 'Charge a consumer wallet',
			description: "Move money from a consumer's eZeeWallet to your merchant wallet",
		},
		{
			// only shown in workflows saved with it (see savedOperations)
			name: 'Create (Saved With Legacy Endpoint)',
			value: 'createLegacy',
			action: 'Charge a consumer wallet on the legacy endpoint',
			description: 'Create with Endpoint Version Legacy, as saved in older workflows',
			displayOptions: { show: { operation: ['createLegacy'] } },
		},
		{
			name: 'Get Many',
			value: 'getMany',
			action: 'Get many transfers',
			description: 'List the transfers of a period, or look up one transfer',
		},
	],
	default: 'create',
};
