import { operationPicker } from '../picker';
import * as checkStatus from './checkStatus.operation';
import * as create from './create.operation';
import * as getMany from './getMany.operation';
import * as getPaymentInfo from './getPaymentInfo.operation';
import * as verify from './verify.operation';

export const operations = { create, getPaymentInfo, verify, checkStatus, getMany };

export const picker = operationPicker(
	'transaction',
	operations,
	[
		{ name: 'Check Status', value: 'checkStatus', action: 'Check a transaction status', description: 'Check whether a payment request was paid' },
		{ name: 'Create', value: 'create', action: 'Create a payment transaction', description: 'Create a card-to-card payment request and get its payment page' },
		{ name: 'Get Many', value: 'getMany', action: 'Get many transactions', description: 'List the transactions of the account, by shop and status' },
		{ name: 'Get Payment Info', value: 'getPaymentInfo', action: 'Get payment info', description: 'Get what the payer sees: amount, receiving card and time left' },
		{ name: 'Verify', value: 'verify', action: 'Verify a transaction', description: 'Confirm a paid transaction with KPAY (once per transaction)' },
	],
	'create',
);
