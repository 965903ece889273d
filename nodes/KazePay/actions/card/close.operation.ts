import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { idempotencyKeyProperty } from '../../../shared/ledger';
import type { Operation, OperationResult } from '../../../shared/router';
import { moneyOf } from '../../../shared/output';
import { answerObject, kazePayRequest } from '../../transport';
import { cardDataOut, cardIdProperty, readCardId, readKey } from '../common';

// Reference: "11. Close Card" (apiCode closeCard): the balance goes back to the merchant account

const properties: INodeProperties[] = [
	{
		displayName: 'Closing a card is final. Its remaining balance is refunded to your merchant account',
		name: 'closeNotice',
		type: 'notice',
		default: '',
	},
	cardIdProperty,
	// a card is closed once, so its card ID is a natural key for the closure (and its refund)
	idempotencyKeyProperty('cardId', 'card closure'),
];

const displayOptions = { show: { resource: ['card'], operation: ['close'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const cardID = readCardId.call(this, i);
	const { data, requestNo } = await kazePayRequest.call(this, 'closeCard', { payload: { cardID },
		itemIndex: i,
		idempotencyKey: readKey.call(this, i),
		reference: `the status of card ID "${cardID}" (Card → Get)`,
		// reference "11. Close Card": cardID, status, refundAmt, currency, txnId
		echo: { cardID },
	});
	const answer = answerObject(data);
	// the refund both ways: KazePay's refundAmt untouched under response, and as money
	const refund = moneyOf(answer.refundAmt, answer.currency, 'major');
	return cardDataOut({ cardID, requestNo, ...(refund ? { refund } : {}), response: answer });
}

/**
 * Moves the card's balance back to the merchant account: sent at most once per Idempotency Key. It has no
 * amount of its own (KazePay refunds whatever the card holds), so the agent maximum does not apply.
 */
export const moneyMove: Operation['moneyMove'] = { amount: () => undefined };
