import type { INodeProperties } from 'n8n-workflow';

import { resourceLocator } from '../../shared/locator';

// The editor fields the steps after Initiate share: the session and option they work on, the sub-option,
// the transaction, and the card and method fields of Post / Create Payout (reference sections "2. Get
// Payment Suboptions", "3. Post a Payment", "3. Create Payout", "4. Confirm Payout"). The session-opening
// calls' fields are in ./sessionFields.ts; the kinds and limits below are shared by both.

/** The four session-opening calls share Kasha's "Useful Data" fields; each documents a subset. */
export type SessionKind = 'paymentHosted' | 'paymentInitiate' | 'payoutHosted' | 'payoutInitiate';

export const isPayment = (kind: SessionKind) => kind === 'paymentHosted' || kind === 'paymentInitiate';

/** Reference length limits ("[ 1 .. 255 ] characters", redirectUrl "<= 500 characters"). */
export const LIMITS = { reference: 255, redirectUrl: 500, generic: 255 };

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
