import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { idempotencyKeyProperty } from '../../../shared/ledger';
import { readLocator } from '../../../shared/locator';
import { withMoney } from '../../../shared/output';
import type { Operation, OperationResult } from '../../../shared/router';
import { checkString, checkUrl } from '../../../shared/validation';
import { EZEEWALLET_CALLS, ezeeWalletRequest, requireOwnId } from '../../transport';
import {
	amountProperties,
	currencyProperty,
	readCurrency,
	readMajorAmount,
	readMinorAmount,
	transactionIdFromKey,
	transferLocator,
} from '../common';

// Reference (eZeeWallet API 1.3.7): "CreateRefund" (POST /refunds): merchant wallet back to the consumer

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
		...idempotencyKeyProperty('merchantTransactionId', 'refund'),
		hint: 'Must be the Merchant Transaction ID (its default): eZeeWallet receives it as merchant_transaction_id and refuses a repeat (code 408), so eZeeWallet guards it as well as the node',
	},
	transferLocator('Transfer', 'The transfer to refund: pick it from the last 90 days, or enter its eZeeWallet reference ID (ezw_reference_id)'),
	...amountProperties,
	currencyProperty(true),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{ displayName: 'Usage', name: 'usage', type: 'string', default: '', description: 'Description of the refund that the consumer sees' },
			{
				displayName: 'Notification URL',
				name: 'notificationUrl',
				type: 'string',
				default: '',
				description: 'Where eZeeWallet sends the refund result (an eZeeWallet Trigger URL)',
			},
		],
	},
];

const displayOptions = { show: { resource: ['refund'], operation: ['create'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const currency = readCurrency.call(this, i, true);
	const additional = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
	const typedId = checkString(this.getNodeParameter('merchantTransactionId', i), 'Merchant Transaction ID', {
		maxLength: 255,
	});
	const body: IDataObject = {
		merchant_transaction_id: transactionIdFromKey.call(this, i, typedId),
		ezw_reference_id: checkString(readLocator(this, 'ezwReferenceId', i, 'Transfer'), 'Transfer', { maxLength: 255 }),
		amount: readMinorAmount.call(this, i, currency),
		currency,
	};
	const usage = checkString(additional.usage, 'Usage', { required: false, maxLength: 255 });
	if (usage) body.usage = usage;
	const notificationUrl = checkUrl(additional.notificationUrl, 'Notification URL', false);
	if (notificationUrl) body.notification_url = notificationUrl;

	const id = body.merchant_transaction_id as string;
	const reference = `refund with merchant transaction ID "${id}"`;
	const { body: response } = await ezeeWalletRequest.call(this, EZEEWALLET_CALLS.createRefund, {
		method: 'POST',
		path: '/refunds',
		body,
		itemIndex: i,
		reference,
	});
	const refund = requireOwnId.call(this, EZEEWALLET_CALLS.createRefund, response.refund as IDataObject, 'merchant_transaction_id', id, {
		itemIndex: i,
		reference,
	});
	// eZeeWallet's `refund`, plus `money`: its amount (minor units) also in major units
	return withMoney(refund, refund.amount, refund.currency ?? currency, 'minor');
}

/** Sent at most once per Idempotency Key (payment ledger), and eZeeWallet refuses a repeated ID (408). */
export const moneyMove: Operation['moneyMove'] = { amount: readMajorAmount };
