import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { executionOptionsProperty, operationFields, routeOperation } from '../shared/router';
import { operationProperties, operations, resourceProperty } from './actions';
import { kazePayListSearch } from './methods/listSearch';

export class KazePay implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'KazePay',
		name: 'kazePay',
		icon: { light: 'file:kazepay.svg', dark: 'file:kazepay.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'KYC, physical cards (assign, activate, PIN, recharge, freeze, close) and card transactions with KazePay',
		defaults: { name: 'KazePay' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'kazePayApi', required: true }],
		properties: [
			resourceProperty,
			...operationProperties,
			...operationFields(operations),
			executionOptionsProperty,
		],
	};

	methods = { listSearch: kazePayListSearch };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await routeOperation.call(this, operations);
	}
}
