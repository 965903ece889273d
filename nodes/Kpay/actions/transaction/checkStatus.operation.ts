import type { IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/router';
import { checkString } from '../../../shared/validation';
import { kpayRequest } from '../../transport';
import { segment } from '../common';
import { authorityProperty } from './getPaymentInfo.operation';

// Reference: kpay.txt, Transactions, "Check Status" (GET /transactions/check/{authority} → { authority, status, is_paid })

export const description = updateDisplayOptions({ show: { resource: ['transaction'], operation: ['checkStatus'] } }, [
	authorityProperty,
]);

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const authority = checkString(this.getNodeParameter('authority', i), 'Authority', { maxLength: 255 });
	const { body } = await kpayRequest.call(this, {
		method: 'GET',
		path: `/transactions/check/${segment(authority)}`,
		kind: 'read',
		itemIndex: i,
	});
	return body;
}
