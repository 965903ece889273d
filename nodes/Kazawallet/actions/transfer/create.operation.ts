import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { idempotencyKeyProperty } from '../../../shared/ledger';
import type { Operation, OperationResult } from '../../../shared/router';
import { moneyOf } from '../../../shared/output';
import { KAZAWALLET_CALLS, kazawalletRequest } from '../../transport';
import { amountProperty, currencyProperty, noteProperty, readAgentAmount, readWalletMove } from '../common';

// Kazawallet API reference, "Create Transfer" (POST /transfer-from-merchant-to-user). The body is not
// public; assumed { email (the user), currency, amount (string), note } like the deposit body.

const properties: INodeProperties[] = [
	{
		displayName: 'User Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		required: true,
		default: '',
		description: 'The Kazawallet user who receives the money from your merchant wallet',
	},
	currencyProperty(),
	amountProperty,
	noteProperty('transfer'),
	// Kazawallet takes no request id of its own for a transfer: the ledger is the only guard (docs/kazawallet.md)
	idempotencyKeyProperty(undefined, 'transfer'),
];

const displayOptions = { show: { resource: ['transfer'], operation: ['create'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const { email, currency, amount, note } = readWalletMove.call(this, i, 'User Email');
	const body: IDataObject = {
		email,
		currency,
		amount,
		note,
	};
	const { body: response } = await kazawalletRequest.call(this, KAZAWALLET_CALLS.createTransfer, {
		method: 'POST',
		path: '/transfer-from-merchant-to-user',
		body,
		itemIndex: i,
		reference: `the transfer of ${amount} ${currency} to ${email} in your merchant wallet history`,
	});
	return { money: moneyOf(amount, currency, 'major'), response };
}

/** Sent at most once per Idempotency Key (payment ledger); agents are held to the node's maximum. */
export const moneyMove: Operation['moneyMove'] = { amount: readAgentAmount };
