import type { IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/router';
import { KPAY_CALLS, kpayRequest } from '../../transport';
import { readId, segment, transactionLocator } from '../common';

// Reference: Transactions, Check Status (GET /transactions/check/{authority} → { authority, status, is_paid })

export const description = updateDisplayOptions({ show: { resource: ['transaction'], operation: ['checkStatus'] } }, [
	transactionLocator,
]);

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	// the shared request path refuses IDs that would climb or reshape the URL path
	const authority = readId(this, 'authority', i, 'Transaction');
	const { body } = await kpayRequest.call(this, KPAY_CALLS.checkTransaction, {
		method: 'GET',
		path: `/transactions/check/${segment(authority)}`,
		itemIndex: i,
	});
	return body;
}
