import { checkCardNumber, checkString, FieldError } from '../shared/validation';

/**
 * KPAY-only input checks, run before anything is sent. Card numbers use the shared Luhn check
 * (nodes/shared/validation.ts checkCardNumber); KPAY takes 16 digits (reference: Cards, Add Card,
 * "card_number: 16-digit card number").
 *
 * Shaba: the Iranian IBAN, "IR" + 2 check digits + 22-digit BBAN (26 characters, ISO 13616). Move
 * the first four characters to the end, replace I=18 and R=27, read it as a number: it must leave
 * remainder 1 when divided by 97. Reference vector: IR820540102680020817909002 is valid.
 */
export function checkKpayCardNumber(value: unknown, field: string): string {
	return checkCardNumber(value, field, { minLength: 16, maxLength: 16 });
}

export function shabaValid(shaba: string): boolean {
	if (!/^IR\d{24}$/.test(shaba)) return false;
	const rearranged = `${shaba.slice(4)}1827${shaba.slice(2, 4)}`;
	// mod 97 digit by digit, so no big integers are needed
	let remainder = 0;
	for (const digit of rearranged) remainder = (remainder * 10 + Number(digit)) % 97;
	return remainder === 1;
}

/** An optional Shaba number: IR + 24 digits with valid mod-97 check digits; returned upper-case. */
export function checkShaba(value: unknown, field: string): string {
	const text = checkString(value, field, { required: false }).replace(/[\s-]/g, '').toUpperCase();
	if (!text) return '';
	if (!/^IR\d{24}$/.test(text)) throw new FieldError(field, 'must be IR followed by 24 digits');
	if (!shabaValid(text)) throw new FieldError(field, 'is not a valid Shaba number (its check digits are wrong)');
	return text;
}

/** A KPAY mobile number (reference: Register, "mobile: Mobile number (09xxxxxxxxx)"). */
export function checkMobile(value: unknown, field: string): string {
	return checkString(value, field, {
		pattern: /^09\d{9}$/,
		patternHint: '09 followed by 9 digits, e.g. 09121234567',
	});
}

/** A KPAY password (reference: Register, "password: Password (min 6 chars)"). */
export function checkPassword(value: unknown, field: string): string {
	return checkString(value, field, { minLength: 6, keepWhitespace: true });
}
