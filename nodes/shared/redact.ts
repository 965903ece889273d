/**
 * Keeps secrets and card data out of output items, error messages and descriptions.
 */

/** Replaces every occurrence of each secret (4+ characters) in a text with "[redacted]". */
export function redactText(text: string, secrets: Array<string | undefined>): string {
	let result = text;
	for (const secret of secrets) {
		if (typeof secret !== 'string' || secret.length < 4) continue;
		result = result.split(secret).join('[redacted]');
	}
	// Card numbers that a provider echoes back (13-19 digits, optionally grouped) keep the last four. A run
	// of digits that is part of a hyphenated hex ID (a UUID such as 51247562-5907-4633-8f2a-…) is not a card.
	return result.replace(/\b(?<![0-9a-fA-F]-)(?:\d[ -]?){12,18}\d\b(?!-[0-9a-fA-F])/g, (match) => maskCardNumber(match));
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
