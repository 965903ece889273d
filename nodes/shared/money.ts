import { FieldError } from './validation';

/**
 * Money helpers. Amounts are handled as decimal strings and converted with string arithmetic only:
 * a float never touches an amount, so 0.1 + 0.2 problems cannot reach a provider.
 */

/** ISO 4217 minor-unit exponents that are not 2. Every other three-letter code uses 2. */
const EXPONENT_EXCEPTIONS: Record<string, number> = {
	// 0 decimals
	BIF: 0, CLP: 0, DJF: 0, GNF: 0, ISK: 0, JPY: 0, KMF: 0, KRW: 0, PYG: 0, RWF: 0, UGX: 0, UYI: 0,
	VND: 0, VUV: 0, XAF: 0, XOF: 0, XPF: 0,
	// 3 decimals
	BHD: 3, IQD: 3, JOD: 3, KWD: 3, LYD: 3, OMR: 3, TND: 3,
	// 4 decimals
	CLF: 4, UYW: 4,
};

/** Common crypto and stablecoin codes; providers that accept them allow up to 8 decimals. */
export const CRYPTO_CURRENCIES = new Set([
	'BTC', 'ETH', 'USDT', 'USDC', 'LTC', 'BCH', 'TRX', 'BNB', 'SOL', 'XRP', 'DOGE', 'DAI', 'TON', 'MATIC',
]);

/** The number of minor-unit decimals for an ISO 4217 currency code (2 unless listed as an exception). */
export function currencyExponent(currency: string): number {
	const code = currency.trim().toUpperCase();
	return EXPONENT_EXCEPTIONS[code] ?? 2;
}

interface ParsedDecimal {
	integer: string; // digits, no leading zeros (at least "0")
	fraction: string; // digits as written, may be empty
}

const DECIMAL_PATTERN = /^(\d+)(?:\.(\d*))?$|^\.(\d+)$/;

/** Parses a plain, non-negative decimal ("10", "10.50", ".5"); refuses signs, exponents and separators. */
function parseDecimal(value: unknown, field: string): ParsedDecimal {
	let text: string;
	if (value === undefined || value === null) throw new FieldError(field, 'is required');
	if (typeof value === 'number') {
		if (!Number.isFinite(value)) throw new FieldError(field, 'must be a number');
		text = String(value);
		if (/e/i.test(text)) {
			throw new FieldError(field, `"${text}" is too large or too small; write it as a plain decimal`);
		}
	} else if (typeof value === 'string') {
		text = value.trim();
	} else {
		throw new FieldError(field, 'must be a number such as 10.50');
	}
	if (text === '') throw new FieldError(field, 'is required');
	if (text.startsWith('-')) throw new FieldError(field, 'must be positive');
	const match = DECIMAL_PATTERN.exec(text);
	if (!match) {
		throw new FieldError(
			field,
			`"${text.slice(0, 40)}" is not a number; use digits with a dot for decimals, e.g. 10.50`,
		);
	}
	const integer = (match[1] ?? '0').replace(/^0+(?=\d)/, '');
	const fraction = match[2] ?? match[3] ?? '';
	return { integer, fraction };
}

export interface DecimalRules {
	/** At most this many decimal places. */
	maxDecimals: number;
	/** Zero is refused unless this is true. */
	allowZero?: boolean;
	/** Describes the unit in messages, e.g. "USD". */
	unitLabel?: string;
}

/**
 * Validates a major-unit amount and returns it as a canonical decimal string
 * ("010.50" → "10.50", trailing zeros kept as written so "10.00" stays "10.00").
 */
export function normalizeDecimal(value: unknown, field: string, rules: DecimalRules): string {
	const { integer, fraction } = parseDecimal(value, field);
	if (fraction.length > rules.maxDecimals) {
		const unit = rules.unitLabel ? ` for ${rules.unitLabel}` : '';
		throw new FieldError(
			field,
			rules.maxDecimals === 0
				? `must be a whole number${unit}`
				: `has more than ${rules.maxDecimals} decimal places${unit}`,
		);
	}
	if (!rules.allowZero && /^0*$/.test(integer + fraction)) {
		throw new FieldError(field, 'must be greater than zero');
	}
	return fraction.length ? `${integer}.${fraction}` : integer;
}

/**
 * Converts a major-unit amount ("10.5" USD) to an integer count of minor units (1050) using the
 * currency's ISO 4217 exponent. Refuses amounts with more decimals than the currency has.
 */
export function toMinorUnits(value: unknown, currency: string, field: string): number {
	const exponent = currencyExponent(currency);
	const normalized = normalizeDecimal(value, field, {
		maxDecimals: exponent,
		unitLabel: currency.toUpperCase(),
	});
	const [integer, fraction = ''] = normalized.split('.');
	const digits = (integer + fraction.padEnd(exponent, '0')).replace(/^0+(?=\d)/, '');
	const minor = Number(digits);
	if (!Number.isSafeInteger(minor)) throw new FieldError(field, 'is too large');
	return minor;
}

/** Validates an amount already in minor units: a positive whole number. */
export function parseMinorUnits(value: unknown, field: string): number {
	const normalized = normalizeDecimal(value, field, { maxDecimals: 0, unitLabel: 'minor units' });
	const minor = Number(normalized);
	if (!Number.isSafeInteger(minor)) throw new FieldError(field, 'is too large');
	return minor;
}

/** Formats an integer count of minor units as a major-unit decimal string: 1050 USD → "10.50". */
export function fromMinorUnits(minor: number | string, currency: string): string {
	const text = String(minor).trim();
	if (!/^-?\d+$/.test(text)) throw new Error(`Not a whole number of minor units: ${text}`);
	const negative = text.startsWith('-');
	const digits = negative ? text.slice(1) : text;
	const exponent = currencyExponent(currency);
	if (exponent === 0) return (negative ? '-' : '') + digits.replace(/^0+(?=\d)/, '');
	const padded = digits.padStart(exponent + 1, '0');
	const integer = padded.slice(0, -exponent).replace(/^0+(?=\d)/, '');
	return `${negative ? '-' : ''}${integer}.${padded.slice(-exponent)}`;
}

/**
 * Compares two plain decimals exactly (string arithmetic): true when `amount` is greater than `max`.
 * Both must be plain non-negative decimals; `field` names the amount in the error otherwise.
 */
export function exceedsAmount(amount: unknown, max: unknown, field: string): boolean {
	const a = parseDecimal(amount, field);
	const b = parseDecimal(max, 'Max Amount per Call for AI Agents');
	const scale = Math.max(a.fraction.length, b.fraction.length);
	const digits = (value: ParsedDecimal) => `${value.integer}${value.fraction.padEnd(scale, '0')}`.replace(/^0+(?=\d)/, '');
	const x = digits(a);
	const y = digits(b);
	if (x.length !== y.length) return x.length > y.length;
	return x > y;
}
