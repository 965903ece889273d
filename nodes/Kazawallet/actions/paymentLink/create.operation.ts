import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/router';
import { moneyOf } from '../../../shared/output';
import { checkEmail, checkString, checkUrl } from '../../../shared/validation';
import { KAZAWALLET_CALLS, kazawalletRequest } from '../../transport';
import { amountProperty, checkWalletAmount, checkWalletCurrency, currencyProperty } from '../common';

// Kazawallet API reference, "Create Payment Link" (POST /createPaymentLink, x-api-key only);
// body per Kazawallet's public payment-link page (docs/kazawallet.md, confirmed): { amount (string), currency, email, ref, redirectUrl } → { url }

const properties: INodeProperties[] = [
	amountProperty,
	currencyProperty(),
	{
		displayName: 'Merchant Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		default: '',
		description: 'Your own Kazawallet email that receives the payment. Leave empty to use the merchant email of the credential.',
	},
	{
		displayName: 'Reference',
		name: 'ref',
		type: 'string',
		default: '',
		description: 'Sent back in the webhook as ref, e.g. your order or user ID',
	},
	{
		displayName: 'Redirect URL',
		name: 'redirectUrl',
		type: 'string',
		default: '',
		placeholder: 'https://shop.example.com/thanks',
		description: 'Where the customer is sent after paying',
	},
];

const displayOptions = { show: { resource: ['paymentLink'], operation: ['create'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const currency = checkWalletCurrency(this.getNodeParameter('currency', i));
	const amount = checkWalletAmount(this.getNodeParameter('amount', i), currency);
	let email = checkEmail(this.getNodeParameter('email', i, ''), 'Merchant Email', false);
	if (!email) {
		const credentials = await this.getCredentials('kazawalletApi');
		email = checkEmail(credentials.merchantEmail, 'Merchant Email (credential)');
	}
	const body: IDataObject = {
		amount,
		currency,
		email,
		ref: checkString(this.getNodeParameter('ref', i, ''), 'Reference', { required: false, maxLength: 255 }),
		redirectUrl: checkUrl(this.getNodeParameter('redirectUrl', i, ''), 'Redirect URL', false),
	};
	// Creates a payable link (no money moves until the customer pays): sent once, so a lost answer cannot
	// leave two links for one order without the operator knowing (KAZAWALLET_CALLS).
	const { body: response } = await kazawalletRequest.call(this, KAZAWALLET_CALLS.createPaymentLink, {
		method: 'POST',
		path: '/createPaymentLink',
		body,
		itemIndex: i,
		reference: body.ref ? `the payment link with reference "${body.ref as string}"` : undefined,
	});
	// the link and what was asked for, then Kazawallet's answer untouched
	return {
		url: response.url ?? response.link,
		order_id: response.order_id ?? response.orderId,
		amount,
		currency,
		ref: body.ref,
		money: moneyOf(amount, currency, 'major'),
		response,
	};
}
