import type { INodeType, INodeTypeDescription, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { ignoreRepeatsOption, urlPerRequestWebhookMethods } from '../shared/webhook';
import { EZEEWALLET_NOTIFICATION_IPS, handleNotification } from './trigger';

export class EzeeWalletTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'eZeeWallet Trigger',
		name: 'ezeeWalletTrigger',
		icon: { light: 'file:ezeewallet.svg', dark: 'file:ezeewallet.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '=Notifications',
		description: 'Starts the workflow on verified eZeeWallet transfer, refund and payout notifications',
		defaults: { name: 'eZeeWallet Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'ezeeWalletApi', required: true }],
		webhooks: [
			{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'notification' },
		],
		properties: [
			{
				displayName:
					"Give eZeeWallet this trigger's URL as the Notification URL of a transfer, refund or payout (the eZeeWallet node's Notification URL field): the test URL while listening here, the production URL once the workflow is active",
				name: 'setupNotice',
				type: 'notice',
				default: '',
			},
			{
				displayName:
					'eZeeWallet signs only the ID; the trigger confirms status and amount with Transaction → Get before the workflow starts ("verification": "signature+lookup"). The notification as received, unverified, is under "notification"',
				name: 'notice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				options: [
					{ name: 'Payout', value: 'payout', description: 'Notifications that name a unique_id (single and batch payouts)' },
					{ name: 'Transfer or Refund', value: 'transfer', description: 'Notifications that name a transaction_id' },
				],
				default: [],
				description: 'Start the workflow only for these kinds of notification (by the signed ID they name). Leave empty for every kind.',
			},
			{
				displayName: 'Statuses',
				name: 'statuses',
				type: 'multiOptions',
				options: [
					{ name: 'Approved', value: 'approved' },
					{ name: 'Declined', value: 'declined' },
					{ name: 'Pending', value: 'pending' },
				],
				default: [],
				description:
					'Start the workflow only for these statuses (the status confirmed by eZeeWallet). Leave empty for every status.',
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Allowed IPs',
						name: 'allowedIps',
						type: 'string',
						default: EZEEWALLET_NOTIFICATION_IPS.join(', '),
						description: 'Comma-separated sender addresses; the default is eZeeWallet’s published list',
					},
					{
						displayName: 'Check Sender IP',
						name: 'checkSenderIp',
						type: 'boolean',
						default: false,
						description:
							'Whether to refuse (403) notifications that do not come from an allowed address. Behind a reverse proxy, also set Trusted Proxies.',
					},
					ignoreRepeatsOption('same signed ID and confirmed status'),
					{
						displayName: 'Skip Confirmation Lookup',
						name: 'skipLookup',
						type: 'boolean',
						default: false,
						description:
							'Whether to start the workflow without asking eZeeWallet (Transaction → Get) for the status and amount. Only the ID is then verified: the status is as the notification says, unsigned, and "verification" is "signature".',
					},
					{
						displayName: 'Trusted Proxies',
						name: 'trustedProxies',
						type: 'number',
						typeOptions: { minValue: 0, maxValue: 10 },
						default: 0,
						description:
							'How many proxies of yours stand between eZeeWallet and n8n (0: n8n is reached directly). The sender address is read from X-Forwarded-For counting this many entries from the right; entries further left are written by the sender and never trusted.',
					},
				],
			},
		],
	};

	// eZeeWallet takes the notification URL with each request, so there is nothing to register.
	webhookMethods = urlPerRequestWebhookMethods;

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await handleNotification.call(this);
	}
}
