import type { INodeProperties } from 'n8n-workflow';

import type { OperationMap } from '../../shared/router';
import * as card from './card';
import * as deposit from './deposit';
import * as giftCard from './giftCard';
import * as paymentLink from './paymentLink';
import * as transfer from './transfer';
import * as wallet from './wallet';
import * as withdrawal from './withdrawal';

/** Every Kazawallet endpoint (19), by resource and operation. */
export const operations: OperationMap = {
	paymentLink: paymentLink.operations,
	withdrawal: withdrawal.operations,
	wallet: wallet.operations,
	deposit: deposit.operations,
	transfer: transfer.operations,
	card: card.operations,
	giftCard: giftCard.operations,
};

export const resourceProperty: INodeProperties = {
	displayName: 'Resource',
	name: 'resource',
	type: 'options',
	noDataExpression: true,
	options: [
		{ name: 'Card', value: 'card' },
		{ name: 'Deposit', value: 'deposit' },
		{ name: 'Gift Card', value: 'giftCard' },
		{ name: 'Payment Link', value: 'paymentLink' },
		{ name: 'Transfer', value: 'transfer' },
		{ name: 'Wallet', value: 'wallet' },
		{ name: 'Withdrawal', value: 'withdrawal' },
	],
	default: 'paymentLink',
};

export const operationProperties: INodeProperties[] = [
	paymentLink.picker,
	withdrawal.picker,
	wallet.picker,
	deposit.picker,
	transfer.picker,
	card.picker,
	giftCard.picker,
];
