import type { INodeProperties } from 'n8n-workflow';

import type { OperationMap } from '../../shared/router';
import * as accountGet from './account/get.operation';
import * as payoutCreate from './payout/create.operation';
import * as payoutCreateBatch from './payout/createBatch.operation';
import * as payoutCreateBatchLegacy from './payout/createBatchLegacy.operation';
import * as payoutCreateLegacy from './payout/createLegacy.operation';
import * as refundCreate from './refund/create.operation';
import * as transactionGet from './transaction/get.operation';
import * as transferCreate from './transfer/create.operation';
import * as transferCreateLegacy from './transfer/createLegacy.operation';
import * as transferGetMany from './transfer/getMany.operation';

/** Every eZeeWallet endpoint, by resource and operation. */
export const operations: OperationMap = {
	transfer: { create: transferCreate, createLegacy: transferCreateLegacy, getMany: transferGetMany },
	refund: { create: refundCreate },
	transaction: { get: transactionGet },
	payout: {
		create: payoutCreate,
		createLegacy: payoutCreateLegacy,
		createBatch: payoutCreateBatch,
		createBatchLegacy: payoutCreateBatchLegacy,
	},
	account: { get: accountGet },
};

export const resourceProperty: INodeProperties = {
	displayName: 'Resource',
	name: 'resource',
	type: 'options',
	noDataExpression: true,
	options: [
		{ name: 'Account', value: 'account' },
		{ name: 'Payout', value: 'payout' },
		{ name: 'Refund', value: 'refund' },
		{ name: 'Transaction', value: 'transaction' },
		{ name: 'Transfer', value: 'transfer' },
	],
	default: 'transfer',
};

export const operationProperties: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['transfer'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Charge a consumer wallet',
				description: 'Move money from a consumer wallet to yours (POST /transfers_new)',
			},
			{
				name: 'Create (Legacy Endpoint)',
				value: 'createLegacy',
				action: 'Charge a consumer wallet via the legacy endpoint',
				description: 'The original transfer endpoint (POST /transfers)',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				action: 'Get many transfers',
				description: 'List transfers by reference or date range (GET /transfers)',
			},
		],
		default: 'create',
	},
	{
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
				description: 'Send money back to the consumer of a transfer (POST /refunds)',
			},
		],
		default: 'create',
	},
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['transaction'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				action: 'Get a transaction status',
				description: 'Status and type of a transfer or payout (GET /transaction)',
			},
		],
		default: 'get',
	},
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['payout'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Pay a consumer',
				description: 'One payout per item (POST /single_payouts_new)',
			},
			{
				name: 'Create (Legacy Endpoint)',
				value: 'createLegacy',
				action: 'Pay a consumer via the legacy endpoint',
				description: 'One payout per item (POST /single_payouts)',
			},
			{
				name: 'Create Batch',
				value: 'createBatch',
				action: 'Pay many consumers in one batch',
				description: 'All items as batch payouts (POST /batch_payouts_new)',
			},
			{
				name: 'Create Batch (Legacy Endpoint)',
				value: 'createBatchLegacy',
				action: 'Pay many consumers via the legacy batch endpoint',
				description: 'All items as batch payouts (POST /batch_payouts)',
			},
		],
		default: 'create',
	},
	{
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
				description: "A consumer's account number and status, by email (GET /account)",
			},
		],
		default: 'get',
	},
];
