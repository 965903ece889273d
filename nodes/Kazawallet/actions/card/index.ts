import type { INodeProperties } from 'n8n-workflow';

import type { OperationMap } from '../../../shared/router';
import * as cancel from './cancel.operation';
import * as createWithoutTopUp from './createWithoutTopUp.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as getTransactions from './getTransactions.operation';
import * as issue from './issue.operation';
import * as lock from './lock.operation';
import * as topUp from './topUp.operation';
import * as unlock from './unlock.operation';
import * as validateCode from './validateCode.operation';

export const operations: OperationMap[string] = {
	issue,
	topUp,
	cancel,
	lock,
	unlock,
	getMany,
	get,
	getTransactions,
	validateCode,
	createWithoutTopUp,
};

export const picker: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['card'] } },
	options: [
		{
			name: 'Cancel',
			value: 'cancel',
			action: 'Cancel a card',
			description: 'Close a card for good; its remaining balance goes back to your merchant wallet',
		},
		{
			name: 'Create Without Top-Up (Old, Use Issue)',
			value: 'createWithoutTopUp',
			action: 'Create a card without a first top up',
			description: 'Kazawallet keeps this endpoint for old integrations only: use Issue for new workflows',
		},
		{
			name: 'Get',
			value: 'get',
			action: 'Get a card',
			description: "Get a card's details, with the card number masked unless you ask for it",
		},
		{
			name: 'Get Many',
			value: 'getMany',
			action: 'Get many cards',
			description: 'List the cards of your merchant account, optionally of one user',
		},
		{
			name: 'Get Transactions',
			value: 'getTransactions',
			action: 'Get card transactions',
			description: "List a card's transactions, with the names of their state, type and direction",
		},
		{
			name: 'Issue',
			value: 'issue',
			action: 'Issue a card',
			description: 'Create a basic or plus card for a user and top it up',
		},
		{
			name: 'Lock',
			value: 'lock',
			action: 'Lock a card',
			description: 'Stop a card from being used until it is unlocked',
		},
		{
			name: 'Top Up',
			value: 'topUp',
			action: 'Top up a card',
			description: 'Move money from your merchant wallet to a card',
		},
		{
			name: 'Unlock',
			value: 'unlock',
			action: 'Unlock a card',
			description: 'Let a locked card be used again',
		},
		{
			name: 'Validate Code',
			value: 'validateCode',
			action: 'Validate a 3DS code',
			description: 'Confirm a card payment with the 3DS code the card holder received',
		},
	],
	default: 'issue',
};
