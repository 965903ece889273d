import type { INodeProperties } from 'n8n-workflow';

import type { Operation } from '../../../shared/router';
import * as getHostedCashierLink from './hostedCashier.operation';
import * as initiate from './initiate.operation';
import * as getSubOptions from './getSubOptions.operation';
import * as create from './create.operation';
import * as confirm from './confirm.operation';

/** Payout operations (paths and kinds: KASHA_CALLS in ../../transport.ts). */
export const operations: Record<string, Operation> = {
	getHostedCashierLink,
	initiate,
	getSubOptions,
	create,
	confirm,
};

export const picker: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['payout'] } },
	options: [
		{
			name: 'Confirm',
			value: 'confirm',
			action: 'Approve or decline a payout',
			description: 'Approve a pending payout (Kasha pays it) or decline it',
		},
		{
			name: 'Create',
			value: 'create',
			action: 'Create a payout',
			description: 'Request a payout in a session opened by Initiate; it waits for approval',
		},
		{
			name: 'Get Hosted Cashier Link',
			value: 'getHostedCashierLink',
			action: 'Get a hosted cashier payout link',
			description: 'Open a payout session and get a link to Kasha’s cashier, where the payee enters their details',
		},
		{
			name: 'Get Sub-Options',
			value: 'getSubOptions',
			action: 'Get sub options of a payout option',
			description: 'List the sub-options and form inputs of a session’s payout option',
		},
		{
			name: 'Initiate',
			value: 'initiate',
			action: 'Initiate a payout',
			description: 'Open a payout session and list the payout options Kasha offers for it',
		},
	],
	default: 'initiate',
};
