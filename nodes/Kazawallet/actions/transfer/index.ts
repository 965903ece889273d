import type { INodeProperties } from 'n8n-workflow';

import type { OperationMap } from '../../../shared/router';
import * as create from './create.operation';

export const operations: OperationMap[string] = { create };

export const picker: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['transfer'] } },
	options: [
		{
			name: 'Create',
			value: 'create',
			action: 'Transfer from merchant to user',
			description: "Move money from your merchant wallet to a user's wallet",
		},
	],
	default: 'create',
};
