import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { CRYPTO_CURRENCIES, normalizeDecimal } from '../../shared/money';
import { redactFields } from '../../shared/redact';
import { LINK_FIELDS } from '../transport';
import {
	checkCountry,
	checkCurrency,
	checkEmail,
	checkInteger,
	checkString,
	checkUrl,
	FieldError,
} from '../../shared/validation';

/** The four session-opening calls share Kasha's "Useful Data" fields; each documents a subset. */
export type SessionKind = 'paymentHosted' | 'paymentInitiate' | 'payoutHosted' | 'payoutInitiate';

const isPayment = (kind: SessionKind) => kind === 'paymentHosted' || kind === 'paymentInitiate';

/** Reference length limits ("[ 1 .. 255 ] characters", redirectUrl "<= 500 characters"). */
export const LIMITS = { reference: 255, redirectUrl: 500, generic: 255 };

const addressFields: INodeProperties[] = [
	{ displayName: 'Street', name: 'street', type: 'string', default: '', placeholder: '32 Windsor Gardens' },
	{ displayName: 'Street Number', name: 'streetNumber', type: 'string', default: '', placeholder: '24' },
	{ displayName: 'City', name: 'city', type: 'string', default: '', placeholder: 'London' },
	{ displayName: 'State', name: 'state', type: 'string', default: '', placeholder: 'Greater London' },
	{ displayName: 'Zip Code', name: 'zipCode', type: 'string', default: '', placeholder: 'W9 3RG' },
	{
		displayName: 'Country',
		name: 'country',
		type: 'string',
		default: '',
		placeholder: 'GB',
		description: 'ISO 3166-1 alpha-2 country code',
	},
];

function additionalOptions(kind: SessionKind): INodeProperties[] {
	const options: INodeProperties[] = [
		{
			displayName: 'Notification URL',
			name: 'notificationUrl',
			type: 'string',
			default: '',
			placeholder: 'https://n8n.example.com/webhook/…/notification',
			description:
				'Where Kasha sends status notifications for this transaction (overrides the URL set in the merchant portal). Use the production URL of a Kasha Trigger.',
		},
	];
	const text = (displayName: string, name: string, description: string): INodeProperties => ({
		displayName,
		name,
		type: 'string',
		default: '',
		description,
	});
	if (kind !== 'paymentInitiate') {
		options.push({
			displayName: 'Language',
			name: 'language',
			type: 'string',
			default: '',
			placeholder: 'EN',
			description: 'Two-letter language code of the cashier: EN, ES, PT or IN',
		});
	}
	if (kind !== 'payoutHosted') {
		options.push(
			text('Merchant Reference', 'merchantReference', 'Your unique reference for this transaction (1-255 characters). It comes back in notifications and is what Refund by Reference uses.'),
		);
	}
	if (isPayment(kind)) options.push(text('Payment Reference', 'paymentReference', 'Reference shown for the payment, e.g. an invoice number (1-255 characters)'));
	if (kind !== 'payoutInitiate') {
		options.push(
			text('User ID', 'userId', 'The customer’s ID in your system (1-255 characters)'),
			text('Extra 1', 'extra1', 'Free field to track the transaction. For crypto payments: the customer’s crypto wallet.'),
			text('Extra 2', 'extra2', 'Free field to track the transaction (1-255 characters)'),
			text('Extra 3', 'extra3', 'Free field to track the transaction (1-255 characters)'),
		);
	}
	if (isPayment(kind)) options.push(text('Tax', 'tax', 'Tax percentage, informational only (not added to the amount), e.g. 21%'));
	if (kind === 'paymentHosted') options.push(text('Stored Token', 'storedToken', 'A stored payment credential of the customer'));
	if (kind === 'payoutInitiate') options.push(text('Merchant Domain', 'merchantDomain', 'Your domain. Required for payment facilitators.'));
	return options.sort((a, b) => a.displayName.localeCompare(b.displayName));
}

/** The fields of a session-opening call (hosted cashier, initiate), in the reference's order. */
export function sessionProperties(kind: SessionKind): INodeProperties[] {
	const properties: INodeProperties[] = [
		{
			displayName: 'Country',
			name: 'country',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'BR',
			description: 'ISO 3166-1 alpha-2 country code of the customer, e.g. BR',
		},
		{
			displayName: 'Currency',
			name: 'currency',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'BRL',
			description: 'ISO 4217 alpha-3 currency code, e.g. BRL (crypto codes such as BTC or USDT also work)',
		},
		{
			displayName: 'Amount',
			name: 'amount',
			type: 'string',
			required: true,
			default: '',
			placeholder: '130.00',
			description: 'Decimal amount with at most 2 decimals (8 for crypto currencies), e.g. 130.50',
		},
		{
			displayName: 'Redirect URL',
			name: 'redirectUrl',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'https://shop.example.com/after-payment',
			description: 'Where the customer is sent afterwards (at most 500 characters)',
		},
	];
	if (kind === 'paymentInitiate') {
		properties.push({
			displayName: 'Language',
			name: 'language',
			type: 'string',
			required: true,
			default: 'EN',
			description: 'Two-letter language code: EN, ES, PT or IN',
		});
	}
	properties.push(
		{
			displayName: 'Customer Name',
			name: 'customerName',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'John Doe',
		},
		{
			displayName: 'Customer Details',
			name: 'customerDetails',
			type: 'collection',
			placeholder: 'Add Customer Detail',
			default: {},
			options: [
				{ displayName: 'Email', name: 'email', type: 'string', placeholder: 'name@email.com', default: '' },
				{ displayName: 'IP Address', name: 'ip', type: 'string', default: '', placeholder: '84.232.140.77' },
				{
					displayName: 'Phone',
					name: 'phone',
					type: 'string',
					default: '',
					placeholder: '+34666999666',
					description: 'International format. Many local methods need it (error 1001 when missing).',
				},
				{ displayName: 'User Agent', name: 'userAgent', type: 'string', default: '', description: 'The customer’s browser user agent' },
				{ displayName: 'User Device', name: 'userDevice', type: 'string', default: '', placeholder: 'MOBILE', description: 'E.g. MOBILE or DESKTOP.' },
			],
		},
		{
			displayName: 'Customer Address',
			name: 'customerAddress',
			type: 'collection',
			placeholder: 'Add Address Field',
			default: {},
			options: addressFields,
		},
		{
			displayName: 'Identity Document',
			name: 'identityDocument',
			type: 'collection',
			placeholder: 'Add Document Field',
			default: {},
			description: 'Some local methods need the customer’s document, e.g. a CPF in Brazil',
			options: [
				{ displayName: 'Number', name: 'number', type: 'string', default: '', placeholder: '36570630563' },
				{ displayName: 'Type', name: 'type', type: 'string', default: '', placeholder: 'BRA_CPF', description: 'Document type code, e.g. BRA_CPF or DNI' },
			],
		},
	);
	if (isPayment(kind)) {
		properties.push(
			{
				displayName: 'Shipping Address',
				name: 'shippingAddress',
				type: 'collection',
				placeholder: 'Add Address Field',
				default: {},
				description: 'Only when it differs from the customer address',
				options: addressFields,
			},
			{
				displayName: 'Order Details',
				name: 'orderDetails',
				type: 'fixedCollection',
				typeOptions: { multipleValues: true },
				placeholder: 'Add Product',
				default: {},
				options: [
					{
						displayName: 'Product',
						name: 'product',
						values: [
							{ displayName: 'Product Name', name: 'productName', type: 'string', default: '' },
							{ displayName: 'Quantity', name: 'quantity', type: 'number', typeOptions: { minValue: 1 }, default: 1 },
							{ displayName: 'Dimensions', name: 'dimensions', type: 'string', default: '', placeholder: '85x51' },
							{ displayName: 'Description', name: 'description', type: 'string', default: '' },
						],
					},
				],
			},
		);
	}
	properties.push({
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: additionalOptions(kind),
	});
	return properties;
}

/** ISO 4217 alpha-3 code, or one of the crypto codes Kasha accepts (some have 4+ letters, e.g. USDT). */
export function readCurrency(value: unknown, field = 'Currency'): string {
	const upper = typeof value === 'string' ? value.trim().toUpperCase() : value;
	if (typeof upper === 'string' && CRYPTO_CURRENCIES.has(upper)) return upper;
	return checkCurrency(value, field);
}

/** Decimal amount as Kasha wants it: a JSON number with at most 2 decimals, 8 for crypto currencies. */
export function readAmount(value: unknown, currency: string, field = 'Amount'): number {
	const maxDecimals = CRYPTO_CURRENCIES.has(currency) ? 8 : 2;
	const normalized = normalizeDecimal(value, field, { maxDecimals, unitLabel: currency });
	if (normalized.replace('.', '').replace(/^0+/, '').length > 15) throw new FieldError(field, 'is too large');
	return Number(normalized);
}

const optional = (value: unknown, field: string, maxLength = LIMITS.generic) =>
	checkString(value, field, { required: false, maxLength });

function readLanguage(value: unknown, field: string, required: boolean): string {
	return checkString(value, field, {
		required,
		pattern: /^[A-Za-z]{2}$/,
		patternHint: 'a two-letter language code such as EN, ES, PT or IN',
	}).toUpperCase();
}

function readAddress(raw: IDataObject, label: string): IDataObject | undefined {
	const address: IDataObject = {};
	for (const [key, name] of [
		['street', 'Street'],
		['streetNumber', 'Street Number'],
		['city', 'City'],
		['state', 'State'],
		['zipCode', 'Zip Code'],
	] as const) {
		const value = optional(raw[key], `${label} ${name}`);
		if (value) address[key] = value;
	}
	const country = checkCountry(raw.country, `${label} Country`, false);
	if (country) address.country = country;
	return Object.keys(address).length ? address : undefined;
}

const OCTET = '(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const IP = new RegExp(`^(${OCTET}\\.){3}${OCTET}$|^(?=.*:.*:)[0-9a-fA-F:]{2,39}$`);
const PHONE = /^\+?[0-9][0-9 ()-]{4,24}$/;

/** Reads the customer object: name, details, address and identity document. */
export function readCustomer(this: IExecuteFunctions, i: number): IDataObject {
	const customer: IDataObject = { name: checkString(this.getNodeParameter('customerName', i), 'Customer Name', { maxLength: LIMITS.generic }) };
	const details = this.getNodeParameter('customerDetails', i, {}) as IDataObject;
	const phone = checkString(details.phone, 'Phone', { required: false, pattern: PHONE, patternHint: 'a phone number such as +34666999666' });
	if (phone) customer.phone = phone;
	const email = checkEmail(details.email, 'Email', false);
	if (email) customer.email = email;
	const device = optional(details.userDevice, 'User Device');
	if (device) customer.userDevice = device.toUpperCase();
	const agent = optional(details.userAgent, 'User Agent', 1000);
	if (agent) customer.userAgent = agent;
	const ip = checkString(details.ip, 'IP Address', { required: false, pattern: IP, patternHint: 'an IPv4 or IPv6 address' });
	if (ip) customer.ip = ip;
	const address = readAddress(this.getNodeParameter('customerAddress', i, {}) as IDataObject, 'Customer Address');
	if (address) customer.address = address;
	const document = this.getNodeParameter('identityDocument', i, {}) as IDataObject;
	const number = optional(document.number, 'Identity Document Number');
	const type = optional(document.type, 'Identity Document Type');
	if (number || type) {
		if (!number) throw new FieldError('Identity Document Number', 'is required when a document type is given');
		if (!type) throw new FieldError('Identity Document Type', 'is required when a document number is given');
		customer.identify = { number, type };
	}
	return customer;
}

/** Reads and validates the body of a session-opening call; nothing is sent when a field is wrong. */
export function buildSessionBody(this: IExecuteFunctions, i: number, kind: SessionKind): IDataObject {
	const currency = readCurrency(this.getNodeParameter('currency', i));
	const body: IDataObject = {
		country: checkCountry(this.getNodeParameter('country', i), 'Country'),
		currency,
		amount: readAmount(this.getNodeParameter('amount', i), currency),
		redirectUrl: checkString(checkUrl(this.getNodeParameter('redirectUrl', i), 'Redirect URL'), 'Redirect URL', {
			maxLength: LIMITS.redirectUrl,
		}),
	};
	const extra = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
	const language =
		kind === 'paymentInitiate'
			? readLanguage(this.getNodeParameter('language', i), 'Language', true)
			: readLanguage(extra.language, 'Language', false);
	if (language) body.language = language;
	const notificationUrl = checkUrl(extra.notificationUrl, 'Notification URL', false);
	if (notificationUrl) body.notificationUrl = notificationUrl;
	body.customer = readCustomer.call(this, i);
	for (const [key, label] of [
		['merchantReference', 'Merchant Reference'],
		['paymentReference', 'Payment Reference'],
		['userId', 'User ID'],
		['extra1', 'Extra 1'],
		['extra2', 'Extra 2'],
		['extra3', 'Extra 3'],
		['tax', 'Tax'],
		['storedToken', 'Stored Token'],
		['merchantDomain', 'Merchant Domain'],
	] as const) {
		const value = optional(extra[key], label, LIMITS.reference);
		if (value) body[key] = value;
	}
	if (isPayment(kind)) {
		const shipping = readAddress(this.getNodeParameter('shippingAddress', i, {}) as IDataObject, 'Shipping Address');
		if (shipping) body.shippingAddress = shipping;
		const order = this.getNodeParameter('orderDetails', i, {}) as { product?: IDataObject[] };
		const products = (order.product ?? []).map((product, index) => {
			const label = `Order Details product ${index + 1}`;
			const entry: IDataObject = {
				productName: checkString(product.productName, `${label} Product Name`, { maxLength: LIMITS.generic }),
				quantity: checkInteger(product.quantity ?? 1, `${label} Quantity`, { min: 1 }),
			};
			const dimensions = optional(product.dimensions, `${label} Dimensions`);
			if (dimensions) entry.dimensions = dimensions;
			const description = optional(product.description, `${label} Description`, 1000);
			if (description) entry.description = description;
			return entry;
		});
		if (products.length) body.orderDetails = products;
	}
	return body;
}

/**
 * For money moves whose amount was fixed earlier by Initiate (Post, Create Payout, Confirm Payout): the
 * node cannot see the amount, so it cannot hold an AI agent to its maximum, and refuses the agent.
 * (Operation.moneyMove.amount is only asked when the node runs as an agent's tool.)
 */
export function amountFixedByInitiate(operation: string): (this: IExecuteFunctions, itemIndex: number) => string | undefined {
	return () => {
		throw new FieldError(
			'Amount',
			`${operation} takes its amount from the session opened by Initiate, so the node cannot check it against the maximum for AI agents; run it in a workflow, or give the agent Payment → Pay (Initiate and Post), whose amount is checked`,
		);
	};
}

/** A human handle for a money call: the merchant reference if any, else the session. */
export function referenceOf(body: IDataObject, fallback?: string): string | undefined {
	if (body.merchantReference) return `merchant reference "${body.merchantReference as string}"`;
	return fallback;
}

/**
 * Kasha answers { statusCode, resultType, result: {...} }: flattened into one item. Secrets and card data
 * Kasha might echo are removed by field name at any depth (redactFields: cvv, pin, password, card numbers).
 */
export function shapeResult(body: unknown): IDataObject {
	const first = (Array.isArray(body) ? body[0] : body) as IDataObject | undefined;
	if (!first || typeof first !== 'object') return {};
	const { result, ...rest } = first;
	if (result && typeof result === 'object' && !Array.isArray(result)) return redactFields({ ...rest, ...(result as IDataObject) });
	if (result !== undefined) return redactFields({ ...rest, result });
	return redactFields({ ...rest });
}

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
	const byId = offered.find((option) => String(option.paymentOptionId) === value);
	if (byId) return { paymentOptionId: value, name: byId.name as string };
	const byName = offered.find((option) => String(option.name ?? '').toLowerCase() === value.toLowerCase());
	if (byName) return { paymentOptionId: String(byName.paymentOptionId), name: byName.name as string };
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
		options.find((option) => String(option.id) === chosen) ??
		options.find((option) => String(option.name ?? '').toLowerCase() === chosen.toLowerCase());
	if (!match) {
		throw new FieldError(field, `"${chosen}" is not offered; offered: ${options.map((o) => `${o.name} (${o.id})`).join(', ') || 'none'}`);
	}
	return match;
}

/** Keys of extraData that hold card or secret data: never echoed. */
export const SENSITIVE_KEYS = new Set(['cardnum', 'cardcvv', 'cvv', 'cvc', 'pin', 'password', 'expirymonth', 'expiryyear']);

export const cardProperty: INodeProperties = {
	displayName: 'Card Details',
	name: 'card',
	type: 'collection',
	placeholder: 'Add Card Field',
	default: {},
	description: 'For the Card option. Card data is sent to Kasha only and never appears in the output or in errors.',
	options: [
		{ displayName: 'Card Number', name: 'cardNumber', type: 'string', typeOptions: { password: true }, default: '' },
		{ displayName: 'Cardholder Name', name: 'cardholder', type: 'string', default: '' },
		{ displayName: 'CVV', name: 'cvv', type: 'string', typeOptions: { password: true }, default: '' },
		{ displayName: 'Expiry Month', name: 'expiryMonth', type: 'string', default: '', placeholder: '01' },
		{ displayName: 'Expiry Year', name: 'expiryYear', type: 'string', default: '', placeholder: '2030' },
	],
};

export const methodFieldsProperty: INodeProperties = {
	displayName: 'Method Fields',
	name: 'methodFields',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: 'Add Field',
	default: {},
	description: 'The form inputs the option asks for (see formInputs / extraData of the previous step), e.g. phone',
	options: [
		{
			displayName: 'Field',
			name: 'field',
			values: [
				{ displayName: 'Name', name: 'name', type: 'string', default: '', placeholder: 'phone' },
				{ displayName: 'Value', name: 'value', type: 'string', default: '' },
			],
		},
	],
};

function luhn(digits: string): boolean {
	let sum = 0;
	for (let index = 0; index < digits.length; index++) {
		let digit = Number(digits[digits.length - 1 - index]);
		if (index % 2 === 1) {
			digit *= 2;
			if (digit > 9) digit -= 9;
		}
		sum += digit;
	}
	return sum % 10 === 0;
}

/**
 * Builds extraData from the card details (Kasha's names: cardnum, expirymonth, expiryyear,
 * cardcvv, cardholder) and the method fields. Returns the values that must never be echoed.
 */
export function readExtraData(this: IExecuteFunctions, i: number, withCard: boolean): { extraData: IDataObject; secrets: string[] } {
	const extraData: IDataObject = {};
	const secrets: string[] = [];
	if (withCard) {
		const card = this.getNodeParameter('card', i, {}) as IDataObject;
		if (Object.values(card).some((value) => value !== '' && value !== undefined)) {
			const number = checkString(card.cardNumber, 'Card Number').replace(/[\s-]/g, '');
			if (!/^\d{12,19}$/.test(number) || !luhn(number)) throw new FieldError('Card Number', 'is not a valid card number');
			const cvv = checkString(card.cvv, 'CVV');
			if (!/^\d{3,4}$/.test(cvv)) throw new FieldError('CVV', 'must be 3 or 4 digits');
			const month = checkString(card.expiryMonth, 'Expiry Month', { pattern: /^(0?[1-9]|1[0-2])$/, patternHint: 'a month from 01 to 12' });
			let year = checkString(card.expiryYear, 'Expiry Year', { pattern: /^(\d{2}|\d{4})$/, patternHint: 'a year such as 2030' });
			if (year.length === 2) year = `20${year}`;
			secrets.push(number, cvv);
			Object.assign(extraData, {
				cardnum: number,
				expiryyear: year,
				expirymonth: month.padStart(2, '0'),
				cardcvv: cvv,
				cardholder: checkString(card.cardholder, 'Cardholder Name', { maxLength: LIMITS.generic }),
			});
		}
	}
	const fields = (this.getNodeParameter('methodFields', i, {}) as { field?: IDataObject[] }).field ?? [];
	for (const [index, entry] of fields.entries()) {
		const name = checkString(entry.name, `Method Fields ${index + 1} Name`, { maxLength: 100 });
		const value = checkString(entry.value, `Method Fields "${name}" Value`, { required: false, maxLength: 1000 });
		extraData[name] = value;
		if (SENSITIVE_KEYS.has(name.toLowerCase()) && value) secrets.push(value);
	}
	return { extraData, secrets };
}

/** The Card option needs card details: refused before sending instead of Kasha's generic 1000. */
export function requireCardFor(optionName: string | undefined, extraData: IDataObject): void {
	if (optionName && /^card$/i.test(optionName.trim()) && extraData.cardnum === undefined) {
		throw new FieldError('Card Number', 'is required for the Card option (add it under Card Details)');
	}
}

/** The last four digits of the card that was used, for the output. */
export function cardSummary(extraData: IDataObject): IDataObject | undefined {
	if (typeof extraData.cardnum !== 'string') return undefined;
	return { last4: extraData.cardnum.slice(-4), cardholder: extraData.cardholder };
}

export const sessionIdProperty: INodeProperties = {
	displayName: 'Session ID',
	name: 'sessionId',
	type: 'string',
	required: true,
	default: '={{ $json.sessionId }}',
	description: 'The session from Initiate. The default takes it from the incoming item, so nothing needs copying.',
};

export const offeredOptionsProperty = (what: 'payment' | 'payout'): INodeProperties => ({
	displayName: 'Session Payment Options',
	name: 'sessionPaymentOptions',
	type: 'json',
	default: '={{ $json.paymentOptions }}',
	description: `The paymentOptions list Initiate ${what === 'payment' ? 'Payment' : 'Payout'} returned. The default takes it from the incoming item; it lets you pick the option below by name.`,
});

export const paymentOptionProperty = (loadMethod: string): INodeProperties => ({
	displayName: 'Payment Option Name or ID',
	name: 'paymentOption',
	type: 'options',
	required: true,
	typeOptions: { loadOptionsMethod: loadMethod, loadOptionsDependsOn: ['sessionPaymentOptions', 'sessionId'] },
	default: '',
	description:
		'The option offered in this session, e.g. Card. Choose from the list, or specify a name or paymentOptionId using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
});

/**
 * A Kasha transaction ID (a UUID in the reference). It goes into the URL of Get Status, so it must start
 * with a letter or digit ("." and ".." would change the URL) and hold no slashes, spaces or control characters.
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


/** A hosted cashier / hybrid link answer, with the link always in `url` whatever Kasha calls it. */
export function withCashierLink(result: IDataObject): IDataObject {
	const name = LINK_FIELDS.find((field) => typeof result[field] === 'string' && result[field] !== '');
	return name && name !== 'url' ? { ...result, url: result[name] } : result;
}

/**
 * /direct-payment result codes that ask the workflow to do something (the predecessor API's action codes):
 * the answer is a success, with `action` saying what to do.
 */
export const DIRECT_PAYMENT_ACTIONS: Record<string, string> = {
	'300': 'redirect',
	'081': 'qrCode',
	'082': 'buildRequest',
	'083': 'uploadReceipt',
	'084': 'showInfo',
};

/** The `action` for a /direct-payment answer's statusCode ("81" or 81 count as "081"), or undefined. */
export function directPaymentAction(statusCode: unknown): string | undefined {
	if (typeof statusCode !== 'string' && typeof statusCode !== 'number') return undefined;
	const code = String(statusCode).trim();
	if (!/^\d{1,3}$/.test(code)) return undefined;
	return DIRECT_PAYMENT_ACTIONS[code.padStart(3, '0')];
}
