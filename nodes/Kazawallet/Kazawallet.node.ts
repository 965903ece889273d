import type {
	IExecuteFunctions,
	ILoadOptionsFunctions,
	INodeExecutionData,
	INodePropertyOptions,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { executionOptionsProperty, operationFields, routeOperation } from '../shared/router';
import { operationProperties, operations, resourceProperty } from './actions';
import { getPaymentMethods, methodFieldsFrom } from './actions/common';
import { KAZAWALLET_CALLS, kazawalletRequest } from './transport';

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
		loadOptions: {
			getPaymentMethods,
			/** The chosen payment method's fields, from GET /get-payment-method-fields. */
			async getPaymentMethodFields(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
				const id = String(this.getCurrentNodeParameter('paymentMethod') ?? '').trim();
				if (!/^\d+$/.test(id)) return [];
				const { body } = await kazawalletRequest.call(this, {
					method: 'GET',
					path: '/get-payment-method-fields',
					qs: { id },
					kind: KAZAWALLET_CALLS.getPaymentMethodFields,
				});
				return methodFieldsFrom(body).map((field) => ({
					name: field.required ? `${field.label} (required)` : field.label,
					value: field.slug,
					description: field.slug,
				}));
			},
		},
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await routeOperation.call(this, operations);
	}
}
