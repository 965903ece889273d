import type { INodeProperties } from 'n8n-workflow';

import type { OperationMap } from '../../../shared/router';
import * as create from './create.operation';

export const operations: OperationMap[string] = { create };

export const picker: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['deposit'] } },
	options: [
		{
			name: 'Create',
			value: 'create',
			action: 'Create a deposit request',
			description: 'Create a pending deposit that a user then pays through a payment method',
		},
	],
	default: 'create',
};
