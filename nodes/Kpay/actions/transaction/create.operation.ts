import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/router';
import { checkInteger, checkOneOf, checkString, checkUrl } from '../../../shared/validation';
import { kpayRequest } from '../../transport';
import { cardProperty, shopProperty } from '../common';

// Reference: kpay.txt, Transactions, "Create Transaction" (POST /transactions/create)

/** Query parameter that carries the expected amount to the KPAY Trigger (its "Amount Query Parameter"). */
export const CALLBACK_AMOUNT_PARAMETER = 'amount';

const properties: INodeProperties[] = [
	shopProperty(),
	cardProperty,
	{
		displayName: 'Amount (Rials)',
		name: 'amount',
		type: 'number',
		typeOptions: { minValue: 1, numberPrecision: 0 },
		required: true,
		default: 0,
		description: 'Amount in Iranian Rials, a whole number (10 Rials = 1 Toman)',
	},
	{
		displayName: 'Callback URL',
		name: 'callbackUrl',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'https://n8n.example.com/webhook/…/callback',
		description:
			"Where the payer's browser goes after paying, with ?authority=… added by KPAY. Use the Callback URL of a KPAY Trigger to verify payments.",
	},
	{
		displayName: 'Fee Paid By',
		name: 'feeSide',
		type: 'options',
		options: [
			{ name: 'Customer', value: 'customer', description: 'The fee is added to the amount the payer transfers' },
			{ name: 'Merchant', value: 'merchant', description: 'The payer transfers the amount; the fee is deducted from it' },
		],
		default: 'customer',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Add Amount to Callback URL',
				name: 'addAmountToCallback',
				type: 'boolean',
				default: true,
				description: `Whether "${CALLBACK_AMOUNT_PARAMETER}=&lt;amount&gt;" is added to the callback URL, so the KPAY Trigger can compare the paid amount with it`,
			},
			{ displayName: 'Description', name: 'description', type: 'string', default: '', description: 'Payment description' },
			{
				displayName: 'Factor Number',
				name: 'factorNumber',
				type: 'string',
				default: '',
				description: 'Your invoice or order number',
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['transaction'], operation: ['create'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const additional = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
	const amount = checkInteger(this.getNodeParameter('amount', i), 'Amount (Rials)', { min: 1 });
	let callbackUrl = checkUrl(this.getNodeParameter('callbackUrl', i), 'Callback URL');
	if (additional.addAmountToCallback !== false) {
		const url = new URL(callbackUrl);
		url.searchParams.set(CALLBACK_AMOUNT_PARAMETER, String(amount));
		callbackUrl = url.toString();
	}
	const body: IDataObject = {
		shop_id: checkString(this.getNodeParameter('shopId', i), 'Shop'),
		card_id: checkString(this.getNodeParameter('cardId', i), 'Card'),
		amount,
		callback_url: callbackUrl,
		fee_side: checkOneOf(this.getNodeParameter('feeSide', i, 'customer'), 'Fee Paid By', ['customer', 'merchant']),
	};
	const text = checkString(additional.description, 'Description', { required: false, maxLength: 1000 });
	if (text) body.description = text;
	const factorNumber = checkString(additional.factorNumber, 'Factor Number', { required: false, maxLength: 255 });
	if (factorNumber) body.factor_number = factorNumber;
	// Never resent automatically: a second payment request could be paid twice.
	const { body: transaction } = await kpayRequest.call(this, {
		method: 'POST',
		path: '/transactions/create',
		body,
		kind: 'moneyMove',
		itemIndex: i,
		reference: factorNumber
			? `factor number "${factorNumber}" in Transactions → Get Many`
			: `the newest transactions of the shop in Transactions → Get Many`,
	});
	return { ...transaction, callback_url: callbackUrl, factor_number: factorNumber || undefined };
}
