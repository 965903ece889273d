import type { INodeProperties } from 'n8n-workflow';

import type { Operation } from '../../../shared/router';
import * as activate from './activate.operation';
import * as assign from './assign.operation';
import * as close from './close.operation';
import * as get from './get.operation';
import * as getBalance from './getBalance.operation';
import * as recharge from './recharge.operation';
import * as setPin from './setPin.operation';
import * as setStatus from './setStatus.operation';

export const operations: Record<string, Operation> = { assign, activate, setPin, get, getBalance, recharge, setStatus, close };

export const picker: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['card'] } },
	options: [
		{ name: 'Activate', value: 'activate', action: 'Activate a card', description: 'Activate a card with the cardholder’s single-use activation code' },
		{ name: 'Assign', value: 'assign', action: 'Assign a card to a cardholder', description: 'Give a physical card to a cardholder whose KYC has passed' },
		{ name: 'Close', value: 'close', action: 'Close a card', description: 'Close a card for good; its balance goes back to your merchant account' },
		{ name: 'Get', value: 'get', action: 'Get a card', description: 'Get a card’s details, with its number masked' },
		{ name: 'Get Balance', value: 'getBalance', action: 'Get a card balance', description: 'Get the available and blocked balance of a card' },
		{ name: 'Recharge', value: 'recharge', action: 'Recharge a card', description: 'Top up a card from your merchant account' },
		{ name: 'Set PIN', value: 'setPin', action: 'Set a card PIN', description: 'Set the six-digit PIN of a card' },
		{ name: 'Set Status', value: 'setStatus', action: 'Freeze or unfreeze a card', description: 'Freeze a card (inactive) or unfreeze it (active)' },
	],
	default: 'get',
};
