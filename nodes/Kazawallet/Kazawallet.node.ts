import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { executionOptionsProperty, operationFields, routeOperation } from '../shared/router';
import { operationProperties, operations, resourceProperty } from './actions';
import { getPaymentMethodFields, getPaymentMethods } from './methods/loadOptions';
import { searchCards } from './methods/listSearch';

export class Kazawallet implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Kazawallet',
		name: 'kazawallet',
		icon: { light: 'file:kazawallet.svg', dark: 'file:kazawallet.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Payment links, withdrawals, deposits, transfers, virtual cards and gift cards with Kazawallet',
		defaults: { name: 'Kazawallet' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'kazawalletApi', required: true }],
		properties: [
			resourceProperty,
			...operationProperties,
			...operationFields(operations),
			executionOptionsProperty,
		],
	};

	methods = {
		loadOptions: { getPaymentMethods, getPaymentMethodFields },
		listSearch: { searchCards },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await routeOperation.call(this, operations);
	}
}
