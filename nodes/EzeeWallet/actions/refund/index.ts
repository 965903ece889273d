import type { INodeProperties } from 'n8n-workflow';

import type { Operation } from '../../../shared/router';
import * as create from './create.operation';

export const operations: Record<string, Operation> = { create };

export const picker: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['refund'] } },
	options: [
		{
			name: 'Create',
			value: 'create',
			action: 'Refund a transfer',
			description: 'Send money of a transfer back from your merchant wallet to the consumer',
		},
	],
	default: 'create',
};
