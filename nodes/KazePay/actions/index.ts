import type { INodeProperties } from 'n8n-workflow';

import type { OperationMap } from '../../shared/router';
import * as cardActivate from './card/activate.operation';
import * as cardAssign from './card/assign.operation';
import * as cardClose from './card/close.operation';
import * as cardGet from './card/get.operation';
import * as cardGetBalance from './card/getBalance.operation';
import * as cardRecharge from './card/recharge.operation';
import * as cardSetPin from './card/setPin.operation';
import * as cardSetStatus from './card/setStatus.operation';
import * as kycGetStatus from './kyc/getStatus.operation';
import * as kycSubmit from './kyc/submit.operation';
import * as transactionGetMany from './transaction/getMany.operation';
import * as webhookGet from './webhook/get.operation';
import * as webhookSet from './webhook/set.operation';

/** Every KazePay apiCode, by resource and operation. */
export const operations: OperationMap = {
	kyc: { submit: kycSubmit, getStatus: kycGetStatus },
	card: {
		assign: cardAssign,
		activate: cardActivate,
		setPin: cardSetPin,
		get: cardGet,
		getBalance: cardGetBalance,
		recharge: cardRecharge,
		setStatus: cardSetStatus,
		close: cardClose,
	},
	transaction: { getMany: transactionGetMany },
	webhook: { set: webhookSet, get: webhookGet },
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

export const operationProperties: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['kyc'] } },
		options: [
			{ name: 'Get Status', value: 'getStatus', action: 'Get a KYC status', description: 'WAITING_KYC, PASSED or REJECTED (queryUcardKycStatus)' },
			{ name: 'Submit', value: 'submit', action: 'Submit a KYC', description: 'Cardholder details and document photos (setUcardKyc, deprecated by KazePay)' },
		],
		default: 'submit',
	},
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['card'] } },
		options: [
			{ name: 'Activate', value: 'activate', action: 'Activate a card', description: 'With the cardholder’s single-use activation code (ucardActive)' },
			{ name: 'Assign', value: 'assign', action: 'Assign a card', description: 'Give a physical card to a KYC-passed cardholder (ucardAssign)' },
			{ name: 'Close', value: 'close', action: 'Close a card', description: 'Close the card; its balance goes back to you (closeCard)' },
			{ name: 'Get', value: 'get', action: 'Get a card', description: 'Card details, number masked (queryCard)' },
			{ name: 'Get Balance', value: 'getBalance', action: 'Get a card balance', description: 'Available and blocked balance (cardBalance)' },
			{ name: 'Recharge', value: 'recharge', action: 'Recharge a card', description: 'Top up the card from your merchant account (cardRecharge)' },
			{ name: 'Set PIN', value: 'setPin', action: 'Set a card PIN', description: 'Six-digit PIN (cardSetPin)' },
			{ name: 'Set Status', value: 'setStatus', action: 'Freeze or unfreeze a card', description: 'ACTIVE or INACTIVE (updCardStatus)' },
		],
		default: 'get',
	},
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['transaction'] } },
		options: [
			{ name: 'Get Many', value: 'getMany', action: 'Get many card transactions', description: 'Paged card transactions (queryTransactions)' },
		],
		default: 'getMany',
	},
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['webhook'] } },
		options: [
			{ name: 'Get URL', value: 'get', action: 'Get the webhook URL', description: 'The URL KazePay sends events to (getWebhookUrl)' },
			{ name: 'Set URL', value: 'set', action: 'Set the webhook URL', description: 'Where KazePay sends events (setWebhookUrl)' },
		],
		default: 'get',
	},
];
