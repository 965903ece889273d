import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/router';
import { moneyOf } from '../../../shared/output';
import { KAZAWALLET_CALLS, kazawalletRequest } from '../../transport';
import {
	amountProperty,
	currencyProperty,
	paymentMethodProperties,
	readMethodFields,
	readPaymentMethod,
	noteProperty,
	readWalletMove,
} from '../common';

// Kazawallet API reference, "Create Deposit" (POST /createDepositRequest); body per
// Kazawallet's public merchant API page (docs/kazawallet.md, confirmed): { merchantEmail, email, currency, amount (string), note, paymentMethod (number), fields }
// → { success, error, createdPayment: { status: "pending", transaction_id: "de-…" } }

const properties: INodeProperties[] = [
	{
		displayName: 'User Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		required: true,
		default: '',
		description: 'The Kazawallet user the deposit is for',
	},
	currencyProperty('USDT'),
	amountProperty,
	...paymentMethodProperties,
	noteProperty('deposit request'),
];

const displayOptions = { show: { resource: ['deposit'], operation: ['create'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const { email, currency, amount, note } = readWalletMove.call(this, i, 'User Email');
	const paymentMethod = Number(await readPaymentMethod.call(this, i));
	const fields = readMethodFields.call(this, i);
	const credentials = await this.getCredentials('kazawalletApi');
	const body: IDataObject = {
		merchantEmail: String(credentials.merchantEmail ?? ''),
		email,
		currency,
		amount,
		note,
		paymentMethod,
		fields,
	};
	const { body: response } = await kazawalletRequest.call(this, KAZAWALLET_CALLS.createDeposit, {
		method: 'POST',
		path: '/createDepositRequest',
		body,
		itemIndex: i,
		reference: `the deposit of ${amount} ${currency} for ${email} in the Kazawallet dashboard`,
	});
	const created = (response.createdPayment ?? {}) as IDataObject;
	return {
		transactionId: created.transaction_id,
		status: created.status,
		money: moneyOf(amount, currency, 'major'),
		response,
	};
}
