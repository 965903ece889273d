import type { INodeType, INodeTypeDescription, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { urlPerRequestWebhookMethods } from '../shared/webhook';
import { handleCardCallback } from './trigger/cardCallback';
import { CRYPTO_STATUSES, handleCryptoNotification } from './trigger/cryptoNotification';

export class KpayTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'KPAY Trigger',
		name: 'kpayTrigger',
		icon: { light: 'file:kpay.svg', dark: 'file:kpay.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '=Verified payments',
		description: 'Starts the workflow on card-to-card payments verified with KPAY and on confirmed crypto payments',
		defaults: { name: 'KPAY Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'kpayApi', required: true }],
		webhooks: [
			// n8n names a node's webhooks 'default' and 'setup' only; each has its own URL.
			{ name: 'setup', httpMethod: 'GET', responseMode: 'onReceived', path: 'callback' },
			{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'crypto' },
		],
		properties: [
			{
				displayName:
					'Two URLs: the GET URL ending in /callback is the callback_url of card-to-card transactions, the POST URL ending in /crypto the webhook_url of crypto payments. Nothing that arrives is trusted. Card: found in this account\'s transactions, amount compared and verified with KPAY (items say verification "lookup"). Crypto: the webhook URL must carry the signature Create Payment adds (same credential), and the payment is fetched from KPAY (verification "signature+lookup"); unsigned payments, if allowed, say verification "lookup" and owned false.',
				name: 'notice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Success Redirect URL',
				name: 'successUrl',
				type: 'string',
				default: '',
				placeholder: 'https://shop.example.com/payment/success',
				description: "Where the payer's browser is sent after a verified card-to-card payment",
			},
			{
				displayName: 'Failure Redirect URL',
				name: 'failureUrl',
				type: 'string',
				default: '',
				placeholder: 'https://shop.example.com/payment/failed',
				description: "Where the payer's browser is sent when the payment is not paid, not verified or has a different amount",
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
			},
			{
				displayName: 'Amount Query Parameter',
				name: 'amountParameter',
				type: 'string',
				default: 'amount',
				displayOptions: { show: { amountSource: ['query'] } },
			},
			{
				displayName: 'Expected Amount (Rials)',
				name: 'fixedAmount',
				type: 'number',
				typeOptions: { minValue: 1, numberPrecision: 0 },
				default: 0,
				displayOptions: { show: { amountSource: ['fixed'] } },
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
					{
						displayName: 'Ignore Repeated Notifications',
						name: 'ignoreRepeats',
						type: 'boolean',
						default: true,
						description: 'Whether a payment already emitted (same ID and status) is acknowledged without starting the workflow again',
					},
				],
			},
		],
	};

	// KPAY takes callback_url and webhook_url with each request, so there is nothing to register.
	webhookMethods = urlPerRequestWebhookMethods;

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		if (this.getWebhookName() === 'setup') return await handleCardCallback.call(this);
		return await handleCryptoNotification.call(this);
	}
}
