import type { INodeProperties } from 'n8n-workflow';

import type { SessionKind } from './fields';
import { isPayment } from './fields';

// The editor fields of the four session-opening calls, Kasha's "Useful Data" (reference sections
// "1. Initiate a Payment", "Get Hosted Cashier link", "1. Initiate a Payout"): each documents a subset.

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
