/**
 * Keeps secrets and card data out of output items, error messages and descriptions.
 */

/**
 * Field names whose values are secrets or card data whatever their length (a 3-digit CVV, a 4-digit
 * PIN), compared without case, "_" or "-": cvv, cvc, cvv2, pin, password, secret, apiSecret, …
 */
const SECRET_FIELD = /^(cvv2?|cvc2?|securitycode|pin|pincode|newpin|oldpin|password|passwd|secret|apisecret|clientsecret|privatekey|signaturesecretkey|activationcode|otp)$/;
/** Field names that hold a card number (masked to the last four). */
const CARD_FIELD = /^(cardnumber|cardno|pan|fullcardnumber|primaryaccountnumber)$/;

const normalizedName = (name: string) => name.toLowerCase().replace(/[_\-\s]/g, '');

/** Whether a field of this name holds a secret or card data (see SECRET_FIELD and CARD_FIELD). */
export function isSensitiveField(name: string): boolean {
	const normalized = normalizedName(name);
	return SECRET_FIELD.test(normalized) || CARD_FIELD.test(normalized);
}

/**
 * A deep copy with secrets and card data removed by field name, at any depth and in any case: secret
 * fields become "[redacted]", card-number fields keep their last four.
 */
export function redactFields<T>(value: T): T {
	if (Array.isArray(value)) return value.map((entry) => redactFields(entry)) as T;
	if (value && typeof value === 'object') {
		const copy: Record<string, unknown> = {};
		for (const [key, entry] of Object.entries(value as Record<string, unknown>)) {
			const normalized = normalizedName(key);
			if (SECRET_FIELD.test(normalized) && entry !== undefined && entry !== null && entry !== '') copy[key] = '[redacted]';
			else if (CARD_FIELD.test(normalized) && (typeof entry === 'string' || typeof entry === 'number')) copy[key] = maskCardNumber(String(entry));
			else copy[key] = redactFields(entry);
		}
		return copy as T;
	}
	return value;
}

/** `"cvv": "123"`, `cvv=123`, `pin: 1234` in a text (an echoed request or answer): the value is removed. */
const SECRET_IN_TEXT =
	/(["']?\b(?:cvv2?|cvc2?|security[_-]?code|pin(?:[_-]?code)?|new[_-]?pin|password|passwd|secret|api[_-]?secret|activation[_-]?code|otp)\b["']?\s*[:=]\s*)("[^"]*"|'[^']*'|[^\s,&}\]]+)/gi;

/** Replaces every occurrence of each secret (4+ characters) in a text with "[redacted]". */
export function redactText(text: string, secrets: Array<string | undefined>): string {
	let result = text;
	for (const secret of secrets) {
		if (typeof secret !== 'string' || secret.length < 4) continue;
		result = result.split(secret).join('[redacted]');
	}
	// secrets named in the text, whatever their length (a 3-digit CVV, a 4-digit PIN)
	result = result.replace(SECRET_IN_TEXT, (_match, name: string) => `${name}[redacted]`);
	// Card numbers that a provider echoes back (13-19 digits, optionally grouped) keep the last four.
	// Digits inside a longer token (a UUID, a reference like "TX-1234…") are left alone. No Luhn check:
	// masking a reference that only looks like a card is the safe mistake.
	return result.replace(/(?<![\w-])(?:\d[ -]?){12,18}\d(?![\w-])/g, (match) => maskCardNumber(match));
}

/** "4111111111111111" → "************1111". */
export function maskCardNumber(value: string): string {
	const digits = value.replace(/\D/g, '');
	if (digits.length < 4) return '****';
	return `${'*'.repeat(Math.max(digits.length - 4, 4))}${digits.slice(-4)}`;
}

/** A deep copy of a JSON value without the named keys (at any depth). */
export function omitKeys<T>(value: T, keys: ReadonlySet<string>): T {
	if (Array.isArray(value)) return value.map((entry) => omitKeys(entry, keys)) as T;
	if (value && typeof value === 'object') {
		const copy: Record<string, unknown> = {};
		for (const [key, entry] of Object.entries(value as Record<string, unknown>)) {
			if (!keys.has(key)) copy[key] = omitKeys(entry, keys);
		}
		return copy as T;
	}
	return value;
}
