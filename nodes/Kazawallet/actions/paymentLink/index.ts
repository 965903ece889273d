import type { INodeProperties } from 'n8n-workflow';

import type { OperationMap } from '../../../shared/router';
import * as create from './create.operation';

export const operations: OperationMap[string] = { create };

export const picker: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['paymentLink'] } },
	options: [
		{
			name: 'Create',
			value: 'create',
			action: 'Create a payment link',
			description: 'Create a hosted link your customer pays; the Kazawallet Trigger tells you when it is paid',
		},
	],
	default: 'create',
};
