import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { idempotencyKeyProperty } from '../../../shared/ledger';
import type { Operation, OperationResult } from '../../../shared/router';
import { ezeeWalletRequest } from '../../transport';
import { readMajorAmount } from '../common';
import { readNotificationUrl, readRecipient, recipientProperties } from './common';

// Reference: ezeewallet.txt, "Single Payouts New Endpoint" (POST /single_payouts_new): merchant wallet to a consumer

export const singlePayoutProperties: INodeProperties[] = [
	...recipientProperties,
	idempotencyKeyProperty('merchantReference', 'payout'),
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

const displayOptions = { show: { resource: ['payout'], operation: ['create'] } };

export const description = updateDisplayOptions(displayOptions, singlePayoutProperties);

/** Sends one payout to the given endpoint; the new and the legacy endpoint take the same body. */
export async function sendSinglePayout(this: IExecuteFunctions, i: number, path: string): Promise<OperationResult> {
	const body = readRecipient.call(this, i);
	const notificationUrl = readNotificationUrl.call(this, i);
	if (notificationUrl) body.notification_url = notificationUrl;
	const { body: response } = await ezeeWalletRequest.call(this, {
		method: 'POST',
		path,
		body,
		kind: 'moneyMove',
		itemIndex: i,
		// the new endpoint answers ezw_reference_id and a status, the legacy one unique_id and a status
		evidence: (answer) => {
			const body = (answer ?? {}) as IDataObject;
			return (body.ezw_reference_id !== undefined || body.unique_id !== undefined) && body.status !== undefined
				? undefined
				: 'payout id and status';
		},
		reference: body.merchant_reference ? `payout with merchant reference "${body.merchant_reference as string}"` : undefined,
	});
	return { ...body, ...response };
}

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	return await sendSinglePayout.call(this, i, '/single_payouts_new');
}

/** Sent at most once per Idempotency Key (payment ledger); agents are held to the node's maximum. */
export const moneyMove: Operation['moneyMove'] = { amount: readMajorAmount };
