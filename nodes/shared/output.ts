import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { currencyExponent, fromMinorUnits } from './money';

/**
 * Output conventions shared by every provider (docs/adding-a-provider.md, "Outputs"):
 * - the provider's answer is passed on untouched, under `response` when the node adds fields of its
 *   own (idempotencyKey, money, a short summary), else as the item itself;
 * - money is given both ways: the provider's value untouched, plus `money: { amount, currency }` with
 *   the amount in major units as an exact decimal string;
 * - where answers are large, a Simplify switch (on by default) keeps the fields most people map.
 */

export interface Money extends IDataObject {
	/** Major units, exact decimal string ("12.34"). */
	amount: string;
	currency: string;
	/** Minor units as an integer, when the currency has a fixed exponent and the value fits. */
	minor?: number;
}

/**
 * `money` from a provider value in minor units (`unit: 'minor'`, e.g. 1234 EUR cents) or major units
 * (`unit: 'major'`, e.g. "12.34"). Undefined when the value or currency is missing or not a number, so
 * a provider's odd answer is passed on untouched rather than refused after the money moved.
 */
export function moneyOf(value: unknown, currency: unknown, unit: 'minor' | 'major'): Money | undefined {
	const code = typeof currency === 'string' ? currency.trim().toUpperCase() : '';
	if (!code) return undefined;
	const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
	if (!/^-?\d+(\.\d+)?$/.test(text)) return undefined;
	const exponent = currencyExponent(code);
	if (unit === 'minor') {
		if (!/^-?\d+$/.test(text)) return undefined;
		const minor = Number(text);
		if (!Number.isSafeInteger(minor)) return undefined;
		return { amount: fromMinorUnits(minor, code), currency: code, minor };
	}
	const [whole, fraction = ''] = text.replace(/^-/, '').split('.');
	const sign = text.startsWith('-') ? '-' : '';
	const amount = `${sign}${whole.replace(/^0+(?=\d)/, '')}${fraction.replace(/0+$/, '') ? `.${fraction.replace(/0+$/, '')}` : ''}`;
	const money: Money = { amount, currency: code };
	if (fraction.replace(/0+$/, '').length <= exponent) {
		const minor = Number(`${sign}${whole}${fraction.padEnd(exponent, '0').slice(0, exponent)}`);
		if (Number.isSafeInteger(minor)) money.minor = minor;
	}
	return money;
}

/** The answer with `money` added when the amount can be read; the provider's fields untouched. */
export function withMoney(answer: IDataObject, value: unknown, currency: unknown, unit: 'minor' | 'major'): IDataObject {
	const money = moneyOf(value, currency, unit);
	return money ? { ...answer, money } : answer;
}

/** The Simplify switch for operations whose answers are large. */
export function simplifyProperty(displayOptions: INodeProperties['displayOptions'], keeps: string): INodeProperties {
	return {
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: true,
		displayOptions,
		description: `Whether to return a simplified version of the response instead of the raw data (keeps ${keeps})`,
	};
}

/** The named fields of an object that are present, in that order. */
export function pick(value: IDataObject, fields: readonly string[]): IDataObject {
	const picked: IDataObject = {};
	for (const field of fields) if (value[field] !== undefined) picked[field] = value[field];
	return picked;
}

/**
 * The one option that reveals card data, with the same name and label in every node; `what` says which
 * fields it reveals for this provider ("the card number, CVV and PIN").
 */
export function revealCardDataOption(what: string): INodeProperties {
	return {
		displayName: 'Reveal Full Card Data (Sensitive)',
		name: 'revealCardData',
		type: 'boolean',
		default: false,
		description: `Whether to put ${what} in full in the output. Off: card numbers are masked to their last four digits and security codes are left out. Anyone who can see the execution data can see them when this is on.`,
	};
}
