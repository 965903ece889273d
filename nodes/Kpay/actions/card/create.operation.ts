import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/router';
import { isUnknownOutcome } from '../../../shared/transport';
import { checkString } from '../../../shared/validation';
import { KPAY_CALLS, kpayRequest } from '../../transport';
import { checkKpayCardNumber, checkShaba } from '../../validators';
import { maskCards, showFullCardNumberOption } from '../common';

// Reference: Cards, Add Card (POST /cards { card_number, owner_name, shaba })

const properties: INodeProperties[] = [
	{
		displayName: 'Card Number',
		name: 'cardNumber',
		type: 'string',
		typeOptions: { password: true },
		required: true,
		default: '',
		placeholder: '6037 9975 9999 9993',
		description: '16-digit bank card number (checked with the Luhn algorithm before sending)',
	},
	{ displayName: 'Owner Name', name: 'ownerName', type: 'string', required: true, default: '', description: 'The name of the card owner, as the bank has it' },
	{
		displayName: 'Shaba (IBAN)',
		name: 'shaba',
		type: 'string',
		default: '',
		placeholder: 'IR820540102680020817909002',
		description: 'The IBAN of the account behind the card (optional): IR followed by 24 digits; its check digits are verified before sending'
	},
	showFullCardNumberOption,
];

export const description = updateDisplayOptions({ show: { resource: ['card'], operation: ['create'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const cardNumber = checkKpayCardNumber(this.getNodeParameter('cardNumber', i), 'Card Number');
	const ownerName = checkString(this.getNodeParameter('ownerName', i), 'Owner Name', { maxLength: 255 });
	const shaba = checkShaba(this.getNodeParameter('shaba', i, ''), 'Shaba (IBAN)');
	const showFull = this.getNodeParameter('revealCardData', i, false) as boolean;
	let refusal: unknown;
	try {
		const { body } = await kpayRequest.call(this, KPAY_CALLS.createCard, {
			method: 'POST',
			path: '/cards',
			body: { card_number: cardNumber, owner_name: ownerName, ...(shaba ? { shaba } : {}) },
			itemIndex: i,
			reference: `the card ending in ${cardNumber.slice(-4)} with Card → Get Many`,
			sensitiveValues: [cardNumber],
		});
		// the same shape whether the card was added now or found (below): KPAY's answer under `response`
		return { alreadyExisted: false, response: maskCards(body, showFull) };
	} catch (error) {
		refusal = error;
	}
	// Run again after a lost answer (or the card was added before): KPAY says "already exists".
	// The card is looked up in the account's cards and returned instead of an error.
	if (isUnknownOutcome(refusal) || !ALREADY_EXISTS.test(String((refusal as Error).message))) throw refusal;
	const existing = await findCard.call(this, cardNumber, i);
	if (!existing) throw refusal;
	return { alreadyExisted: true, response: maskCards(existing, showFull) };
}

/** KPAY's answer to a card number the account has (sandbox: "Card already exists"). */
const ALREADY_EXISTS = /already (exists|registered)/i;

/** The account's card with this number (GET /cards), or undefined. */
async function findCard(this: IExecuteFunctions, cardNumber: string, itemIndex: number): Promise<IDataObject | undefined> {
	const { body } = await kpayRequest.call(this, KPAY_CALLS.listCards, { method: 'GET', path: '/cards', itemIndex });
	const cards = (Array.isArray(body.cards) ? body.cards : []) as IDataObject[];
	return cards.find((card) => String(card.card_number ?? '').replace(/[\s-]/g, '') === cardNumber);
}
