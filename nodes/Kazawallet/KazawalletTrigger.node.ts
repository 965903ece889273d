import type { INodeType, INodeTypeDescription, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { ignoreRepeatsOption, urlPerRequestWebhookMethods } from '../shared/webhook';
import { receiveWebhook } from './trigger';

const EVENT_OPTIONS = [
	{ name: 'Payment Link Paid (Fulfilled)', value: 'paymentLink.fulfilled' },
	{ name: 'Payment Link Timed Out', value: 'paymentLink.timed_out' },
	{ name: 'Card Consumption (CC_CONSUME)', value: 'CC_CONSUME' },
	{ name: 'Card Refund (CC_REFUND)', value: 'CC_REFUND' },
	{ name: 'Card Recharge (CC_RECHARGE)', value: 'CC_RECHARGE' },
	{ name: '3DS Confirmation (3DS_CONFIRM)', value: '3DS_CONFIRM' },
	{ name: 'Withdrawal Update', value: 'withdrawal' },
	{ name: 'Deposit Update', value: 'deposit' },
];

export class KazawalletTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Kazawallet Trigger',
		name: 'kazawalletTrigger',
		icon: { light: 'file:kazawallet.svg', dark: 'file:kazawallet.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '=Webhooks',
		description: 'Starts the workflow on Kazawallet payment-link, card, withdrawal and deposit webhooks',
		defaults: { name: 'Kazawallet Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'kazawalletApi', required: true }],
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' }],
		properties: [
			{
				displayName:
					'Kazawallet sends every event to the one webhook URL of your Kazawallet profile (there is no API to set it): enter this node\'s Test URL there while you listen for a test event here, then its Production URL once the workflow is active. Both are under Webhook URLs above',
				name: 'setupNotice',
				type: 'notice',
				default: '',
			},
			{
				displayName:
					'Every item says how it was checked in "verification". Payment links: "signature" (amount and order_id are signed with your API key and secret; status, ref and currency are not). Card events: "lookup" (the transaction is looked up and must match exactly; for 3DS_CONFIRM only the card, see unverifiedFields). Withdrawals and deposits: "none" — Kazawallet neither signs them nor offers a look-up, so anyone who knows this URL can send one: check the withdrawal or deposit in Kazawallet before acting on it',
				name: 'notice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				options: EVENT_OPTIONS,
				default: [],
				description: 'Start the workflow only for these events. Leave empty for every event.',
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Confirm Card Events With Kazawallet',
						name: 'confirmCardEvents',
						type: 'boolean',
						default: true,
						description:
							'Whether a card event is checked before the workflow starts: CC_* events must match a transaction of the card exactly (Get Transactions), 3DS_CONFIRM a card of your account (Get Card Details). An event that does not match gets 403. Off: card events are emitted with verification "none".',
					},
					ignoreRepeatsOption(
						'payment links: same signed order ID; card events: same confirmed transaction or card and code; withdrawals and deposits: same ID and status',
					),
				],
			},
		],
	};

	// The webhook URL is set once in the Kazawallet profile; there is no API to register it, so there is
	// nothing to create, check or delete (the shared no-op lifecycle).
	webhookMethods = urlPerRequestWebhookMethods;

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await receiveWebhook.call(this);
	}
}
