import type { INodeProperties } from 'n8n-workflow';

import type { OperationMap } from '../../shared/router';
import * as auth from './auth';
import * as card from './card';
import * as crypto from './crypto';
import * as shop from './shop';
import * as transaction from './transaction';

/** Every KPAY operation (18), by resource. */
export const operations: OperationMap = {
	auth: auth.operations,
	shop: shop.operations,
	card: card.operations,
	transaction: transaction.operations,
	crypto: crypto.operations,
};

export const resourceProperty: INodeProperties = {
	displayName: 'Resource',
	name: 'resource',
	type: 'options',
	noDataExpression: true,
	options: [
		{ name: 'Account', value: 'auth', description: 'Register, log in, current user' },
		{ name: 'Card', value: 'card', description: 'Bank cards that receive card-to-card payments' },
		{ name: 'Crypto Gateway', value: 'crypto', description: 'Crypto payments, balances and withdrawals' },
		{ name: 'Shop', value: 'shop', description: 'Shops that receive payments, and their API keys' },
		{ name: 'Transaction', value: 'transaction', description: 'Card-to-card payment requests' },
	],
	default: 'transaction',
};

export const operationProperties: INodeProperties[] = [
	...auth.picker,
	...shop.picker,
	...card.picker,
	...transaction.picker,
	...crypto.picker,
];
