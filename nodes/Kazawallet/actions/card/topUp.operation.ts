import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { idempotencyKeyProperty } from '../../../shared/ledger';
import type { Operation, OperationResult } from '../../../shared/router';
import { moneyOf } from '../../../shared/output';
import { KAZAWALLET_CALLS, kazawalletRequest } from '../../transport';
import { amountProperty, cardIdProperty, readAgentAmount, readCardId } from '../common';
import { CARD_CURRENCY, checkCardAmount, safeCard } from './common';

// Kazawallet API reference, "Top up Card" (PUT /wallet-cards/topup); body assumed { cardId, amount }

const properties: INodeProperties[] = [
	cardIdProperty,
	{ ...amountProperty, description: 'The amount in USD, e.g. 25.00 (sent as a string)' },
	idempotencyKeyProperty(undefined, 'top-up'),
];

const displayOptions = { show: { resource: ['card'], operation: ['topUp'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const cardId = readCardId.call(this, i);
	const amount = checkCardAmount(this.getNodeParameter('amount', i));
	const { body } = await kazawalletRequest.call(this, KAZAWALLET_CALLS.topUpCard, {
		method: 'PUT',
		path: '/wallet-cards/topup',
		body: { cardId, amount },
		itemIndex: i,
		reference: `the transactions of card ${cardId} (Card → Get Transactions)`,
	});
	return { cardId, amount, money: moneyOf(amount, CARD_CURRENCY, 'major'), response: safeCard(body) };
}

/** Sent at most once per Idempotency Key (payment ledger); agents are held to the node's maximum. */
export const moneyMove: Operation['moneyMove'] = { amount: readAgentAmount };
