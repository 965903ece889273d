import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { CRYPTO_CURRENCIES, normalizeDecimal } from '../../shared/money';
import { checkCountry, checkCurrency, checkEmail, checkInteger, checkString, checkUrl, FieldError } from '../../shared/validation';
import type { SessionKind } from './fields';
import { isPayment, LIMITS } from './fields';

// Reading and checking the body of a session-opening call (reference: "1. Initiate a Payment", "Get
// Hosted Cashier link", "1. Initiate a Payout"); nothing is sent when a field is wrong.

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

/** A two-letter language code (the editor offers Kasha's four; an expression may give another). */
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

/**
 * Reads and validates the body of a session-opening call; nothing is sent when a field is wrong. With
 * `topLevelReference` the Merchant Reference is the top-level field (Pay), else the Additional Field.
 */
export function buildSessionBody(this: IExecuteFunctions, i: number, kind: SessionKind, topLevelReference = false): IDataObject {
	const currency = readCurrency(this.getNodeParameter('currency', i));
	const body: IDataObject = {
		country: checkCountry(this.getNodeParameter('country', i), 'Country'),
		currency,
		amount: readAmount(this.getNodeParameter('amount', i), currency),
		redirectUrl: checkString(checkUrl(this.getNodeParameter('redirectUrl', i), 'Redirect URL'), 'Redirect URL', {
			maxLength: LIMITS.redirectUrl,
		}),
	};
	const extra = { ...(this.getNodeParameter('additionalFields', i, {}) as IDataObject) };
	if (topLevelReference) extra.merchantReference = this.getNodeParameter('merchantReference', i, '');
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
