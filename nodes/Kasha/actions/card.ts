import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { isSensitiveField, maskCardNumber, omitKeys, redactFields } from '../../shared/redact';
import { checkCardNumber, checkString, FieldError } from '../../shared/validation';
import { LIMITS } from './fields';

// Card data and method fields of "3. Post a Payment" / "3. Create Payout" (extraData). Card data goes to
// Kasha only: never into outputs or errors.

/**
 * Kasha's own names for card data in extraData (cardnum, cardcvv, expirymonth, expiryyear): removed from
 * anything Kasha or a sender echoes, on top of the shared redaction by field name (cvv, pin, password, ...).
 */
export const KASHA_CARD_FIELDS: ReadonlySet<string> = new Set(['cardnum', 'cardcvv', 'expirymonth', 'expiryyear']);

/** An answer or notification without card data or secrets, whatever Kasha or the sender echoes. */
export function withoutCardData<T>(value: T): T {
	return redactFields(omitKeys(value, KASHA_CARD_FIELDS));
}

/**
 * Builds extraData from the card details (Kasha's names: cardnum, expirymonth, expiryyear,
 * cardcvv, cardholder) and the method fields. Returns the values that must never be echoed.
 */
export function readExtraData(this: IExecuteFunctions, i: number, withCard: boolean): { extraData: IDataObject; secrets: string[] } {
	const extraData: IDataObject = {};
	const secrets: string[] = [];
	if (withCard) {
		const card = this.getNodeParameter('card', i, {}) as IDataObject;
		if (Object.values(card).some((value) => value !== '' && value !== undefined)) {
			const number = checkCardNumber(card.cardNumber, 'Card Number');
			const cvv = checkString(card.cvv, 'CVV');
			if (!/^\d{3,4}$/.test(cvv)) throw new FieldError('CVV', 'must be 3 or 4 digits');
			const month = checkString(card.expiryMonth, 'Expiry Month', { pattern: /^(0?[1-9]|1[0-2])$/, patternHint: 'a month from 01 to 12' });
			let year = checkString(card.expiryYear, 'Expiry Year', { pattern: /^(\d{2}|\d{4})$/, patternHint: 'a year such as 2030' });
			if (year.length === 2) year = `20${year}`;
			secrets.push(number, cvv);
			Object.assign(extraData, {
				cardnum: number,
				expiryyear: year,
				expirymonth: month.padStart(2, '0'),
				cardcvv: cvv,
				cardholder: checkString(card.cardholder, 'Cardholder Name', { maxLength: LIMITS.generic }),
			});
		}
	}
	const fields = (this.getNodeParameter('methodFields', i, {}) as { field?: IDataObject[] }).field ?? [];
	for (const [index, entry] of fields.entries()) {
		const name = checkString(entry.name, `Method Fields ${index + 1} Name`, { maxLength: 100 });
		const value = checkString(entry.value, `Method Fields "${name}" Value`, { required: false, maxLength: 1000 });
		extraData[name] = value;
		if (value && (KASHA_CARD_FIELDS.has(name.toLowerCase()) || isSensitiveField(name))) secrets.push(value);
	}
	return { extraData, secrets };
}

/** The Card option needs card details: refused before sending instead of Kasha's generic 1000. */
export function requireCardFor(optionName: string | undefined, extraData: IDataObject): void {
	if (optionName && /^card$/i.test(optionName.trim()) && extraData.cardnum === undefined) {
		throw new FieldError('Card Number', 'is required for the Card option (add it under Card Details)');
	}
}

/** The card that was used, for the output: masked number (last four kept), its last four, the cardholder. */
export function cardSummary(extraData: IDataObject): IDataObject | undefined {
	if (typeof extraData.cardnum !== 'string') return undefined;
	const masked = maskCardNumber(extraData.cardnum);
	return { number: masked, last4: masked.slice(-4), cardholder: extraData.cardholder };
}
