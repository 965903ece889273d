import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { idempotencyKeyProperty } from '../../../shared/ledger';
import type { Operation, OperationResult } from '../../../shared/router';
import { checkString } from '../../../shared/validation';
import { kashaRequest, KASHA_CALLS } from '../../transport';
import { shapeResult, withMoneyOf } from '../answers';
import { LIMITS } from '../fields';

// Reference: "Refund by Reference". Path inferred (predecessor API's /refund/by-reference): KASHA_CALLS.refund. Cannot be undone.

const properties: INodeProperties[] = [
	{
		displayName: 'Merchant Reference',
		name: 'merchantReference',
		type: 'string',
		required: true,
		default: '',
		description:
			'The merchant reference you gave the payment. Kasha refunds the whole authorized transaction back to its origin account; this cannot be undone.',
	},
	// one refund per payment: the payment's merchant reference is the key (Kasha refunds only COMPLETED payments)
	idempotencyKeyProperty('merchantReference', 'refund'),
];

const displayOptions = { show: { resource: ['payment'], operation: ['refund'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const merchantReference = checkString(this.getNodeParameter('merchantReference', i), 'Merchant Reference', {
		maxLength: LIMITS.reference,
	});
	const { body } = await kashaRequest.call(this, KASHA_CALLS.refund, {
		body: { merchantReference },
		itemIndex: i,
		reference: `merchant reference "${merchantReference}"`,
	});
	const response = shapeResult(body);
	return withMoneyOf({ merchantReference, transactionId: response.transactionId ?? response._id, status: response.status, response }, {
		amount: response.paymentAmount,
		currency: response.currency,
	});
}

/**
 * Sent at most once per Idempotency Key (payment ledger). A refund takes the whole payment back, with no
 * amount of its own: an AI agent's maximum does not apply to it (the amount was the customer's payment).
 */
export const moneyMove: Operation['moneyMove'] = { amount: () => undefined };
