import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { executionOptionsProperty, operationFields, routeOperation } from '../shared/router';
import { operationProperties, operations, resourceProperty } from './actions';
import { searchPaymentSubOptions, searchPayoutSubOptions } from './methods/listSearch';
import { getSessionPaymentOptions } from './methods/loadOptions';

export class Kasha implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Kasha',
		name: 'kasha',
		icon: { light: 'file:kasha.svg', dark: 'file:kasha.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Hosted cashier, hybrid and direct payments, payouts, refunds and statuses with Kasha API v2',
		defaults: { name: 'Kasha' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'kashaApi', required: true }],
		properties: [
			resourceProperty,
			...operationProperties,
			...operationFields(operations),
			executionOptionsProperty,
		],
	};

	methods = {
		loadOptions: { getSessionPaymentOptions },
		listSearch: { searchPaymentSubOptions, searchPayoutSubOptions },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await routeOperation.call(this, operations);
	}
}
