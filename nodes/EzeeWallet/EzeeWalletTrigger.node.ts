import type {
	IDataObject,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import {
	acknowledge,
	getBodyFields,
	parseIpList,
	reject,
	rememberEvent,
	senderIp,
	urlPerRequestWebhookMethods,
} from '../shared/webhook';
import { verifyEzeeWalletSignature } from './signature';

/** Notification sender addresses from the reference ("Whitelist below IPs"). */
export const EZEEWALLET_NOTIFICATION_IPS = ['80.82.206.228', '5.179.225.28', '34.251.52.23', '52.16.175.123'];

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
					'Use this trigger’s production URL as the notification_url of transfers, refunds and payouts. Every notification is checked against its SHA-1 signature (made with the API username of the credential); a forged one is refused with 401 and starts nothing.',
				name: 'notice',
				type: 'notice',
				default: '',
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
				description: 'Start the workflow only for these statuses. Leave empty for every status.',
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Check Sender IP',
						name: 'checkSenderIp',
						type: 'boolean',
						default: false,
						description:
							'Whether to refuse (403) notifications that do not come from an allowed address. Behind a reverse proxy, also turn on Trust X-Forwarded-For.',
					},
					{
						displayName: 'Allowed IPs',
						name: 'allowedIps',
						type: 'string',
						default: EZEEWALLET_NOTIFICATION_IPS.join(', '),
						description: 'Comma-separated sender addresses; the default is eZeeWallet’s published list',
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
					{
						displayName: 'Ignore Repeated Notifications',
						name: 'ignoreRepeats',
						type: 'boolean',
						default: true,
						description:
							'Whether a notification already received (same ID and status) is acknowledged without starting the workflow again',
					},
				],
			},
		],
	};

	// eZeeWallet takes the notification URL with each request, so there is nothing to register.
	webhookMethods = urlPerRequestWebhookMethods;

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const options = this.getNodeParameter('options', {}) as IDataObject;
		if (options.checkSenderIp === true) {
			const allowed = parseIpList((options.allowedIps as string) ?? EZEEWALLET_NOTIFICATION_IPS.join(','));
			const ip = senderIp(this, Number(options.trustedProxies ?? 0));
			if (!allowed.includes(ip)) return reject(this, 403, 'sender not allowed');
		}

		const fields = getBodyFields(this);
		const asText = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? String(value) : undefined);
		const transactionId = asText(fields.transaction_id);
		const uniqueId = asText(fields.unique_id);
		const signature = asText(fields.signature);
		if (!signature || (!transactionId && !uniqueId)) return reject(this, 401, 'missing signature');

		const credentials = await this.getCredentials('ezeeWalletApi');
		const id = verifyEzeeWalletSignature([transactionId, uniqueId], signature, String(credentials.username ?? ''));
		if (!id) return reject(this, 401, 'invalid signature');

		// NotificationEcho: eZeeWallet expects the notified id back, also for repeats and filtered statuses.
		const echo = { unique_id: id };
		const status = asText(fields.status) ?? '';
		const statuses = this.getNodeParameter('statuses', []) as string[];
		if (statuses.length > 0 && !statuses.includes(status)) return acknowledge(this, echo);
		if (options.ignoreRepeats !== false && !rememberEvent(this, `${id}:${status}`)) return acknowledge(this, echo);

		const data: IDataObject = { ...fields };
		delete data.signature;
		return acknowledge(this, echo, [
			{
				...data,
				id,
				kind: transactionId ? 'transfer' : 'payout',
				verified: true,
				receivedAt: new Date().toISOString(),
			},
		]);
	}
}
