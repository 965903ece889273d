import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readLocator, resourceLocator } from '../../shared/locator';
import { CRYPTO_CURRENCIES, currencyExponent, normalizeDecimal } from '../../shared/money';
import { checkEmail, checkString, FieldError } from '../../shared/validation';
import type { KazawalletIdEnvironment } from '../../../credentials/KazawalletApi.credentials';
import { kazawalletIdEnvironment } from '../../../credentials/KazawalletApi.credentials';
import { KAZAWALLET_PAYMENT_METHODS, listFrom } from '../codes';

/** A Kazawallet currency code: ISO 4217 (USD) or a crypto code (USDT), returned upper-case. */
export function checkWalletCurrency(value: unknown, field = 'Currency'): string {
	return checkString(value, field, {
		pattern: /^[A-Za-z]{3,5}$/,
		patternHint: 'a currency code such as USD or USDT',
	}).toUpperCase();
}

/**
 * Validates an amount for a currency and returns it as Kazawallet expects it: a decimal string, sent
 * exactly as written (no float). Positive; at most the currency's decimals (crypto such as USDT: 8).
 */
export function checkWalletAmount(value: unknown, currency: string, field = 'Amount'): string {
	const code = currency.toUpperCase();
	const maxDecimals = CRYPTO_CURRENCIES.has(code) ? 8 : currencyExponent(code);
	const amount = normalizeDecimal(value, field, { maxDecimals, unitLabel: code });
	if (amount.split('.')[0].replace(/^0+/, '').length > MAX_INTEGER_DIGITS) {
		throw new FieldError(field, `is out of range: at most ${MAX_INTEGER_DIGITS} digits before the decimal point`);
	}
	return amount;
}

/**
 * The amount of a money move as entered, for the AI-agent maximum (router.ts); undefined when empty
 * (the operation's own validation then refuses it).
 */
export function readAgentAmount(this: IExecuteFunctions, i: number): string | undefined {
	const value = this.getNodeParameter('amount', i, '') as unknown;
	const amount = value === undefined || value === null ? '' : String(value).trim();
	return amount || undefined;
}

/** The free-text note of a withdrawal, deposit or transfer (shown in Kazawallet's history). */
export function noteProperty(what: string): INodeProperties {
	return {
		displayName: 'Note',
		name: 'note',
		type: 'string',
		default: '',
		description: `A short text kept with the ${what} in Kazawallet (at most 500 characters). Optional.`,
	};
}

export function readNote(this: IExecuteFunctions, i: number): string {
	return checkString(this.getNodeParameter('note', i, ''), 'Note', { required: false, maxLength: 500 });
}

/** The fields every wallet movement has (withdrawal, deposit, transfer), validated in the order shown. */
export function readWalletMove(
	this: IExecuteFunctions,
	i: number,
	emailField: string,
): { email: string; currency: string; amount: string; note: string } {
	const email = checkEmail(this.getNodeParameter('email', i), emailField);
	const currency = checkWalletCurrency(this.getNodeParameter('currency', i));
	const amount = checkWalletAmount(this.getNodeParameter('amount', i), currency);
	return { email, currency, amount, note: readNote.call(this, i) };
}

/** Amounts above 999,999,999,999 are refused before sending (no wallet holds that much). */
const MAX_INTEGER_DIGITS = 12;

export function currencyProperty(defaultValue = 'USD', description = 'Currency code, e.g. USD or USDT'): INodeProperties {
	return {
		displayName: 'Currency',
		name: 'currency',
		type: 'string',
		required: true,
		default: defaultValue,
		placeholder: 'USD',
		description,
	};
}

export const amountProperty: INodeProperties = {
	displayName: 'Amount',
	name: 'amount',
	type: 'string',
	required: true,
	default: '',
	placeholder: '10.50',
	description:
		'A positive decimal with a dot, e.g. 10.50. Sent to Kazawallet as a string exactly as written; at most the currency’s decimals (8 for crypto such as USDT).',
};

/** Card IDs look like kc-…; anything with spaces, quotes, slashes or control characters is refused. */
const CARD_ID = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,99}$/;

/** The card: picked from the merchant's cards (Get Cards List) or given by its ID (kc-…). */
export const cardIdProperty: INodeProperties = resourceLocator({
	name: 'cardId',
	displayName: 'Card',
	description: 'The Kazawallet card: pick it from your cards, or give its ID (kc-…) as returned by Issue or Get Many',
	searchListMethod: 'searchCards',
	idPlaceholder: 'kc-…',
	idPattern: '[A-Za-z0-9][A-Za-z0-9_.:-]{0,99}',
	idHint: 'A card ID such as kc-123 (letters, digits, - _ . :)',
});

/** A one-time code or gift card code: printable, without spaces or control characters. */
export const PLAIN_CODE = /^[\x21-\x7e]+$/;

/** The card's ID; a plain string saved before the field became a locator is read the same way. */
export function readCardId(this: IExecuteFunctions, i: number): string {
	return readLocator(this, 'cardId', i, 'Card ID', {
		pattern: CARD_ID,
		hint: 'a card ID such as kc-123 (letters, digits, - _ . :, at most 100)',
	});
}

/** Payment method dropdown (documented ids as defaults) and its method-specific fields. */
export const paymentMethodProperties: INodeProperties[] = [
	{
		displayName: 'Payment Method Name or ID',
		name: 'paymentMethod',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getPaymentMethods' },
		required: true,
		default: '',
		description:
			'The payment method. The list shows the IDs of the credential\'s environment (USDT-TRC20 is 15 in development, 118 in production). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{
		displayName: 'Method Fields',
		name: 'methodFields',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Field',
		default: {},
		description: 'The fields this payment method needs (e.g. a wallet address), loaded from Kazawallet',
		options: [
			{
				displayName: 'Field',
				name: 'field',
				values: [
					{
						displayName: 'Field Name or ID',
						name: 'name',
						type: 'options',
						typeOptions: { loadOptionsMethod: 'getPaymentMethodFields', loadOptionsDependsOn: ['paymentMethod'] },
						default: '',
						description:
							'A field of the chosen payment method. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
					},
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
						description: 'The value of this field, e.g. the wallet address to withdraw to',
					},
				],
			},
		],
	},
];

/**
 * The payment method id, refused before sending when the reference lists it for the OTHER environment
 * only (an expression can bypass the dropdown): USDT-TRC20 is 15 in development and 118 in production, so
 * a development id sent to production could pay out by another method. Ids the reference does not list
 * are passed on (Kazawallet has more methods than the reference names).
 */
export async function readPaymentMethod(this: IExecuteFunctions, i: number): Promise<string> {
	const value = this.getNodeParameter('paymentMethod', i) as unknown;
	const id = checkString(value, 'Payment Method', { pattern: /^\d+$/, patternHint: 'a numeric payment method id such as 118' });
	const environment = kazawalletIdEnvironment(await this.getCredentials('kazawalletApi'));
	const other = environment === 'production' ? 'development' : 'production';
	const known = (env: KazawalletIdEnvironment) => KAZAWALLET_PAYMENT_METHODS[env].find((method) => method.id === id);
	const foreign = known(other);
	if (foreign && !known(environment)) {
		const here = KAZAWALLET_PAYMENT_METHODS[environment].find((method) => method.name === foreign.name);
		throw new FieldError(
			'Payment Method',
			`${id} is the ${other} id of ${foreign.name}; this credential uses ${environment} ids${here ? ` (${foreign.name} is ${here.id} here)` : ''}`,
		);
	}
	return id;
}

export function readMethodFields(this: IExecuteFunctions, i: number): IDataObject {
	const collection = this.getNodeParameter('methodFields', i, {}) as { field?: Array<{ name: string; value: string }> };
	const fields: IDataObject = {};
	for (const entry of collection.field ?? []) {
		const name = checkString(entry.name, 'Method Fields › Field Name', { maxLength: 100 });
		if (name in fields) throw new FieldError('Method Fields', `lists "${name}" twice`);
		fields[name] = entry.value ?? '';
	}
	return fields;
}

/**
 * Field entries of a get-payment-method-fields answer. Its shape is not public; this accepts a list
 * under `fields` / `data` (also split in `withdraw` / `deposit`) of objects with slug/name/label.
 */
export function methodFieldsFrom(body: unknown): Array<{ slug: string; label: string; required?: boolean }> {
	const value = (body ?? {}) as IDataObject;
	let entries = listFrom(value, ['fields', 'data', 'withdraw', 'deposit']);
	if (!entries.length && value.fields && typeof value.fields === 'object') {
		const split = value.fields as IDataObject;
		entries = [...listFrom(split, ['withdraw']), ...listFrom(split, ['deposit'])];
	}
	const seen = new Set<string>();
	const result: Array<{ slug: string; label: string; required?: boolean }> = [];
	for (const entry of entries) {
		const slug = String(entry.slug ?? entry.key ?? entry.name ?? '');
		if (!slug || seen.has(slug)) continue;
		seen.add(slug);
		result.push({
			slug,
			label: String(entry.label ?? entry.title ?? entry.name ?? slug),
			required: entry.required === true || entry.required === 1 || entry.required === 'true',
		});
	}
	return result;
}
