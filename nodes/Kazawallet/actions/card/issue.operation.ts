import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { idempotencyKeyProperty } from '../../../shared/ledger';
import type { Operation, OperationResult } from '../../../shared/router';
import { moneyOf } from '../../../shared/output';
import { checkEmail } from '../../../shared/validation';
import { KAZAWALLET_CALLS, kazawalletRequest } from '../../transport';
import { amountProperty, readAgentAmount } from '../common';
import {
	CARD_CURRENCY,
	cardFrom,
	cardTypeProperty,
	cardUserEmailProperty,
	checkCardAmount,
	checkCardType,
	safeCard,
} from './common';

// Kazawallet API reference, "Issue Card" (POST /wallet-cards/create-then-topup); body assumed { email, amount, cardType }

const properties: INodeProperties[] = [
	cardUserEmailProperty,
	{ ...amountProperty, description: 'The first top-up of the card in USD, e.g. 25.00 (sent as a string)' },
	cardTypeProperty,
	idempotencyKeyProperty(undefined, 'card issue'),
];

const displayOptions = { show: { resource: ['card'], operation: ['issue'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const email = checkEmail(this.getNodeParameter('email', i), 'User Email');
	const amount = checkCardAmount(this.getNodeParameter('amount', i));
	const cardType = checkCardType(this.getNodeParameter('cardType', i, 'basic'));
	const { body } = await kazawalletRequest.call(this, KAZAWALLET_CALLS.issueCard, {
		method: 'POST',
		path: '/wallet-cards/create-then-topup',
		body: { email, amount, cardType },
		itemIndex: i,
		reference: `the cards of ${email} (Card → Get Many)`,
	});
	// the card (CVV and number redacted) and the first top-up, then Kazawallet's answer, redacted the same way
	return { card: safeCard(cardFrom(body)), money: moneyOf(amount, CARD_CURRENCY, 'major'), response: safeCard(body) };
}

/** Sent at most once per Idempotency Key (payment ledger); agents are held to the node's maximum (the top-up; the issue fee comes on top). */
export const moneyMove: Operation['moneyMove'] = { amount: readAgentAmount };
