import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { maskCardNumber, omitKeys } from '../../../shared/redact';
import { FieldError } from '../../../shared/validation';
import { checkWalletAmount } from '../common';

/**
 * Card requests and answers. Only the paths are public; the body fields are assumed from the
 * reference's descriptions and kept here and in each operation file:
 * issue { email, amount, cardType }, create (deprecated) { email, cardType }, top-up { cardId, amount },
 * cancel / lock / unlock { cardId }, details and transactions ?cardId=, validate-code { cardId, code }.
 */
export const CARD_CURRENCY = 'USD';

export const CARD_TYPES = ['basic', 'plus'] as const;

export const cardTypeProperty: INodeProperties = {
	displayName: 'Card Type',
	name: 'cardType',
	type: 'options',
	options: [
		{ name: 'Basic', value: 'basic', description: 'The default tier' },
		{ name: 'Plus', value: 'plus', description: 'Fees may differ per tier and merchant plan' },
	],
	default: 'basic',
};

export const cardUserEmailProperty: INodeProperties = {
	displayName: 'User Email',
	name: 'email',
	type: 'string',
	placeholder: 'name@email.com',
	required: true,
	default: '',
	description: 'The Kazawallet user the card is for',
};

/** Card amounts are strings in the card's currency (USD, 2 decimals). */
export function checkCardAmount(value: unknown): string {
	return checkWalletAmount(value, CARD_CURRENCY);
}

export function checkCardType(value: unknown): string {
	if (typeof value !== 'string' || !(CARD_TYPES as readonly string[]).includes(value)) {
		throw new FieldError('Card Type', 'must be basic or plus');
	}
	return value;
}

const SECRET_CARD_KEYS = new Set(['cvv', 'cvc', 'cvv2', 'pin', 'securityCode', 'security_code']);
const CARD_NUMBER_KEYS = ['cardNumber', 'card_number', 'pan', 'number'];

/** A card record without CVV/PIN and with the card number masked, unless the operator asked for them. */
export function safeCard(card: IDataObject, includeSensitive = false): IDataObject {
	if (includeSensitive) return card;
	const copy = omitKeys(card, SECRET_CARD_KEYS);
	for (const key of CARD_NUMBER_KEYS) {
		if (typeof copy[key] === 'string' || typeof copy[key] === 'number') copy[key] = maskCardNumber(String(copy[key]));
	}
	return copy;
}

/** The card object of an answer (under card / data), or the answer itself. */
export function cardFrom(body: IDataObject): IDataObject {
	const card = (body.card ?? body.data) as IDataObject | undefined;
	return card && typeof card === 'object' && !Array.isArray(card) ? card : body;
}
