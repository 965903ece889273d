import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { idempotencyKeyProperty } from '../../../shared/ledger';
import type { Operation, OperationResult } from '../../../shared/router';
import { checkOneOf } from '../../../shared/validation';
import { kashaRequest, KASHA_CALLS } from '../../transport';
import { shapeResult } from '../answers';
import { readTransactionId } from '../choice';
import { transactionIdProperty } from '../fields';
import { amountFixedByInitiate } from '../session';

// Reference: "4. Confirm Payout" (the reference names /settle-payout; the /v2 prefix is
// assumed, see KASHA_CALLS.settlePayout). A payout stays PENDING until this call.

const properties: INodeProperties[] = [
	transactionIdProperty('The payout’s transaction ID, from Create Payout or a Kasha Trigger.'),
	{
		displayName: 'Action',
		name: 'settleAction',
		type: 'options',
		options: [
			{ name: 'Approve', value: 'APPROVE', description: 'Submit the payout to the processor (money leaves your balance)' },
			{ name: 'Decline', value: 'DECLINE', description: 'Reject the payout; it is marked DECLINED' },
		],
		default: 'APPROVE',
		description: 'Whether to pay the payout or reject it',
	},
	// a payout is settled once (APPROVE or DECLINE, from PENDING): its transaction ID is the natural key, and
	// Kasha refuses to settle a payout that is no longer PENDING, the second guard
	idempotencyKeyProperty('transactionId', 'payout confirmation'),
];

const displayOptions = { show: { resource: ['payout'], operation: ['confirm'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const transactionId = readTransactionId(this.getNodeParameter('transactionId', i));
	const action = checkOneOf(this.getNodeParameter('settleAction', i), 'Action', ['APPROVE', 'DECLINE'] as const);
	const { body } = await kashaRequest.call(this, KASHA_CALLS.settlePayout, {
		body: { action, transactionId },
		itemIndex: i,
		reference: `payout transaction "${transactionId}" with Get Status`,
	});
	const response = shapeResult(body);
	return { action, transactionId: response.transactionId ?? transactionId, status: response.status, merchantReference: response.merchantReference, response };
}

const approvalAmount = amountFixedByInitiate('Confirm Payout (Approve)');

/**
 * Sent at most once per Idempotency Key (payment ledger). APPROVE pays the amount fixed by Initiate Payout,
 * which the node cannot see: an AI agent may DECLINE a payout, not approve it.
 */
export const moneyMove: Operation['moneyMove'] = {
	amount(this: IExecuteFunctions, itemIndex: number) {
		return this.getNodeParameter('settleAction', itemIndex) === 'DECLINE' ? undefined : approvalAmount.call(this, itemIndex);
	},
};
