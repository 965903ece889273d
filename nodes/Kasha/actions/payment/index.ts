import type { INodeProperties } from 'n8n-workflow';

import type { Operation } from '../../../shared/router';
import * as getHostedCashierLink from './hostedCashier.operation';
import * as createHybridLink from './hybridLink.operation';
import * as initiate from './initiate.operation';
import * as getSubOptions from './getSubOptions.operation';
import * as post from './post.operation';
import * as pay from './pay.operation';
import * as refund from './refund.operation';
import * as getStatus from './getStatus.operation';

/** Payment operations (paths and kinds: KASHA_CALLS in ../../transport.ts). */
export const operations: Record<string, Operation> = {
	getHostedCashierLink,
	createHybridLink,
	initiate,
	getSubOptions,
	post,
	pay,
	refund,
	getStatus,
};

export const picker: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['payment'] } },
	options: [
		{
			name: 'Create Hybrid Link',
			value: 'createHybridLink',
			action: 'Create a hybrid payment link',
			description: 'Preselect an option (and bank) of a session and get a link to Kasha’s cashier for the rest',
		},
		{
			name: 'Get Hosted Cashier Link',
			value: 'getHostedCashierLink',
			action: 'Get a hosted cashier payment link',
			description: 'Open a payment session and get a link to Kasha’s cashier, where the customer pays',
		},
		{
			name: 'Get Status',
			value: 'getStatus',
			action: 'Get the status of a transaction',
			description: 'Look up the details and status of a payment or payout by its transaction ID',
		},
		{
			name: 'Get Sub-Options',
			value: 'getSubOptions',
			action: 'Get sub options of a payment option',
			description: 'List the banks and form inputs of a session’s payment option',
		},
		{
			name: 'Initiate',
			value: 'initiate',
			action: 'Initiate a payment',
			description: 'Open a payment session and list the payment options Kasha offers for it',
		},
		{
			name: 'Pay (Initiate and Post)',
			value: 'pay',
			action: 'Initiate and post a payment',
			description: 'Initiate, pick the option (and sub-option) by name, and post, in one step',
		},
		{
			name: 'Post Payment',
			value: 'post',
			action: 'Post a payment',
			description: 'Pay in a session opened by Initiate, with card data or the method’s fields',
		},
		{
			name: 'Refund',
			value: 'refund',
			action: 'Refund a payment by merchant reference',
			description: 'Give the whole payment back to the customer, found by its merchant reference',
		},
	],
	default: 'initiate',
};
