import { checkString, FieldError } from '../shared/validation';

/**
 * KPAY input checks, run before anything is sent.
 *
 * Card number: 16 digits whose last digit is the Luhn check digit (ISO/IEC 7812): from the right,
 * every second digit is doubled (minus 9 when above 9); the sum of all digits must end in 0.
 * Reference vector: 6037997599999993 is valid, 6037997599999995 is not.
 *
 * Shaba: the Iranian IBAN, "IR" + 2 check digits + 22-digit BBAN (26 characters, ISO 13616). Move
 * the first four characters to the end, replace I=18 and R=27, read it as a number: it must leave
 * remainder 1 when divided by 97. Reference vector: IR820540102680020817909002 is valid.
 */
export function luhnValid(digits: string): boolean {
	if (!/^\d+$/.test(digits)) return false;
	let sum = 0;
	for (let i = 0; i < digits.length; i++) {
		let digit = Number(digits[digits.length - 1 - i]);
		if (i % 2 === 1) {
			digit *= 2;
			if (digit > 9) digit -= 9;
		}
		sum += digit;
	}
	return sum % 10 === 0;
}

export function shabaValid(shaba: string): boolean {
	if (!/^IR\d{24}$/.test(shaba)) return false;
	const rearranged = `${shaba.slice(4)}1827${shaba.slice(2, 4)}`;
	// mod 97 digit by digit, so no big integers are needed
	let remainder = 0;
	for (const digit of rearranged) remainder = (remainder * 10 + Number(digit)) % 97;
	return remainder === 1;
}

/** A 16-digit card number (spaces and dashes allowed) that passes the Luhn check. */
export function checkCardNumber(value: unknown, field: string): string {
	const digits = checkString(value, field).replace(/[\s-]/g, '');
	if (!/^\d{16}$/.test(digits)) throw new FieldError(field, 'must be 16 digits');
	if (!luhnValid(digits)) throw new FieldError(field, 'is not a valid card number (its Luhn check digit is wrong)');
	return digits;
}

/** An optional Shaba number: IR + 24 digits with valid mod-97 check digits; returned upper-case. */
export function checkShaba(value: unknown, field: string): string {
	const text = checkString(value, field, { required: false }).replace(/[\s-]/g, '').toUpperCase();
	if (!text) return '';
	if (!/^IR\d{24}$/.test(text)) throw new FieldError(field, 'must be IR followed by 24 digits');
	if (!shabaValid(text)) throw new FieldError(field, 'is not a valid Shaba number (its check digits are wrong)');
	return text;
}

export function checkMobile(value: unknown, field: string): string {
	return checkString(value, field, {
		pattern: /^09\d{9}$/,
		patternHint: '09 followed by 9 digits, e.g. 09121234567',
	});
}

export function checkPassword(value: unknown, field: string): string {
	return checkString(value, field, { minLength: 6, keepWhitespace: true });
}

/**
 * An ID that goes into a URL path segment (shop ID, authority, payment ID). Refused: empty, "." and
 * "..", and anything with "/", "\\", "?", "#" or "%", which could climb or leave the path even encoded
 * (servers and proxies decode them). Kept here: nodes/shared has no such check yet.
 */
export function checkPathSegment(value: unknown, field: string, maxLength = 255): string {
	const text = checkString(value, field, { maxLength });
	if (text === '.' || text === '..') throw new FieldError(field, 'must not be "." or ".."');
	if (/[/\\?#%]/.test(text)) throw new FieldError(field, 'must not contain "/", "\\", "?", "#" or "%"');
	return text;
}
