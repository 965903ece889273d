import type { INodeProperties } from 'n8n-workflow';

import type { OperationMap } from '../../shared/router';
import * as card from './card';
import * as kyc from './kyc';
import * as transaction from './transaction';
import * as webhook from './webhook';

export const operations: OperationMap = {
	kyc: kyc.operations,
	card: card.operations,
	transaction: transaction.operations,
	webhook: webhook.operations,
};

export const resourceProperty: INodeProperties = {
	displayName: 'Resource',
	name: 'resource',
	type: 'options',
	noDataExpression: true,
	options: [
		{ name: 'Card', value: 'card' },
		{ name: 'KYC', value: 'kyc' },
		{ name: 'Transaction', value: 'transaction' },
		{ name: 'Webhook', value: 'webhook' },
	],
	default: 'card',
};

export const operationProperties: INodeProperties[] = [kyc.picker, card.picker, transaction.picker, webhook.picker];
