import type {
	IDataObject,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { redactFields } from '../shared/redact';
import {
	acknowledge,
	getBodyFields,
	LookupBudget,
	parseIpList,
	refuseLargeBody,
	reject,
	rememberEvent,
	senderIp,
	urlPerRequestWebhookMethods,
} from '../shared/webhook';
import { lookupTransaction } from './lookup';
import { verifyEzeeWalletSignature } from './signature';

/** Notification sender addresses from the reference ("Whitelist below IPs"). */
const EZEEWALLET_NOTIFICATION_IPS = ['80.82.206.228', '5.179.225.28', '34.251.52.23', '52.16.175.123'];

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
					'Use this trigger’s production URL as the notification_url of transfers, refunds and payouts. eZeeWallet signs only the ID (SHA-1 with the API username): a forged signature is refused with 401. The status, amount and references are then confirmed with Transaction → Get before the workflow starts; the item’s "verification" says "signature+lookup" (or "signature" with the lookup skipped, when only the ID is verified). Fields as received, unverified, are under "notification".',
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
							'Whether to refuse (403) notifications that do not come from an allowed address. Behind a reverse proxy, also turn on Trust X-Forwarded-For.',
					},
					{
						displayName: 'Ignore Repeated Notifications',
						name: 'ignoreRepeats',
						type: 'boolean',
						default: true,
						description:
							'Whether a notification already received (same signed ID and confirmed status) is acknowledged without starting the workflow again',
					},
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
		// cheap checks first: size, sender, shape, signature; only then one authenticated lookup
		const tooLarge = refuseLargeBody(this);
		if (tooLarge) return tooLarge;
		const options = this.getNodeParameter('options', {}) as IDataObject;
		if (options.checkSenderIp === true) {
			const allowed = parseIpList((options.allowedIps as string) ?? EZEEWALLET_NOTIFICATION_IPS.join(','));
			const ip = senderIp(this, Number(options.trustedProxies ?? 0));
			if (!allowed.includes(ip)) return reject(this, 403, 'sender not allowed');
		}

		const fields = getBodyFields(this);
		const asText = (value: unknown) =>
			typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
		const transactionId = asText(fields.transaction_id);
		const uniqueId = asText(fields.unique_id);
		const signature = asText(fields.signature);
		if (!signature || (!transactionId && !uniqueId)) return reject(this, 401, 'missing signature');

		const credentials = await this.getCredentials('ezeeWalletApi');
		const id = verifyEzeeWalletSignature([transactionId, uniqueId], signature, String(credentials.username ?? ''));
		if (!id) return reject(this, 401, 'invalid signature');
		// The signature covers this one id. Transfer and refund notifications name it transaction_id, payout
		// notifications unique_id; a second, different id beside it is not covered and is refused, so no
		// item ever reports an id the signature was not made for.
		const signedField = id === transactionId ? 'transaction_id' : 'unique_id';
		const otherId = signedField === 'transaction_id' ? uniqueId : transactionId;
		if (otherId !== undefined && otherId !== id) {
			return reject(this, 401, `the signature covers ${signedField} only, not the other id this notification names`);
		}
		const kind = signedField === 'transaction_id' ? 'transfer' : 'payout';
		const notifiedStatus = asText(fields.status);
		const notification: IDataObject = redactFields({ ...fields });
		delete notification.signature;

		let item: IDataObject;
		let repeatKey: string;
		if (options.skipLookup === true) {
			// only the id is verified; the status is the notification's own, unsigned
			item = { id, [signedField]: id, kind, status: notifiedStatus ?? '', verification: 'signature' };
			repeatKey = `${signedField}:${id}`;
		} else {
			const qs: IDataObject = { [signedField]: id };
			const notifiedReference = asText(fields.ezw_reference_id);
			if (notifiedReference) qs.ezw_reference_id = notifiedReference;
			const looked = await lookupTransaction.call(this, credentials, qs, new LookupBudget());
			if (!looked.ok) {
				if (looked.retryable) return reject(this, 503, `could not confirm the transaction with eZeeWallet (${looked.reason})`);
				return reject(this, 403, 'eZeeWallet does not confirm this transaction');
			}
			const record = redactFields(looked.record);
			// the record must be the signed transaction: it names the signed id itself
			const recordId = asText(
				signedField === 'transaction_id' ? (record.merchant_transaction_id ?? record.transaction_id) : record.unique_id,
			);
			if (recordId !== id) return reject(this, 403, 'eZeeWallet’s record is not the signed transaction');
			if (notifiedReference && asText(record.ezw_reference_id) !== notifiedReference) {
				return reject(this, 403, 'eZeeWallet’s record is not the notified transaction');
			}
			const status = asText(record.status);
			if (!status) return reject(this, 503, 'eZeeWallet answered without a status');
			if (notifiedStatus !== undefined && notifiedStatus !== status) {
				// not final yet at eZeeWallet: ask for the notification again later
				if (status === 'pending') return reject(this, 503, 'eZeeWallet has not settled this transaction yet');
				return reject(this, 409, `the notification says "${notifiedStatus}" but eZeeWallet's record says "${status}"`);
			}
			item = {
				id,
				[signedField]: id,
				kind,
				status,
				verification: 'signature+lookup',
			};
			for (const field of ['type', 'amount', 'currency', 'ezw_reference_id', 'merchant_reference'] as const) {
				if (record[field] !== undefined && record[field] !== null) item[field] = record[field];
			}
			repeatKey = `${signedField}:${id}:${status}`;
		}

		// NotificationEcho: eZeeWallet expects the notified id back, also for repeats and filtered statuses.
		const echo = { unique_id: id };
		const statuses = this.getNodeParameter('statuses', []) as string[];
		if (statuses.length > 0 && !statuses.includes(String(item.status))) return acknowledge(this, echo);
		if (options.ignoreRepeats !== false && !rememberEvent(this, repeatKey)) return acknowledge(this, echo);

		return acknowledge(this, echo, [{ ...item, notification, receivedAt: new Date().toISOString() }]);
	}
}
