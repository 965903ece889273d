import type { INodeProperties } from 'n8n-workflow';

import type { OperationMap } from '../../../shared/router';
import * as create from './create.operation';
import * as redeem from './redeem.operation';

export const operations: OperationMap[string] = { create, redeem };

export const picker: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['giftCard'] } },
	options: [
		{
			name: 'Create',
			value: 'create',
			action: 'Create a gift card',
			description: 'Buy a gift card from your merchant wallet; it expires one year after creation',
		},
		{
			name: 'Redeem',
			value: 'redeem',
			action: 'Redeem a gift card',
			description: "Add a gift card's value to a user's account",
		},
	],
	default: 'create',
};
