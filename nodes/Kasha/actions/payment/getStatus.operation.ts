import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/router';
import { kashaRequest, KASHA_CALLS } from '../../transport';
import { readTransactionId, shapeResult } from '../common';

// Reference: kasha.txt, "Get Transaction status" (path parameter transactionId). Path inferred from the
// predecessor API (GET /payments/{transactionId}): KASHA_ENDPOINTS.transactionStatus. Works for payments and payouts.

const properties: INodeProperties[] = [
	{
		displayName: 'Transaction ID',
		name: 'transactionId',
		type: 'string',
		required: true,
		default: '={{ $json.transactionId }}',
		description: 'Kasha’s transaction ID (payment or payout). The default takes it from the incoming item.',
	},
];

const displayOptions = { show: { resource: ['payment'], operation: ['getStatus'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const transactionId = readTransactionId(this.getNodeParameter('transactionId', i));
	const { body } = await kashaRequest.call(this, KASHA_CALLS.transactionStatus, {
		pathParams: { transactionId },
		itemIndex: i,
	});
	return shapeResult(body);
}
