import type { INodeProperties } from 'n8n-workflow';

import type { Operation } from '../../../shared/router';
import * as get from './get.operation';

export const operations: Record<string, Operation> = { get };

export const picker: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['account'] } },
	options: [
		{
			name: 'Get',
			value: 'get',
			action: 'Get a consumer account',
			description: "Get a consumer's wallet account number and status, by email",
		},
	],
	default: 'get',
};
