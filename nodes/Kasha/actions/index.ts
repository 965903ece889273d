import type { INodeProperties } from 'n8n-workflow';

import type { OperationMap } from '../../shared/router';
import * as payment from './payment';
import * as payout from './payout';

/** Every Kasha operation, by resource and operation. */
export const operations: OperationMap = {
	payment: payment.operations,
	payout: payout.operations,
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

export const operationProperties: INodeProperties[] = [payment.picker, payout.picker];
