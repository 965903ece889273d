import type { IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/router';
import { checkString } from '../../../shared/validation';
import { kpayRequest } from '../../transport';
import { segment } from '../common';

// Reference: kpay.txt, Crypto Gateway, "Get Payment Status" (GET /gateway/payments/{id})

export const description = updateDisplayOptions({ show: { resource: ['crypto'], operation: ['getPayment'] } }, [
	{
		displayName: 'Payment ID',
		name: 'paymentId',
		type: 'string',
		required: true,
		default: '',
		description: 'The ID returned by Create Payment',
	},
]);

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const id = checkString(this.getNodeParameter('paymentId', i), 'Payment ID', { maxLength: 255 });
	const { body } = await kpayRequest.call(this, {
		method: 'GET',
		path: `/gateway/payments/${segment(id)}`,
		kind: 'read',
		itemIndex: i,
	});
	return body;
}
