import type { INodeProperties } from 'n8n-workflow';

import type { OperationMap } from '../../shared/router';
import * as account from './account';
import * as payout from './payout';
import * as refund from './refund';
import * as transaction from './transaction';
import * as transfer from './transfer';

/** Every eZeeWallet operation the editor offers, by resource and operation. */
export const operations: OperationMap = {
	transfer: transfer.operations,
	refund: refund.operations,
	transaction: transaction.operations,
	payout: payout.operations,
	account: account.operations,
};

/**
 * What the router runs: the operations plus the operation values of workflows saved before the legacy
 * endpoints became the Endpoint Version option ("createLegacy", "createBatchLegacy").
 */
export const savedOperations: OperationMap = {
	...operations,
	transfer: { ...transfer.operations, ...transfer.savedOperations },
	payout: { ...payout.operations, ...payout.savedOperations },
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
	transfer.picker,
	refund.picker,
	transaction.picker,
	payout.picker,
	account.picker,
];
