import type { INodeProperties } from 'n8n-workflow';

import type { OperationMap } from '../../shared/router';
import * as paymentGetHostedCashierLink from './payment/hostedCashier.operation';
import * as paymentCreateHybridLink from './payment/hybridLink.operation';
import * as paymentInitiate from './payment/initiate.operation';
import * as paymentGetSubOptions from './payment/getSubOptions.operation';
import * as paymentPost from './payment/post.operation';
import * as paymentPay from './payment/pay.operation';
import * as paymentRefund from './payment/refund.operation';
import * as paymentGetStatus from './payment/getStatus.operation';
import * as payoutGetHostedCashierLink from './payout/hostedCashier.operation';
import * as payoutInitiate from './payout/initiate.operation';
import * as payoutGetSubOptions from './payout/getSubOptions.operation';
import * as payoutCreate from './payout/create.operation';
import * as payoutConfirm from './payout/confirm.operation';

/** Every Kasha operation, by resource and operation. Paths: KASHA_ENDPOINTS in ../transport.ts. */
export const operations: OperationMap = {
	payment: {
		getHostedCashierLink: paymentGetHostedCashierLink,
		createHybridLink: paymentCreateHybridLink,
		initiate: paymentInitiate,
		getSubOptions: paymentGetSubOptions,
		post: paymentPost,
		pay: paymentPay,
		refund: paymentRefund,
		getStatus: paymentGetStatus,
	},
	payout: {
		getHostedCashierLink: payoutGetHostedCashierLink,
		initiate: payoutInitiate,
		getSubOptions: payoutGetSubOptions,
		create: payoutCreate,
		confirm: payoutConfirm,
	},
};

export const resourceProperty: INodeProperties = {
	displayName: 'Resource',
	name: 'resource',
	type: 'options',
	noDataExpression: true,
	options: [
		{ name: 'Payment', value: 'payment' },
		{ name: 'Payout', value: 'payout' },
	],
	default: 'payment',
};

export const operationProperties: INodeProperties[] = [
	{
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
				description: 'Preselect an option of a session and get a hosted cashier link (POST /v2/hybrid-payment, path assumed)',
			},
			{
				name: 'Get Hosted Cashier Link',
				value: 'getHostedCashierLink',
				action: 'Get a hosted cashier payment link',
				description: 'Open a payment session and get a link to Kasha’s cashier (POST /v2/payment-session)',
			},
			{
				name: 'Get Status',
				value: 'getStatus',
				action: 'Get a transaction status',
				description: 'Details and status of a payment or payout (GET /v2/payments/{ID}, path inferred)',
			},
			{
				name: 'Get Sub-Options',
				value: 'getSubOptions',
				action: 'Get payment sub options',
				description: 'Banks and form inputs of a session’s payment option (POST /v2/payment-suboptions)',
			},
			{
				name: 'Initiate',
				value: 'initiate',
				action: 'Initiate a payment',
				description: 'Open a payment session and list its payment options (POST /v2/payment-options)',
			},
			{
				name: 'Pay (Initiate and Post)',
				value: 'pay',
				action: 'Initiate and post a payment',
				description: 'Initiate, pick the option (and sub-option) by name, and post, in one step',
			},
			{
				name: 'Post',
				value: 'post',
				action: 'Post a payment',
				description: 'Complete a session with card data or method fields (POST /v2/direct-payment)',
			},
			{
				name: 'Refund',
				value: 'refund',
				action: 'Refund a payment by merchant reference',
				description: 'Refund an authorized payment by its merchant reference (POST /v2/refund/by-reference, path inferred)',
			},
		],
		default: 'initiate',
	},
	{
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
				description: 'APPROVE or DECLINE a pending payout (POST /v2/settle-payout, path inferred)',
			},
			{
				name: 'Create',
				value: 'create',
				action: 'Create a payout',
				description: 'Request a payout; it stays PENDING until confirmed (POST /v2/direct-payout, path inferred)',
			},
			{
				name: 'Get Hosted Cashier Link',
				value: 'getHostedCashierLink',
				action: 'Get a hosted cashier payout link',
				description: 'Open a payout session and get a link to Kasha’s cashier (POST /v2/payout-session, path inferred)',
			},
			{
				name: 'Get Sub-Options',
				value: 'getSubOptions',
				action: 'Get payout sub options',
				description: 'Sub-options and form inputs of a payout option (POST /v2/payout-suboptions, path inferred)',
			},
			{
				name: 'Initiate',
				value: 'initiate',
				action: 'Initiate a payout',
				description: 'Open a payout session and list its payout options (POST /v2/payout-options, path inferred)',
			},
		],
		default: 'initiate',
	},
];
