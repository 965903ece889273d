import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/router';
import { checkString } from '../../../shared/validation';
import { kpayRequest } from '../../transport';
import { maskCards, segment, showFullCardNumberOption } from '../common';

// Reference: kpay.txt, Transactions, "Get Payment Info" (GET /transactions/payment/{authority}, public)

export const authorityProperty: INodeProperties = {
	displayName: 'Authority',
	name: 'authority',
	type: 'string',
	required: true,
	default: '',
	description: 'The transaction authority code returned by Create',
};

export const description = updateDisplayOptions(
	{ show: { resource: ['transaction'], operation: ['getPaymentInfo'] } },
	[authorityProperty, showFullCardNumberOption],
);

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const authority = checkString(this.getNodeParameter('authority', i), 'Authority', { maxLength: 255 });
	const showFull = this.getNodeParameter('showFullCardNumber', i, false) as boolean;
	const { body } = await kpayRequest.call(this, {
		method: 'GET',
		path: `/transactions/payment/${segment(authority)}`,
		kind: 'read',
		itemIndex: i,
	});
	return maskCards(body, showFull);
}
