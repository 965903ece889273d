import type { INodeProperties } from 'n8n-workflow';

import { ignoreRepeatsOption } from '../../shared/webhook';
import { CRYPTO_STATUSES } from './common';

/** The kinds of event KPAY sends to this trigger: the payer's return after a card-to-card payment, and crypto notifications. */
export const EVENTS = {
	card: 'card.payment.verified',
	crypto: 'crypto.payment',
} as const;

const showForCard = { show: { events: [EVENTS.card] } };

/** The KPAY Trigger's parameters (the node file holds only the class). */
export const triggerProperties: INodeProperties[] = [
	{
		displayName:
			"KPAY takes these URLs with each request, not in a portal: give the Callback URL (GET, ends in /callback) as Callback URL of Transaction → Create and the Crypto URL (POST, ends in /crypto) as Webhook URL of Crypto Gateway → Create Payment. Use n8n's test URLs while listening in the editor and the production URLs once the workflow is active",
		name: 'setupNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName:
			'Nothing that arrives is trusted. Card: found in this account\'s transactions, amount compared and verified with KPAY (items say verification "lookup"). Crypto: the webhook URL must carry the signature Create Payment adds (same credential), and the payment is fetched from KPAY (verification "signature+lookup"); unsigned payments, if allowed, say verification "lookup" and owned false',
		name: 'notice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		options: [
			{
				name: 'Card-to-Card Payment Verified',
				value: EVENTS.card,
				description: 'The payer comes back from the payment page; the payment is checked and verified with KPAY',
			},
			{
				name: 'Crypto Payment Status Changed',
				value: EVENTS.crypto,
				description: 'KPAY notifies a crypto payment; the payment is fetched from KPAY',
			},
		],
		default: [EVENTS.card, EVENTS.crypto],
		description: 'Which events start the workflow. An event that is not chosen is answered without any call to KPAY.',
	},
	{
		displayName: 'Success Redirect URL',
		name: 'successUrl',
		type: 'string',
		default: '',
		placeholder: 'https://shop.example.com/payment/success',
		description: "Where the payer's browser is sent after a verified card-to-card payment",
		displayOptions: showForCard,
	},
	{
		displayName: 'Failure Redirect URL',
		name: 'failureUrl',
		type: 'string',
		default: '',
		placeholder: 'https://shop.example.com/payment/failed',
		description: "Where the payer's browser is sent when the payment is not paid, not verified or has a different amount",
		displayOptions: showForCard,
	},
	{
		displayName: 'Expected Amount From',
		name: 'amountSource',
		type: 'options',
		options: [
			{
				name: 'Callback URL Query Parameter',
				value: 'query',
				description: 'The amount set by Transaction → Create (Add Amount to Callback URL)',
			},
			{ name: 'Fixed Amount', value: 'fixed', description: 'Every payment must be for the same amount' },
		],
		default: 'query',
		description: 'The verified amount must equal this expected amount (in Rials), or the workflow does not start',
		displayOptions: showForCard,
	},
	{
		displayName: 'Amount Query Parameter',
		name: 'amountParameter',
		type: 'string',
		default: 'amount',
		description: 'The query parameter of the callback URL that holds the expected amount',
		displayOptions: { show: { events: [EVENTS.card], amountSource: ['query'] } },
	},
	{
		displayName: 'Expected Amount (Rials)',
		name: 'fixedAmount',
		type: 'number',
		typeOptions: { minValue: 1, numberPrecision: 0 },
		default: 0,
		description: 'The amount every payment must be for, in Rials',
		displayOptions: { show: { events: [EVENTS.card], amountSource: ['fixed'] } },
	},
	{
		displayName: 'Crypto Statuses',
		name: 'cryptoStatuses',
		type: 'multiOptions',
		options: CRYPTO_STATUSES.map((status) => ({
			name: status.charAt(0).toUpperCase() + status.slice(1),
			value: status,
		})),
		default: ['completed'],
		description: 'Start the workflow only for crypto payments in these statuses (as KPAY reports them). Empty: every status.',
		displayOptions: { show: { events: [EVENTS.crypto] } },
	},
	{
		displayName: 'Crypto Ownership',
		name: 'cryptoOwnership',
		type: 'options',
		options: [
			{
				name: 'Require Signed Webhook URL',
				value: 'signedUrl',
				description:
					'Only payments created with Create Payment (Sign Webhook URL on, same credential) start the workflow; items say owned true',
			},
			{
				name: 'Also Unsigned (Marked Not Owned)',
				value: 'unproven',
				description:
					"Also payments whose webhook URL is not signed, with owned false and confirmed false: KPAY's public lookup cannot show whose payment it is",
			},
		],
		default: 'signedUrl',
		description:
			"How a crypto payment is shown to be this account's. KPAY's notification is unsigned and its payment lookup public, so another merchant can create a payment naming your order ID.",
		displayOptions: { show: { events: [EVENTS.crypto] } },
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Add Authority to Redirect URLs',
				name: 'addAuthority',
				type: 'boolean',
				default: true,
				description: 'Whether "authority=…" is added to the success and failure URLs',
			},
			ignoreRepeatsOption('the same verified authority, or the same crypto payment ID and looked-up status'),
		],
	},
];

/** Whether the trigger listens for this kind of event (workflows saved without Events listen for both). */
export function listensFor(events: unknown, event: string): boolean {
	return !Array.isArray(events) || events.includes(event);
}
