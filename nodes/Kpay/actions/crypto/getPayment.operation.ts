import type { IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/router';
import { checkString } from '../../../shared/validation';
import { KPAY_CALLS, kpayRequest } from '../../transport';
import { cryptoMoney, segment, withMoneyOf } from '../common';

// Reference: Crypto Gateway, Get Payment Status (GET /gateway/payments/{id}). KPAY has no call that
// lists crypto payments, so the ID is a plain field.

export const description = updateDisplayOptions({ show: { resource: ['crypto'], operation: ['getPayment'] } }, [
	{
		displayName: 'Payment ID',
		name: 'paymentId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 2f1c1c9e-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
		description:
			'The ID of the crypto payment: the "ID" in the output of Create Payment, or in a KPAY Trigger item (KPAY cannot list crypto payments)',
	},
]);

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	// the shared request path refuses IDs that would climb or reshape the URL path
	const id = checkString(this.getNodeParameter('paymentId', i), 'Payment ID', { maxLength: 255 });
	const { body } = await kpayRequest.call(this, KPAY_CALLS.getPayment, {
		method: 'GET',
		path: `/gateway/payments/${segment(id)}`,
		itemIndex: i,
	});
	return withMoneyOf(body, cryptoMoney(body.requested_amount, body.currency));
}
