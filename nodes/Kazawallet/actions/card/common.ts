import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { maskCardNumber, redactFields } from '../../../shared/redact';
import { withMoney } from '../../../shared/output';
import { checkOneOf } from '../../../shared/validation';
import { withCodeNames } from '../../codes';
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
	description: 'The tier of the card; the issue fee depends on it',
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
	return checkOneOf(value, 'Card Type', CARD_TYPES);
}

/**
 * A card record with secrets and card data redacted by field name (shared redactFields: CVV/PIN become
 * "[redacted]", card numbers keep their last four), unless the operator asked for them (Card → Get). A
 * top-level `number` is a card number in a card record (the field names of Kazawallet's card answers are
 * not public), so it is masked too.
 */
export function safeCard(card: IDataObject, includeSensitive = false): IDataObject {
	if (includeSensitive) return card;
	const copy = redactFields(card);
	if (typeof copy.number === 'string' || typeof copy.number === 'number') copy.number = maskCardNumber(String(copy.number));
	return copy;
}

/** A card record for output: redacted (see safeCard), code names added, its balance also as money. */
export function cardOutput(card: IDataObject, includeSensitive = false): IDataObject {
	const shown = withCodeNames(safeCard(card, includeSensitive));
	return withMoney(shown, card.balance, card.currency ?? CARD_CURRENCY, 'major');
}

/** The card object of an answer (under card / data), or the answer itself. */
export function cardFrom(body: IDataObject): IDataObject {
	const card = (body.card ?? body.data) as IDataObject | undefined;
	return card && typeof card === 'object' && !Array.isArray(card) ? card : body;
}
