import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { executionOptionsProperty, operationFields, routeOperation } from '../shared/router';
import { operationProperties, operations, resourceProperty } from './actions';
import { kpayListSearch } from './methods/listSearch';
import { kpayLoadOptions } from './methods/loadOptions';

export class Kpay implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'KPAY',
		name: 'kpay',
		icon: { light: 'file:kpay.svg', dark: 'file:kpay.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Card-to-card payments, shops, cards and the crypto gateway of KPAY',
		defaults: { name: 'KPAY' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'kpayApi', required: true }],
		properties: [
			resourceProperty,
			...operationProperties,
			...operationFields(operations),
			executionOptionsProperty,
		],
	};

	methods = { loadOptions: kpayLoadOptions, listSearch: kpayListSearch };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await routeOperation.call(this, operations);
	}
}
