import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { readLocator } from '../../shared/locator';
import { asText, checkString, FieldError } from '../../shared/validation';

// The session and option a step after Initiate works on (reference: "2. Get Payment Suboptions",
// "3. Post a Payment", "Hybrid Payment", "2. Get Payout Suboptions", "3. Create Payout"). Kasha lists a
// session's options only in Initiate's answer, which the node reads from the incoming item.

/** A session's payment options as given in the "Session Payment Options" parameter (array or JSON text). */
export function readOfferedOptions(value: unknown): IDataObject[] {
	let parsed = value;
	if (typeof parsed === 'string') {
		const trimmed = parsed.trim();
		if (!trimmed) return [];
		try {
			parsed = JSON.parse(trimmed);
		} catch {
			return [];
		}
	}
	if (parsed && typeof parsed === 'object' && !Array.isArray(parsed) && Array.isArray((parsed as IDataObject).paymentOptions)) {
		parsed = (parsed as IDataObject).paymentOptions;
	}
	return Array.isArray(parsed) ? (parsed.filter((entry) => entry && typeof entry === 'object') as IDataObject[]) : [];
}

/**
 * Resolves what the operator chose for a payment option (a name from the dropdown, or an ID by
 * expression) to the session's paymentOptionId.
 */
export function resolvePaymentOption(
	chosen: unknown,
	offered: IDataObject[],
	field = 'Payment Option',
): { paymentOptionId: string; name?: string } {
	const value = checkString(chosen, field, { maxLength: 1000 });
	const byId = offered.find((option) => asText(option.paymentOptionId) === value);
	if (byId) return { paymentOptionId: value, name: byId.name as string };
	const byName = offered.find((option) => asText(option.name).toLowerCase() === value.toLowerCase());
	if (byName) return { paymentOptionId: asText(byName.paymentOptionId), name: byName.name as string };
	if (offered.length > 0 && !/^[\w-]{16,}$/.test(value)) {
		throw new FieldError(
			field,
			`"${value}" is not offered in this session; offered: ${offered.map((option) => option.name).join(', ')}`,
		);
	}
	return { paymentOptionId: value };
}

/** The sub-options in a suboptions answer ("options" is a list for payments, one object for payouts). */
export function subOptionsOf(result: IDataObject): IDataObject[] {
	const options = result.options;
	if (Array.isArray(options)) return options as IDataObject[];
	if (options && typeof options === 'object') return [options as IDataObject];
	return [];
}

/** Resolves a sub-option by ID or by name against a suboptions list. */
export function resolveSubOption(chosen: string, options: IDataObject[], field = 'Sub-Option'): IDataObject {
	const match =
		options.find((option) => asText(option.id) === chosen) ??
		options.find((option) => asText(option.name).toLowerCase() === chosen.toLowerCase());
	if (!match) {
		throw new FieldError(field, `"${chosen}" is not offered; offered: ${options.map((o) => `${asText(o.name)} (${asText(o.id)})`).join(', ') || 'none'}`);
	}
	return match;
}

/**
 * A Kasha transaction ID (a UUID in the reference's samples): letters, digits and `_ . : -`, starting with a
 * letter or digit, so a mistyped value is refused by name before anything is sent. (The URL itself is
 * guarded for every call by the shared transport's `unsafePathSegment`.)
 */
export function readTransactionId(value: unknown, field = 'Transaction ID'): string {
	return checkString(value, field, {
		maxLength: 255,
		pattern: /^[A-Za-z0-9][A-Za-z0-9_.:-]*$/,
		patternHint: 'a Kasha transaction ID such as f5773e8a-697e-4b25-a01d-bd3701091a8f',
	});
}

export function readSessionId(this: IExecuteFunctions, i: number): string {
	return checkString(this.getNodeParameter('sessionId', i), 'Session ID', { maxLength: 255 });
}

/** Session ID and resolved payment option of an item. */
export function readSessionChoice(this: IExecuteFunctions, i: number) {
	const sessionId = readSessionId.call(this, i);
	const offered = readOfferedOptions(this.getNodeParameter('sessionPaymentOptions', i, []));
	const option = resolvePaymentOption(this.getNodeParameter('paymentOption', i), offered);
	return { sessionId, ...option };
}

/** The optional sub-option of an item (Post, Hybrid Link, Create Payout): a locator, or a plain ID saved before. */
export function readSubOption(this: IExecuteFunctions, i: number): string {
	return readLocator(this, 'optionId', i, 'Sub-Option', { required: false, pattern: /^.{1,255}$/, hint: 'an ID of at most 255 characters' });
}
