import type { INodeProperties } from 'n8n-workflow';

import { resourceLocator } from '../../shared/locator';

// The editor fields several Kasha operations share: the "Useful Data" of the four session-opening calls
// (reference sections "1. Initiate a Payment", "Get Hosted Cashier link", "1. Initiate a Payout"), the
// session and option of the steps after Initiate, and the card and method fields of Post / Create Payout.

/** The four session-opening calls share Kasha's "Useful Data" fields; each documents a subset. */
export type SessionKind = 'paymentHosted' | 'paymentInitiate' | 'payoutHosted' | 'payoutInitiate';

export const isPayment = (kind: SessionKind) => kind === 'paymentHosted' || kind === 'paymentInitiate';

/** Reference length limits ("[ 1 .. 255 ] characters", redirectUrl "<= 500 characters"). */
export const LIMITS = { reference: 255, redirectUrl: 500, generic: 255 };

/** "Language code ISO alpha 2. Values: 'EN', 'ES', 'PT', 'IN'" (reference, "Get Hosted Cashier link" and "1. Initiate a Payment"). */
export const KASHA_LANGUAGES = [
	{ name: 'English', value: 'EN' },
	{ name: 'Indonesian', value: 'IN' },
	{ name: 'Portuguese', value: 'PT' },
	{ name: 'Spanish', value: 'ES' },
];

/** The customer's device: the reference's samples send "MOBILE"; DESKTOP is assumed (docs/kasha.md). */
export const KASHA_DEVICES = [
	{ name: 'Desktop', value: 'DESKTOP' },
	{ name: 'Mobile', value: 'MOBILE' },
];

const languageDescription = 'Language of Kasha’s cashier and messages. Kasha documents EN, ES, PT and IN.';

const addressFields: INodeProperties[] = [
	{ displayName: 'Street', name: 'street', type: 'string', default: '', placeholder: '32 Windsor Gardens', description: 'Street name' },
	{ displayName: 'Street Number', name: 'streetNumber', type: 'string', default: '', placeholder: '24', description: 'House or building number' },
	{ displayName: 'City', name: 'city', type: 'string', default: '', placeholder: 'London', description: 'City or town' },
	{ displayName: 'State', name: 'state', type: 'string', default: '', placeholder: 'Greater London', description: 'State, province or region' },
	{ displayName: 'Zip Code', name: 'zipCode', type: 'string', default: '', placeholder: 'W9 3RG', description: 'Postal code' },
	{
		displayName: 'Country',
		name: 'country',
		type: 'string',
		default: '',
		placeholder: 'GB',
		description: 'ISO 3166-1 alpha-2 country code',
	},
];

const text = (displayName: string, name: string, description: string): INodeProperties => ({
	displayName,
	name,
	type: 'string',
	default: '',
	description,
});

const MERCHANT_REFERENCE = 'Your unique reference for this transaction (1-255 characters). It comes back in notifications and is what Refund by Reference uses.';

/**
 * The Merchant Reference field: inside Additional Fields, or at the top level (Pay), where it is the
 * Idempotency Key's default. Not `required` there, so a workflow saved with the reference in Additional
 * Fields still opens without issues (the node reads it there when the top-level field is empty).
 */
export function merchantReferenceProperty(topLevel: boolean): INodeProperties {
	const property = text('Merchant Reference', 'merchantReference', MERCHANT_REFERENCE);
	if (!topLevel) return property;
	return {
		...property,
		placeholder: 'e.g. {{ $json.orderId }}',
		description: `${MERCHANT_REFERENCE} Also the default Idempotency Key, so one reference is paid at most once.`,
	};
}

function additionalOptions(kind: SessionKind, withReference: boolean): INodeProperties[] {
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
	if (kind !== 'paymentInitiate') {
		options.push({
			displayName: 'Language',
			name: 'language',
			type: 'options',
			options: KASHA_LANGUAGES,
			default: 'EN',
			description: languageDescription,
		});
	}
	if (kind !== 'payoutHosted' && withReference) options.push(merchantReferenceProperty(false));
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

/**
 * The fields of a session-opening call (hosted cashier, initiate), in the reference's order. With
 * `topLevelReference` the Merchant Reference is a required top-level field (Pay: it is the Idempotency
 * Key's default, and n8n resolves `$parameter["merchantReference"]` only for a top-level field).
 */
export function sessionProperties(kind: SessionKind, topLevelReference = false): INodeProperties[] {
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
			type: 'options',
			options: KASHA_LANGUAGES,
			required: true,
			default: 'EN',
			description: languageDescription,
		});
	}
	if (topLevelReference) properties.push(merchantReferenceProperty(true));
	properties.push(
		{
			displayName: 'Customer Name',
			name: 'customerName',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'John Doe',
			description: 'The customer’s full name',
		},
		{
			displayName: 'Customer Details',
			name: 'customerDetails',
			type: 'collection',
			placeholder: 'Add Customer Detail',
			default: {},
			options: [
				{ displayName: 'Email', name: 'email', type: 'string', placeholder: 'name@email.com', default: '', description: 'The customer’s email address' },
				{ displayName: 'IP Address', name: 'ip', type: 'string', default: '', placeholder: '84.232.140.77', description: 'The customer’s IPv4 or IPv6 address' },
				{
					displayName: 'Phone',
					name: 'phone',
					type: 'string',
					default: '',
					placeholder: '+34666999666',
					description: 'International format. Many local methods need it (error 1001 when missing).',
				},
				{ displayName: 'User Agent', name: 'userAgent', type: 'string', default: '', description: 'The customer’s browser user agent' },
				{
					displayName: 'User Device',
					name: 'userDevice',
					type: 'options',
					options: KASHA_DEVICES,
					default: 'MOBILE',
					description: 'The kind of device the customer pays from',
				},
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
				{ displayName: 'Number', name: 'number', type: 'string', default: '', placeholder: '36570630563', description: 'The document’s number' },
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
				description: 'The products of the order, shown to the customer',
				options: [
					{
						displayName: 'Product',
						name: 'product',
						values: [
							{ displayName: 'Product Name', name: 'productName', type: 'string', default: '', description: 'Name of the product' },
							{ displayName: 'Quantity', name: 'quantity', type: 'number', typeOptions: { minValue: 1 }, default: 1, description: 'How many' },
							{ displayName: 'Dimensions', name: 'dimensions', type: 'string', default: '', placeholder: '85x51', description: 'Size of the product, free text' },
							{ displayName: 'Description', name: 'description', type: 'string', default: '', description: 'Description of the product' },
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
		options: additionalOptions(kind, !topLevelReference),
	});
	return properties;
}

export const cardProperty: INodeProperties = {
	displayName: 'Card Details',
	name: 'card',
	type: 'collection',
	placeholder: 'Add Card Field',
	default: {},
	description: 'For the Card option. Card data is sent to Kasha only and never appears in the output or in errors.',
	options: [
		{ displayName: 'Card Number', name: 'cardNumber', type: 'string', typeOptions: { password: true }, default: '', description: 'The card number (spaces and dashes allowed)' },
		{ displayName: 'Cardholder Name', name: 'cardholder', type: 'string', default: '', description: 'The name on the card' },
		{ displayName: 'CVV', name: 'cvv', type: 'string', typeOptions: { password: true }, default: '', description: 'The 3 or 4 digits on the card' },
		{ displayName: 'Expiry Month', name: 'expiryMonth', type: 'string', default: '', placeholder: '01', description: 'Month from 01 to 12' },
		{ displayName: 'Expiry Year', name: 'expiryYear', type: 'string', default: '', placeholder: '2030', description: 'Year, e.g. 2030' },
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
				{ displayName: 'Name', name: 'name', type: 'string', default: '', placeholder: 'phone', description: 'The input’s name as Kasha lists it' },
				{ displayName: 'Value', name: 'value', type: 'string', default: '', description: 'The value to send' },
			],
		},
	],
};

/**
 * Kasha has no call that lists sessions: the session ID comes from Initiate (its output), so it is a plain
 * field whose default takes it from the incoming item.
 */
export const sessionIdProperty: INodeProperties = {
	displayName: 'Session ID',
	name: 'sessionId',
	type: 'string',
	required: true,
	default: '={{ $json.sessionId }}',
	placeholder: '90545ca3-fe0d-457c-a9da-283ee2561d82',
	description: 'The session from Initiate (its output’s sessionId). The default takes it from the incoming item, so nothing needs copying.',
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
 * The sub-option (bank): a resource locator whose list is read from Kasha with the node's session and
 * option (methods/listSearch.ts), or an ID. A workflow saved when it was a dropdown (a plain ID) still works.
 */
export const subOptionProperty = (searchListMethod: string, description: string): INodeProperties =>
	resourceLocator({
		name: 'optionId',
		displayName: 'Sub-Option',
		searchListMethod,
		required: false,
		idPlaceholder: 'b_24',
		description: `${description}. Pick it from the list (loaded with the Session ID and Payment Option above) or enter its ID.`,
	});

/**
 * Kasha has no call that lists transactions: the ID comes from Initiate, Pay, Create Payout or a Kasha
 * Trigger, so it is a plain field whose default takes it from the incoming item.
 */
export const transactionIdProperty = (description: string): INodeProperties => ({
	displayName: 'Transaction ID',
	name: 'transactionId',
	type: 'string',
	required: true,
	default: '={{ $json.transactionId }}',
	placeholder: 'f5773e8a-697e-4b25-a01d-bd3701091a8f',
	description: `${description} The default takes it from the incoming item`,
});
