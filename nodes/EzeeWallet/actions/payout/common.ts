import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { checkEmail, checkString, checkUrl } from '../../../shared/validation';
import { amountProperties, currencyProperty, readCurrency, readMinorAmount } from '../common';

// Reference (eZeeWallet API 1.3.7): the recipient of "Create Single Payout" / "Single Payouts New Endpoint"
// and of each line of "Batch Payouts" / "Batch Payouts New Endpoint": email, amount (minor units), currency,
// merchant_reference.

/** The recipient fields of one payout (single or one line of a batch). */
export const recipientProperties: INodeProperties[] = [
	{
		displayName: 'Consumer Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		required: true,
		default: '',
		description: 'Email address of the eZeeWallet consumer who receives the money',
	},
	...amountProperties,
	currencyProperty(true),
	{
		displayName: 'Merchant Reference',
		name: 'merchantReference',
		type: 'string',
		default: '',
		description: 'Your reference for this payout: the way to find it again (in notifications and the dashboard)',
	},
];

/** Reads one recipient from an item: { email, amount (minor units), currency, merchant_reference }. */
export function readRecipient(this: IExecuteFunctions, i: number): IDataObject {
	const currency = readCurrency.call(this, i, true);
	const recipient: IDataObject = {
		email: checkEmail(this.getNodeParameter('email', i), 'Consumer Email'),
		amount: readMinorAmount.call(this, i, currency),
		currency,
	};
	const reference = checkString(this.getNodeParameter('merchantReference', i, ''), 'Merchant Reference', {
		required: false,
		maxLength: 255,
	});
	if (reference) recipient.merchant_reference = reference;
	return recipient;
}

export function readNotificationUrl(this: IExecuteFunctions, i: number): string {
	const options = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
	return checkUrl(options.notificationUrl, 'Notification URL', false);
}

export const batchOptions: INodeProperties = {
	displayName: 'Options',
	name: 'batchOptions',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [
		{
			displayName: 'Recipients per Request',
			name: 'batchSize',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 10000 },
			default: 1000,
			description: 'Input items are sent as batches of this many recipients, one request per batch',
		},
	],
};

