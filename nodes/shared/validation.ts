/**
 * Parameter validation. Validators throw FieldError, which names the field the operator sees in the
 * UI; the router turns it into a NodeOperationError that also names the item. Nothing is sent for an
 * item whose parameters fail validation.
 */
export class FieldError extends Error {
	constructor(
		readonly field: string,
		readonly problem: string,
	) {
		super(`${field} ${problem}`);
		this.name = 'FieldError';
	}
}

interface StringRules {
	/** Refuse an empty value (after trimming). Default true. */
	required?: boolean;
	maxLength?: number;
	minLength?: number;
	pattern?: RegExp;
	/** What the pattern means, for the message: "must be ${patternHint}". */
	patternHint?: string;
	/** Keep surrounding white space (default: trimmed). */
	keepWhitespace?: boolean;
}

/** Reads a value as a string and checks it; returns '' for an absent optional value. */
export function checkString(value: unknown, field: string, rules: StringRules = {}): string {
	const required = rules.required ?? true;
	if (value === undefined || value === null) value = '';
	if (typeof value === 'number' || typeof value === 'boolean') value = String(value);
	if (typeof value !== 'string') throw new FieldError(field, 'must be text');
	const text = rules.keepWhitespace ? value : value.trim();
	if (text === '') {
		if (required) throw new FieldError(field, 'is required');
		return '';
	}
	if (rules.minLength !== undefined && text.length < rules.minLength) {
		throw new FieldError(field, `must be at least ${rules.minLength} characters`);
	}
	if (rules.maxLength !== undefined && text.length > rules.maxLength) {
		throw new FieldError(field, `must be at most ${rules.maxLength} characters (got ${text.length})`);
	}
	if (rules.pattern && !rules.pattern.test(text)) {
		throw new FieldError(field, `must be ${rules.patternHint ?? `in the format ${rules.pattern}`}`);
	}
	return text;
}

const EMAIL = /^[^\s@"'<>()\\,;:]+@[^\s@"'<>()\\,;:]+\.[^\s@"'<>()\\,;:]{2,}$/;

export function checkEmail(value: unknown, field: string, required = true): string {
	return checkString(value, field, {
		required,
		maxLength: 255,
		pattern: EMAIL,
		patternHint: 'an email address such as name@example.com',
	});
}

export function checkUrl(value: unknown, field: string, required = true): string {
	const text = checkString(value, field, { required, maxLength: 65535 });
	if (!text) return text;
	const url = URL.canParse(text) ? new URL(text) : undefined;
	if (!url) throw new FieldError(field, 'must be a full URL starting with https:// or http://');
	if (url.protocol !== 'https:' && url.protocol !== 'http:') {
		throw new FieldError(field, 'must start with https:// or http://');
	}
	return text;
}

/** ISO 4217 alphabetic code, returned upper-case. */
export function checkCurrency(value: unknown, field: string, required = true): string {
	const text = checkString(value, field, {
		required,
		pattern: /^[A-Za-z]{3}$/,
		patternHint: 'a three-letter ISO 4217 currency code such as USD',
	});
	return text.toUpperCase();
}

/** ISO 3166-1 alpha-2 country code, returned upper-case. */
export function checkCountry(value: unknown, field: string, required = true): string {
	const text = checkString(value, field, {
		required,
		pattern: /^[A-Za-z]{2}$/,
		patternHint: 'a two-letter ISO 3166 country code such as DE',
	});
	return text.toUpperCase();
}

interface DateRules {
	required?: boolean;
	/** Refuse a date after today (in the given time zone, UTC when none). */
	notFuture?: boolean;
	/** Refuse a date before today (in the given time zone, UTC when none). */
	notPast?: boolean;
	/** IANA zone that decides what "today" is: the workflow's, from `this.getTimezone()`. */
	timezone?: string;
}

/** Today's calendar date yyyy-MM-dd in a time zone. */
export function todayIn(timezone = 'UTC', now = new Date()): string {
	return new Intl.DateTimeFormat('en-CA', { timeZone: timezone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/**
 * Calendar date yyyy-MM-dd that exists (a longer ISO date-time from n8n's date picker is cut to its
 * date), optionally not in the future or not in the past. The third argument may be the old `required`.
 */
export function checkDate(value: unknown, field: string, rules: boolean | DateRules = true): string {
	const options: DateRules = typeof rules === 'boolean' ? { required: rules } : rules;
	if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value.trim())) value = value.trim().slice(0, 10);
	const text = checkString(value, field, {
		required: options.required ?? true,
		pattern: /^\d{4}-\d{2}-\d{2}$/,
		patternHint: 'a date in the format yyyy-MM-dd',
	});
	if (!text) return text;
	const date = new Date(`${text}T00:00:00Z`);
	if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== text) {
		throw new FieldError(field, `"${text}" is not a real calendar date`);
	}
	const today = todayIn(options.timezone);
	if (options.notFuture && text > today) throw new FieldError(field, `"${text}" is in the future (today is ${today})`);
	if (options.notPast && text < today) throw new FieldError(field, `"${text}" is in the past (today is ${today})`);
	return text;
}

/**
 * Luhn check digit (ISO/IEC 7812): from the right, every second digit is doubled (minus 9 when above
 * 9); the sum of all digits must end in 0. 4111111111111111 passes, 4111111111111112 does not.
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

/**
 * A card number (spaces and dashes allowed) of an allowed length whose check digit is right; returns
 * the digits. The message never repeats the number.
 */
export function checkCardNumber(
	value: unknown,
	field: string,
	rules: { minLength?: number; maxLength?: number } = {},
): string {
	const min = rules.minLength ?? 12;
	const max = rules.maxLength ?? 19;
	const text = checkString(value, field);
	const digits = text.replace(/[\s-]/g, '');
	if (!/^\d+$/.test(digits)) throw new FieldError(field, 'must contain only digits (spaces and dashes allowed)');
	if (digits.length < min || digits.length > max) {
		throw new FieldError(field, min === max ? `must be ${min} digits` : `must be ${min} to ${max} digits`);
	}
	if (!luhnValid(digits)) throw new FieldError(field, 'is not a valid card number (its check digit is wrong)');
	return digits;
}

/**
 * A scalar as text for a request or a key: strings as they are, numbers and booleans written out,
 * anything else (absent, objects) as ''. The one "value as text" helper of the package.
 */
export function asText(value: unknown): string {
	if (typeof value === 'string') return value;
	if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
	return '';
}

export function checkInteger(
	value: unknown,
	field: string,
	rules: { min?: number; max?: number } = {},
): number {
	const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	if (typeof number !== 'number' || !Number.isInteger(number)) {
		throw new FieldError(field, 'must be a whole number');
	}
	if (rules.min !== undefined && number < rules.min) {
		throw new FieldError(field, `must be at least ${rules.min}`);
	}
	if (rules.max !== undefined && number > rules.max) {
		throw new FieldError(field, `must be at most ${rules.max}`);
	}
	return number;
}

export function checkOneOf<T extends string>(value: unknown, field: string, allowed: readonly T[]): T {
	if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
		throw new FieldError(field, `must be one of: ${allowed.join(', ')}`);
	}
	return value as T;
}
