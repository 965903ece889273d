import { createHash, createHmac } from 'crypto';

import { safeEqual } from '../shared/webhook';

/**
 * Kazawallet payment-link webhook signature.
 *
 * Algorithm (docs/kazawallet.md, "Payment-link webhook signature", confirmed by three independent
 * integrations and the start of the official PHP sample):
 *   digest   = SHA-256( amount + ":::" + order_id + ":::" + apiKey )      (raw 32 bytes, UTF-8 input)
 *   expected = Base64( HMAC-SHA512( key = apiSecret, message = digest ) )
 * and `expected` must equal the payload's `secret`. `amount` and `order_id` are signed exactly as
 * received: "10.00" and "10" give different signatures. `status`, `ref` and `currency` are not signed.
 *
 * Reference vector (computed independently with crypto-js in test/kazawallet/signature.test.js):
 * amount "10.00", order_id "ord_123", apiKey "key_abc", apiSecret "secret_xyz" →
 * "VIxatOm1XNBy9Do6B40B1sMNw8Njl3+i1MVzzsvqAHcnBdphc0UDkTvS+albIGJC4ddOjK68HZEh+AV8/+MIKQ=="
 * (amount "10" instead gives "AKreO12doPNa7CJn653bljAehNdoqRjSR/NPnagPzQ4xA6MZTgRczNxJK4697fIdcNhWSmFJ5r0NGFOreGbEXA==").
 */
export function kazawalletWebhookSecret(amount: string, orderId: string, apiKey: string, apiSecret: string): string {
	const digest = createHash('sha256').update(`${amount}:::${orderId}:::${apiKey}`, 'utf8').digest();
	return createHmac('sha512', apiSecret).update(digest).digest('base64');
}

/** Constant-time check of a received `secret` against the recipe. */
export function verifyKazawalletWebhook(
	fields: { amount: string; orderId: string; secret: string },
	apiKey: string,
	apiSecret: string,
): boolean {
	const expected = kazawalletWebhookSecret(fields.amount, fields.orderId, apiKey, apiSecret);
	return safeEqual(fields.secret.trim(), expected);
}

/**
 * The raw text of top-level fields of a JSON object, as received: a number keeps its written form
 * ("10.00" stays "10.00", which JSON.parse would turn into 10); a string is unescaped. Fields that are
 * objects or arrays, and nested fields, are not returned.
 */
export function rawJsonFields(text: string): Record<string, string> {
	const result: Record<string, string> = {};
	let i = 0;
	const n = text.length;
	const skipSpace = () => {
		while (i < n && /\s/.test(text[i])) i++;
	};
	const readString = (): string => {
		const start = i;
		i++; // opening quote
		while (i < n && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
		i++; // closing quote
		return JSON.parse(text.slice(start, i)) as string;
	};
	const skipValue = (): string | undefined => {
		skipSpace();
		const c = text[i];
		if (c === '"') return readString();
		if (c === '{' || c === '[') {
			let depth = 0;
			while (i < n) {
				const ch = text[i];
				if (ch === '"') {
					readString();
					continue;
				}
				if (ch === '{' || ch === '[') depth++;
				if (ch === '}' || ch === ']') depth--;
				i++;
				if (depth === 0) break;
			}
			return undefined;
		}
		const start = i;
		while (i < n && !/[\s,}\]]/.test(text[i])) i++;
		return text.slice(start, i);
	};
	try {
		skipSpace();
		if (text[i] !== '{') return result;
		i++;
		while (i < n) {
			skipSpace();
			if (text[i] === '}') break;
			if (text[i] !== '"') return result;
			const key = readString();
			skipSpace();
			if (text[i] !== ':') return result;
			i++;
			const value = skipValue();
			if (value !== undefined) result[key] = value; // the last one wins, as in JSON.parse
			skipSpace();
			if (text[i] === ',') i++;
		}
	} catch {
		return result;
	}
	return result;
}
