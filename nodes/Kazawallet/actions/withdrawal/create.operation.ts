import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { idempotencyKeyProperty } from '../../../shared/ledger';
import type { Operation, OperationResult } from '../../../shared/router';
import { moneyOf } from '../../../shared/output';
import { KAZAWALLET_CALLS, kazawalletRequest } from '../../transport';
import {
	amountProperty,
	currencyProperty,
	paymentMethodProperties,
	readMethodFields,
	readAgentAmount,
	readPaymentMethod,
	noteProperty,
	readWalletMove,
} from '../common';

// Kazawallet API reference, "Create Withdrawal Request" (POST /createWithdrawalRequest):
// { email, currency, amount (string), note, paymentMethod (string id), fields {} }

const properties: INodeProperties[] = [
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		required: true,
		default: '',
		description:
			'The Kazawallet account the withdrawal is made from (the reference’s table calls it the merchant’s email, its description a user wallet)',
	},
	currencyProperty('USDT'),
	amountProperty,
	...paymentMethodProperties,
	noteProperty('withdrawal'),
	// Kazawallet takes no request id of its own for a withdrawal: the ledger is the only guard (docs/kazawallet.md)
	idempotencyKeyProperty(undefined, 'withdrawal'),
];

const displayOptions = { show: { resource: ['withdrawal'], operation: ['create'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const { email, currency, amount, note } = readWalletMove.call(this, i, 'Email');
	const paymentMethod = await readPaymentMethod.call(this, i);
	const fields = readMethodFields.call(this, i);
	const body: IDataObject = {
		email,
		currency,
		amount,
		note,
		paymentMethod,
		fields,
	};
	const { body: response } = await kazawalletRequest.call(this, KAZAWALLET_CALLS.createWithdrawal, {
		method: 'POST',
		path: '/createWithdrawalRequest',
		body,
		itemIndex: i,
		reference: `the withdrawal of ${amount} ${currency} for ${email} in the Kazawallet dashboard`,
	});
	return { money: moneyOf(amount, currency, 'major'), response };
}

/** Sent at most once per Idempotency Key (payment ledger); agents are held to the node's maximum. */
export const moneyMove: Operation['moneyMove'] = { amount: readAgentAmount };
