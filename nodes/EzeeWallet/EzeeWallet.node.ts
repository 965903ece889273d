import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { executionOptionsProperty, operationFields, routeOperation } from '../shared/router';
import { operationProperties, operations, resourceProperty, savedOperations } from './actions';
import { searchTransfers } from './methods/listSearch';

const perItemOperations = ['create', 'createLegacy', 'getMany', 'get'];
const batchOperations = ['createBatch', 'createBatchLegacy'];

/** Batches send their items in chunks themselves: Parallel Requests does not apply, the timeout and the ledger do. */
const batchExecutionOptions = {
	...executionOptionsProperty,
	options: (executionOptionsProperty.options ?? []).filter((option) => option.name !== 'parallelRequests'),
	displayOptions: { show: { operation: batchOperations } },
};

export class EzeeWallet implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'eZeeWallet',
		name: 'ezeeWallet',
		icon: { light: 'file:ezeewallet.svg', dark: 'file:ezeewallet.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Charge consumer wallets, refund, pay out and look up transactions and accounts with eZeeWallet',
		defaults: { name: 'eZeeWallet' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'ezeeWalletApi', required: true }],
		properties: [
			resourceProperty,
			...operationProperties,
			...operationFields(operations),
			{ ...executionOptionsProperty, displayOptions: { show: { operation: perItemOperations } } },
			batchExecutionOptions,
		],
	};

	methods = { listSearch: { searchTransfers } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		// savedOperations: also the operation values of workflows saved before Endpoint Version existed
		return await routeOperation.call(this, savedOperations);
	}
}
