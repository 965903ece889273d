import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { normalizeDecimal } from '../../../shared/money';
import { idempotencyKeyProperty } from '../../../shared/ledger';
import type { Operation, OperationResult } from '../../../shared/router';
import { checkInteger, checkString, checkUrl, FieldError } from '../../../shared/validation';
import { KPAY_CALLS, kpayRequest } from '../../transport';
import { signWebhookUrl } from '../../webhookUrl';
import { cryptoCurrencyProperty, cryptoMoney, withMoneyOf } from '../common';

// Reference: Crypto Gateway, Create Crypto Payment (POST /gateway/payments)

const properties: INodeProperties[] = [
	{
		displayName: 'Order ID',
		name: 'orderId',
		type: 'string',
		required: true,
		default: '',
		description: 'Your unique order reference',
	},
	idempotencyKeyProperty('orderId', 'payment'),
	cryptoCurrencyProperty,
	{
		displayName: 'Amount (USD)',
		name: 'amountUsd',
		type: 'string',
		default: '',
		placeholder: '25.00',
		description: 'Amount in US dollars, converted to the currency by KPAY. Fill in exactly one of the two amounts.',
	},
	{
		displayName: 'Amount (Crypto)',
		name: 'amountCrypto',
		type: 'string',
		default: '',
		placeholder: '0.0005',
		description: 'Amount in the chosen currency. Fill in exactly one of the two amounts.',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Expires In (Minutes)',
				name: 'expiresMinutes',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 60,
				description: 'How long the payer has to pay; KPAY uses 60 minutes when this is not set',
			},
			{
				displayName: 'Failure Redirect URL',
				name: 'callbackFailed',
				type: 'string',
				default: '',
				description: 'Where the payer is sent when the payment fails',
			},
			{
				displayName: 'Sign Webhook URL',
				name: 'signWebhookUrl',
				type: 'boolean',
				default: true,
				description:
					'Whether the order ID and a signature made with this credential are added to the Webhook URL, so the KPAY Trigger can tell this payment from another merchant\'s payment naming the same order ID (KPAY\'s notification is unsigned and its payment lookup is public). Use the same credential in the trigger.',
			},
			{
				displayName: 'Success Redirect URL',
				name: 'callbackSuccess',
				type: 'string',
				default: '',
				description: 'Where the payer is sent after paying',
			},
			{
				displayName: 'Webhook URL',
				name: 'webhookUrl',
				type: 'string',
				default: '',
				description: 'Where KPAY notifies status changes. Use the Crypto Webhook URL of a KPAY Trigger.',
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['crypto'], operation: ['createPayment'] } }, properties);

/** A positive decimal sent as a JSON number (exact: at most 15 significant digits). */
export function decimalNumber(value: unknown, field: string, maxDecimals: number): number {
	const text = normalizeDecimal(value, field, { maxDecimals });
	if (text.replace(/^0+|\.|0+$/g, '').length > 15) throw new FieldError(field, 'has too many digits');
	return Number(text);
}

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const orderId = checkString(this.getNodeParameter('orderId', i), 'Order ID', { maxLength: 255 });
	const currency = checkString(this.getNodeParameter('currency', i), 'Currency').toLowerCase();
	const usd = checkString(this.getNodeParameter('amountUsd', i, ''), 'Amount (USD)', { required: false });
	const cryptoAmount = checkString(this.getNodeParameter('amountCrypto', i, ''), 'Amount (Crypto)', { required: false });
	if (usd && cryptoAmount) {
		throw new FieldError('Amount (USD)', 'and Amount (Crypto) are both filled in: give exactly one of them');
	}
	if (!usd && !cryptoAmount) {
		throw new FieldError('Amount (USD)', 'or Amount (Crypto) is required: give exactly one of them');
	}
	const body: IDataObject = { order_id: orderId, currency };
	if (usd) body.amount_usd = decimalNumber(usd, 'Amount (USD)', 2);
	else body.amount_crypto = decimalNumber(cryptoAmount, 'Amount (Crypto)', 18);
	const additional = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
	const urls: Array<[string, string, string]> = [
		['callbackSuccess', 'callback_success', 'Success Redirect URL'],
		['callbackFailed', 'callback_failed', 'Failure Redirect URL'],
		['webhookUrl', 'webhook_url', 'Webhook URL'],
	];
	for (const [name, key, label] of urls) {
		const url = checkUrl(additional[name], label, false);
		if (url) body[key] = url;
	}
	if (body.webhook_url && additional.signWebhookUrl !== false) {
		body.webhook_url = signWebhookUrl(await this.getCredentials('kpayApi'), body.webhook_url as string, orderId);
	}
	if (additional.expiresMinutes !== undefined) {
		body.expires_minutes = checkInteger(additional.expiresMinutes, 'Expires In (Minutes)', { min: 1 });
	}
	const { body: payment } = await kpayRequest.call(this, KPAY_CALLS.createPayment, {
		method: 'POST',
		path: '/gateway/payments',
		body,
		// an answer for another order is no evidence that this one was created
		matches: (answer) => {
			const echoed = (answer as IDataObject).order_id;
			return echoed !== undefined && String(echoed) !== orderId ? 'matching order_id' : undefined;
		},
		itemIndex: i,
		reference: `order ID "${orderId}"`,
	});
	return withMoneyOf(payment, cryptoMoney(payment.requested_amount, payment.currency ?? currency));
}

/**
 * Sent at most once per Idempotency Key (payment ledger; the default key is the Order ID, which KPAY
 * calls "your unique order reference", so KPAY is the second guard when the key is the order ID).
 * Agents are held to the node's maximum, in the currency of the amount given.
 */
export const moneyMove: Operation['moneyMove'] = {
	amount(this: IExecuteFunctions, i: number) {
		const usd = String(this.getNodeParameter('amountUsd', i, '') ?? '').trim();
		const crypto = String(this.getNodeParameter('amountCrypto', i, '') ?? '').trim();
		return usd || crypto || undefined;
	},
};
