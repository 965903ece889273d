import type { IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/router';
import { KPAY_CALLS, kpayRequest } from '../../transport';
import { maskCards, readId, rials, segment, showFullCardNumberOption, transactionLocator, withMoneyOf } from '../common';

// Reference: Transactions, Get Payment Info (GET /transactions/payment/{authority}, public)

export const description = updateDisplayOptions(
	{ show: { resource: ['transaction'], operation: ['getPaymentInfo'] } },
	[transactionLocator, showFullCardNumberOption],
);

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	// the shared request path refuses IDs that would climb or reshape the URL path
	const authority = readId(this, 'authority', i, 'Transaction');
	const showFull = this.getNodeParameter('revealCardData', i, false) as boolean;
	const { body } = await kpayRequest.call(this, KPAY_CALLS.getPaymentInfo, {
		method: 'GET',
		path: `/transactions/payment/${segment(authority)}`,
		itemIndex: i,
	});
	return withMoneyOf(maskCards(body, showFull), rials(body.amount));
}
