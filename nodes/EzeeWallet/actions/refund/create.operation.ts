import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/router';
import { checkString, checkUrl } from '../../../shared/validation';
import { ezeeWalletRequest } from '../../transport';
import { amountProperties, currencyProperty, readCurrency, readMinorAmount } from '../common';

// Reference: ezeewallet.txt, "CreateRefund" (POST /refunds): merchant wallet back to the consumer

const properties: INodeProperties[] = [
	{
		displayName: 'Merchant Transaction ID',
		name: 'merchantTransactionId',
		type: 'string',
		required: true,
		default: '',
		description: 'Your unique ID for this refund. A used ID is refused, so a re-run cannot refund twice.',
	},
	{
		displayName: 'eZeeWallet Reference ID',
		name: 'ezwReferenceId',
		type: 'string',
		required: true,
		default: '',
		description: 'The ezw_reference_id of the transfer being refunded',
	},
	...amountProperties,
	currencyProperty(true),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{ displayName: 'Usage', name: 'usage', type: 'string', default: '', description: 'Description the consumer sees' },
			{
				displayName: 'Notification URL',
				name: 'notificationUrl',
				type: 'string',
				default: '',
				description: 'Where eZeeWallet sends the refund result',
			},
		],
	},
];

const displayOptions = { show: { resource: ['refund'], operation: ['create'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const currency = readCurrency.call(this, i, true);
	const additional = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
	const body: IDataObject = {
		merchant_transaction_id: checkString(this.getNodeParameter('merchantTransactionId', i), 'Merchant Transaction ID', {
			maxLength: 255,
		}),
		ezw_reference_id: checkString(this.getNodeParameter('ezwReferenceId', i), 'eZeeWallet Reference ID', {
			maxLength: 255,
		}),
		amount: readMinorAmount.call(this, i, currency),
		currency,
	};
	const usage = checkString(additional.usage, 'Usage', { required: false, maxLength: 255 });
	if (usage) body.usage = usage;
	const notificationUrl = checkUrl(additional.notificationUrl, 'Notification URL', false);
	if (notificationUrl) body.notification_url = notificationUrl;

	const { body: response } = await ezeeWalletRequest.call(this, {
		method: 'POST',
		path: '/refunds',
		body,
		kind: 'moneyMove',
		itemIndex: i,
		reference: `refund with merchant transaction ID "${body.merchant_transaction_id as string}"`,
	});
	return (response.refund ?? response) as IDataObject;
}
