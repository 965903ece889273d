import type { INodeProperties } from 'n8n-workflow';

import type { OperationMap } from '../../../shared/router';
import * as create from './create.operation';

export const operations: OperationMap[string] = { create };

export const picker: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['withdrawal'] } },
	options: [
		{
			name: 'Create',
			value: 'create',
			action: 'Create a withdrawal request',
			description: 'Withdraw from a wallet to a payment method such as USDT-TRC20',
		},
	],
	default: 'create',
};
