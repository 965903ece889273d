import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/router';
import { ezeeWalletRequest } from '../../transport';
import { readNotificationUrl, readRecipient, recipientProperties } from './common';

// Reference: ezeewallet.txt, "Single Payouts" (POST /single_payouts), the original endpoint: merchant wallet to a consumer

const properties: INodeProperties[] = [
	...recipientProperties,
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Notification URL',
				name: 'notificationUrl',
				type: 'string',
				default: '',
				description: 'Where eZeeWallet sends the payout result (an eZeeWallet Trigger URL)',
			},
		],
	},
];

const displayOptions = { show: { resource: ['payout'], operation: ['createLegacy'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const body = readRecipient.call(this, i);
	const notificationUrl = readNotificationUrl.call(this, i);
	if (notificationUrl) body.notification_url = notificationUrl;
	const { body: response } = await ezeeWalletRequest.call(this, {
		method: 'POST',
		path: '/single_payouts',
		body,
		movesMoney: true,
		itemIndex: i,
		reference: body.merchant_reference ? `payout with merchant reference "${body.merchant_reference as string}"` : undefined,
	});
	return { ...body, ...response };
}
