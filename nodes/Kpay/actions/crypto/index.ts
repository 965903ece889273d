import { operationPicker } from '../picker';
import * as createPayment from './createPayment.operation';
import * as createWithdrawal from './createWithdrawal.operation';
import * as getBalances from './getBalances.operation';
import * as getCurrencies from './getCurrencies.operation';
import * as getPayment from './getPayment.operation';

export const operations = { getCurrencies, createPayment, getPayment, getBalances, createWithdrawal };

export const picker = operationPicker(
	'crypto',
	operations,
	[
		{ name: 'Create Payment', value: 'createPayment', action: 'Create a crypto payment', description: 'Request a crypto payment and get its deposit address and payment page' },
		{ name: 'Get Balances', value: 'getBalances', action: 'Get crypto balances', description: 'Get the balances available for withdrawal, per currency' },
		{ name: 'Get Payment', value: 'getPayment', action: 'Get a crypto payment', description: 'Get the status and confirmations of a crypto payment' },
		{ name: 'Get Supported Currencies', value: 'getCurrencies', action: 'Get supported currencies', description: 'List the currencies and networks KPAY accepts' },
		{ name: 'Request Withdrawal', value: 'createWithdrawal', action: 'Request a crypto withdrawal', description: 'Withdraw funds to an external wallet address' },
	],
	'createPayment',
);
