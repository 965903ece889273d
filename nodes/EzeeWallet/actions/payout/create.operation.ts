import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { idempotencyKeyProperty } from '../../../shared/ledger';
import { moneyOf } from '../../../shared/output';
import type { Operation, OperationResult } from '../../../shared/router';
import { EZEEWALLET_CALLS, ezeeWalletRequest } from '../../transport';
import type { EndpointVersion } from '../common';
import { endpointVersionProperty, readEndpointVersion, readMajorAmount, savedLegacyNotice } from '../common';
import { readNotificationUrl, readRecipient, recipientProperties } from './common';

// Reference (eZeeWallet API 1.3.7): "Single Payouts New Endpoint" (POST /single_payouts_new) and "Create Single
// Payout" (POST /single_payouts), the original endpoint: merchant wallet to a consumer, the same body on both.

const ENDPOINTS = {
	current: { path: '/single_payouts_new', call: EZEEWALLET_CALLS.createSinglePayout },
	legacy: { path: '/single_payouts', call: EZEEWALLET_CALLS.createSinglePayoutLegacy },
} as const;

const properties: INodeProperties[] = [
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

const displayOptions = { show: { resource: ['payout'], operation: ['create', 'createLegacy'] } };

export const description: INodeProperties[] = [
	endpointVersionProperty('payout', 'create', 'POST /single_payouts_new', 'POST /single_payouts'),
	savedLegacyNotice('payout', 'createLegacy', 'Create'),
	...updateDisplayOptions(displayOptions, properties),
];

/**
 * Sends one payout to the chosen endpoint. Output: what was sent (email, amount in minor units, currency,
 * merchant_reference), eZeeWallet's answer under `response`, and `money` (the amount in major units).
 */
export async function sendSinglePayout(this: IExecuteFunctions, i: number, version: EndpointVersion): Promise<OperationResult> {
	const endpoint = ENDPOINTS[version];
	const body = readRecipient.call(this, i);
	const notificationUrl = readNotificationUrl.call(this, i);
	if (notificationUrl) body.notification_url = notificationUrl;
	const { body: response } = await ezeeWalletRequest.call(this, endpoint.call, {
		method: 'POST',
		path: endpoint.path,
		body,
		itemIndex: i,
		reference: body.merchant_reference ? `payout with merchant reference "${body.merchant_reference as string}"` : undefined,
	});
	const money = moneyOf(body.amount, body.currency, 'minor');
	return { ...body, response, ...(money ? { money } : {}) };
}

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	return await sendSinglePayout.call(this, i, readEndpointVersion.call(this, i));
}

/** Sent at most once per Idempotency Key (payment ledger); agents are held to the node's maximum. */
export const moneyMove: Operation['moneyMove'] = { amount: readMajorAmount };
