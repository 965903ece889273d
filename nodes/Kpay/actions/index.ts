import type { INodeProperties } from 'n8n-workflow';

import type { OperationMap } from '../../shared/router';
import * as authGetMe from './auth/getMe.operation';
import * as authLogin from './auth/login.operation';
import * as authRegister from './auth/register.operation';
import * as cardCreate from './card/create.operation';
import * as cardGetMany from './card/getMany.operation';
import * as cryptoCreatePayment from './crypto/createPayment.operation';
import * as cryptoCreateWithdrawal from './crypto/createWithdrawal.operation';
import * as cryptoGetBalances from './crypto/getBalances.operation';
import * as cryptoGetCurrencies from './crypto/getCurrencies.operation';
import * as cryptoGetPayment from './crypto/getPayment.operation';
import * as shopCreate from './shop/create.operation';
import * as shopGetMany from './shop/getMany.operation';
import * as shopRegenerateKey from './shop/regenerateKey.operation';
import * as transactionCheckStatus from './transaction/checkStatus.operation';
import * as transactionCreate from './transaction/create.operation';
import * as transactionGetMany from './transaction/getMany.operation';
import * as transactionGetPaymentInfo from './transaction/getPaymentInfo.operation';
import * as transactionVerify from './transaction/verify.operation';

/** Every KPAY endpoint (18), by resource and operation. */
export const operations: OperationMap = {
	auth: { register: authRegister, login: authLogin, getMe: authGetMe },
	shop: { getMany: shopGetMany, create: shopCreate, regenerateKey: shopRegenerateKey },
	card: { getMany: cardGetMany, create: cardCreate },
	transaction: {
		create: transactionCreate,
		getPaymentInfo: transactionGetPaymentInfo,
		verify: transactionVerify,
		checkStatus: transactionCheckStatus,
		getMany: transactionGetMany,
	},
	crypto: {
		getCurrencies: cryptoGetCurrencies,
		createPayment: cryptoCreatePayment,
		getPayment: cryptoGetPayment,
		getBalances: cryptoGetBalances,
		createWithdrawal: cryptoCreateWithdrawal,
	},
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
		{ name: 'Shop', value: 'shop' },
		{ name: 'Transaction', value: 'transaction', description: 'Card-to-card payment requests' },
	],
	default: 'transaction',
};

type Option = { name: string; value: string; action: string; description: string };

/**
 * The Operation list of one resource. Operations that manage credentials or keys (`notForAgents`) are
 * left out of the list n8n shows when the node is an AI agent's tool (the `@tool` display condition is
 * true for the node's "…Tool" variant); the router refuses them for agents in any case.
 */
function operationProperty(resource: string, options: Option[], defaultValue: string): INodeProperties[] {
	const forAgents = options.filter((option) => !operations[resource]?.[option.value]?.notForAgents);
	const base = {
		displayName: 'Operation',
		name: 'operation',
		type: 'options' as const,
		noDataExpression: true,
		default: defaultValue,
	};
	if (forAgents.length === options.length) {
		return [{ ...base, displayOptions: { show: { resource: [resource] } }, options }];
	}
	const agentDefault = forAgents.some((option) => option.value === defaultValue) ? defaultValue : forAgents[0].value;
	return [
		{ ...base, displayOptions: { show: { resource: [resource], '@tool': [false] } }, options },
		{ ...base, default: agentDefault, displayOptions: { show: { resource: [resource], '@tool': [true] } }, options: forAgents },
	];
}

export const operationProperties: INodeProperties[] = [
	operationProperty(
		'auth',
		[
			{ name: 'Get Current User', value: 'getMe', action: 'Get the current user', description: 'The account behind the credential (GET /auth/me)' },
			{ name: 'Login', value: 'login', action: 'Log in', description: 'Get access and refresh tokens (POST /auth/login)' },
			{ name: 'Register', value: 'register', action: 'Register an account', description: 'Create a user account (POST /auth/register)' },
		],
		'getMe',
	),
	operationProperty(
		'shop',
		[
			{ name: 'Create', value: 'create', action: 'Create a shop', description: 'Create a shop and its API key (POST /shops)' },
			{ name: 'Get Many', value: 'getMany', action: 'Get many shops', description: 'List your shops (GET /shops)' },
			{ name: 'Regenerate API Key', value: 'regenerateKey', action: 'Regenerate a shop API key', description: 'Replace the shop API key (POST /shops/{ID}/regenerate-key)' },
		],
		'getMany',
	),
	operationProperty(
		'card',
		[
			{ name: 'Add', value: 'create', action: 'Add a card', description: 'Add a bank card (POST /cards)' },
			{ name: 'Get Many', value: 'getMany', action: 'Get many cards', description: 'List your bank cards (GET /cards)' },
		],
		'getMany',
	),
	operationProperty(
		'transaction',
		[
			{ name: 'Check Status', value: 'checkStatus', action: 'Check a transaction status', description: 'Quick status check (GET /transactions/check/{authority})' },
			{ name: 'Create', value: 'create', action: 'Create a payment transaction', description: 'Create a card-to-card payment request (POST /transactions/create)' },
			{ name: 'Get Many', value: 'getMany', action: 'Get many transactions', description: 'List transactions with filters (GET /transactions)' },
			{ name: 'Get Payment Info', value: 'getPaymentInfo', action: 'Get payment info', description: "The payer's view of a transaction (GET /transactions/payment/{authority})" },
			{ name: 'Verify', value: 'verify', action: 'Verify a transaction', description: 'Confirm a paid transaction, once (POST /transactions/verify)' },
		],
		'create',
	),
	operationProperty(
		'crypto',
		[
			{ name: 'Create Payment', value: 'createPayment', action: 'Create a crypto payment', description: 'Request a crypto payment (POST /gateway/payments)' },
			{ name: 'Get Balances', value: 'getBalances', action: 'Get crypto balances', description: 'Balances available for withdrawal (GET /gateway/balances)' },
			{ name: 'Get Payment', value: 'getPayment', action: 'Get a crypto payment', description: 'Status and confirmations of a payment (GET /gateway/payments/{ID})' },
			{ name: 'Get Supported Currencies', value: 'getCurrencies', action: 'Get supported currencies', description: 'Currencies and networks (GET /gateway/currencies)' },
			{ name: 'Request Withdrawal', value: 'createWithdrawal', action: 'Request a crypto withdrawal', description: 'Withdraw to an external wallet (POST /gateway/withdrawals)' },
		],
		'createPayment',
	),
].flat();
