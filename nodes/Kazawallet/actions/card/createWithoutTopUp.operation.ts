import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { idempotencyKeyProperty } from '../../../shared/ledger';
import type { Operation, OperationResult } from '../../../shared/router';
import { checkEmail } from '../../../shared/validation';
import { KAZAWALLET_CALLS, kazawalletRequest } from '../../transport';
import { cardFrom, cardTypeProperty, cardUserEmailProperty, checkCardType, safeCard } from './common';

// Kazawallet API reference, "Create Card (without top-up)" (POST /wallet-cards/create), DEPRECATED by
// Kazawallet in favour of Issue Card; body assumed { email, cardType }

const properties: INodeProperties[] = [
	{
		displayName:
			'Kazawallet has deprecated this endpoint. Use Card → Issue for new workflows; this stays for existing integrations.',
		name: 'deprecatedNotice',
		type: 'notice',
		default: '',
	},
	cardUserEmailProperty,
	cardTypeProperty,
	idempotencyKeyProperty(undefined, 'card'),
];

const displayOptions = { show: { resource: ['card'], operation: ['createWithoutTopUp'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const email = checkEmail(this.getNodeParameter('email', i), 'User Email');
	const cardType = checkCardType(this.getNodeParameter('cardType', i, 'basic'));
	const { body } = await kazawalletRequest.call(this, KAZAWALLET_CALLS.createCardWithoutTopUp, {
		method: 'POST',
		path: '/wallet-cards/create',
		body: { email, cardType },
		itemIndex: i,
		reference: `the cards of ${email} (Card → Get Many)`,
	});
	return { card: safeCard(cardFrom(body)), deprecatedEndpoint: true, response: safeCard(body) };
}

/** Sent at most once per Idempotency Key (payment ledger). No amount of its own: the issue fee is Kazawallet's. */
export const moneyMove: Operation['moneyMove'] = {};
