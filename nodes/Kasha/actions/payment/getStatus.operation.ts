import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { pick, simplifyProperty } from '../../../shared/output';
import type { OperationResult } from '../../../shared/router';
import { kashaRequest, KASHA_CALLS } from '../../transport';
import { shapeResult, withMoneyOf } from '../answers';
import { readTransactionId } from '../choice';
import { transactionIdProperty } from '../fields';

// Reference: "Get Transaction status" (path parameter transactionId; 200 and 404 answers). Path inferred from
// the predecessor API (GET /payments/{transactionId}): KASHA_CALLS.transactionStatus. Works for payments and payouts.

const displayOptions = { show: { resource: ['payment'], operation: ['getStatus'] } };

/** The fields most workflows map; Simplify keeps these (and `money`). */
const SIMPLE_FIELDS = ['id', 'sessionId', 'type', 'status', 'method', 'paymentAmount', 'currency', 'country', 'merchantReference', 'paymentReference', 'errors', 'createdAt', 'updatedAt'];

const properties: INodeProperties[] = [
	transactionIdProperty('Kasha’s transaction ID (payment or payout), from Initiate, Pay, Create Payout or a Kasha Trigger.'),
	simplifyProperty(undefined, 'id, type, status, method, amount, currency, references, errors and dates'),
];

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const transactionId = readTransactionId(this.getNodeParameter('transactionId', i));
	const simplify = this.getNodeParameter('simplify', i, true) as boolean;
	const { body } = await kashaRequest.call(this, KASHA_CALLS.transactionStatus, {
		pathParams: { transactionId },
		itemIndex: i,
	});
	const transaction = shapeResult(body);
	return withMoneyOf(simplify ? pick(transaction, SIMPLE_FIELDS) : transaction);
}
