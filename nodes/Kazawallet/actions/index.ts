import type { INodeProperties } from 'n8n-workflow';

import type { OperationMap } from '../../shared/router';
import * as cardCancel from './card/cancel.operation';
import * as cardCreateWithoutTopUp from './card/createWithoutTopUp.operation';
import * as cardGet from './card/get.operation';
import * as cardGetMany from './card/getMany.operation';
import * as cardGetTransactions from './card/getTransactions.operation';
import * as cardIssue from './card/issue.operation';
import * as cardLock from './card/lock.operation';
import * as cardTopUp from './card/topUp.operation';
import * as cardUnlock from './card/unlock.operation';
import * as cardValidateCode from './card/validateCode.operation';
import * as depositCreate from './deposit/create.operation';
import * as giftCardCreate from './giftCard/create.operation';
import * as giftCardRedeem from './giftCard/redeem.operation';
import * as paymentLinkCreate from './paymentLink/create.operation';
import * as transferCreate from './transfer/create.operation';
import * as walletGetBalances from './wallet/getBalances.operation';
import * as walletGetPaymentMethodFields from './wallet/getPaymentMethodFields.operation';
import * as walletGetRates from './wallet/getRates.operation';
import * as withdrawalCreate from './withdrawal/create.operation';

/** Every Kazawallet endpoint (19), by resource and operation. */
export const operations: OperationMap = {
	paymentLink: { create: paymentLinkCreate },
	withdrawal: { create: withdrawalCreate },
	wallet: {
		getRates: walletGetRates,
		getBalances: walletGetBalances,
		getPaymentMethodFields: walletGetPaymentMethodFields,
	},
	deposit: { create: depositCreate },
	transfer: { create: transferCreate },
	card: {
		issue: cardIssue,
		topUp: cardTopUp,
		cancel: cardCancel,
		lock: cardLock,
		unlock: cardUnlock,
		getMany: cardGetMany,
		get: cardGet,
		getTransactions: cardGetTransactions,
		validateCode: cardValidateCode,
		createWithoutTopUp: cardCreateWithoutTopUp,
	},
	giftCard: { create: giftCardCreate, redeem: giftCardRedeem },
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

function operationProperty(resource: string, options: INodeProperties['options'], defaultValue: string): INodeProperties {
	return {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource] } },
		options,
		default: defaultValue,
	};
}

export const operationProperties: INodeProperties[] = [
	operationProperty(
		'paymentLink',
		[
			{
				name: 'Create',
				value: 'create',
				action: 'Create a payment link',
				description: 'A hosted link your customer pays (POST /createPaymentLink)',
			},
		],
		'create',
	),
	operationProperty(
		'withdrawal',
		[
			{
				name: 'Create',
				value: 'create',
				action: 'Create a withdrawal request',
				description: 'Withdraw to a payment method such as USDT-TRC20 (POST /createWithdrawalRequest)',
			},
		],
		'create',
	),
	operationProperty(
		'wallet',
		[
			{
				name: 'Get Balances',
				value: 'getBalances',
				action: 'Get merchant wallet balances',
				description: 'One item per merchant wallet (GET /get-merchant-wallets)',
			},
			{
				name: 'Get Payment Method Fields',
				value: 'getPaymentMethodFields',
				action: 'Get the fields of a payment method',
				description: 'Deposit and withdrawal fields of a method (GET /get-payment-method-fields)',
			},
			{
				name: 'Get Rates',
				value: 'getRates',
				action: 'Get exchange rates',
				description: 'Current exchange rates (GET /get-rate)',
			},
		],
		'getBalances',
	),
	operationProperty(
		'deposit',
		[
			{
				name: 'Create',
				value: 'create',
				action: 'Create a deposit request',
				description: 'A deposit for a user (POST /createDepositRequest)',
			},
		],
		'create',
	),
	operationProperty(
		'transfer',
		[
			{
				name: 'Create',
				value: 'create',
				action: 'Transfer from merchant to user',
				description: 'Move money from your merchant wallet to a user (POST /transfer-from-merchant-to-user)',
			},
		],
		'create',
	),
	operationProperty(
		'card',
		[
			{
				name: 'Cancel',
				value: 'cancel',
				action: 'Cancel a card',
				description: 'PUT /wallet-cards/cancel',
			},
			{
				name: 'Create Without Top-Up (Deprecated)',
				value: 'createWithoutTopUp',
				action: 'Create a card without top up deprecated',
				description: 'Deprecated by Kazawallet: use Issue (POST /wallet-cards/create)',
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get card details',
				description: 'GET /wallet-cards/get-card-details',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				action: 'Get many cards',
				description: 'GET /get-merchant-wallets-cards',
			},
			{
				name: 'Get Transactions',
				value: 'getTransactions',
				action: 'Get card transactions',
				description: 'With state, type and direction names (GET /wallet-cards/get-transactions)',
			},
			{
				name: 'Issue',
				value: 'issue',
				action: 'Issue a card',
				description: 'Create a basic or plus card and top it up (POST /wallet-cards/create-then-topup)',
			},
			{
				name: 'Lock',
				value: 'lock',
				action: 'Lock a card',
				description: 'PUT /wallet-cards/lock',
			},
			{
				name: 'Top Up',
				value: 'topUp',
				action: 'Top up a card',
				description: 'PUT /wallet-cards/topup',
			},
			{
				name: 'Unlock',
				value: 'unlock',
				action: 'Unlock a card',
				description: 'PUT /wallet-cards/unlock',
			},
			{
				name: 'Validate Code',
				value: 'validateCode',
				action: 'Validate a 3DS code',
				description: 'Confirm a card payment with its 3DS code (POST /wallet-cards/validate-code)',
			},
		],
		'issue',
	),
	operationProperty(
		'giftCard',
		[
			{
				name: 'Create',
				value: 'create',
				action: 'Create a gift card',
				description: 'Expires one year after creation (POST /gift-card/create)',
			},
			{
				name: 'Redeem',
				value: 'redeem',
				action: 'Redeem a gift card',
				description: "Into a user's account (POST /gift-card/redeem)",
			},
		],
		'create',
	),
];
