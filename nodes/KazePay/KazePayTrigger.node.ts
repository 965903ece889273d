import { createHash } from 'crypto';
import type {
	IDataObject,
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { acknowledge, getBodyFields, reject, rememberEvent } from '../shared/webhook';
import { protectCardData, revealCardDataOption } from './actions/common';
import type { EnvelopeHead } from './envelope';
import { openPlatformEnvelope } from './envelope';
import { readKazePayKeys } from './sealing';
import { kazePayRequest } from './transport';

/**
 * What the trigger answers to an event it accepted (also to a repeat). KazePay's expected answer is
 * not public; any 2xx is assumed to count as delivered. Change it here if KazePay asks for another.
 */
export const KAZEPAY_WEBHOOK_ACK: IDataObject = { code: 'SUCCESS', detail: 'SUCCESS' };

/** Fields that name one event; the first present one is its identity. */
export const EVENT_ID_FIELDS = ['eventId', 'notifyId', 'notificationId', 'eventNo'];
/** Fields that may change between deliveries of the same event and are left out of its fingerprint. */
export const DELIVERY_FIELDS = ['sendTime', 'notifyTime', 'retryCount', 'retryTimes', 'deliveryTime', 'timestamp'];

function canonical(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
	if (value && typeof value === 'object') {
		const entries = Object.keys(value as IDataObject)
			.filter((key) => !DELIVERY_FIELDS.includes(key))
			.sort()
			.map((key) => `${JSON.stringify(key)}:${canonical((value as IDataObject)[key])}`);
		return `{${entries.join(',')}}`;
	}
	return JSON.stringify(value ?? null);
}

/**
 * The identity of an event, the same for every retry of it (KazePay retries a failed delivery 5
 * times, after 1, 2, 4, 8 and 16 minutes, each time with a new requestNo and session key): an explicit
 * event ID when the event carries one, otherwise a SHA-256 fingerprint of its decrypted content.
 * Only the signed content counts: the head (apiCode, requestNo, sysId, …) is not covered by the
 * signature, so a replay with an edited head is still the same event.
 */
export function eventKey(data: unknown): string {
	const fields = data && typeof data === 'object' && !Array.isArray(data) ? (data as IDataObject) : {};
	for (const field of EVENT_ID_FIELDS) {
		const value = fields[field];
		if (typeof value === 'string' || typeof value === 'number') return `${field}:${value}`;
	}
	return `sha256:${createHash('sha256').update(canonical(data)).digest('hex')}`;
}

async function registeredUrl(context: IHookFunctions): Promise<string> {
	const { data } = await kazePayRequest.call(context, { apiCode: 'getWebhookUrl', payload: {}, kind: 'read' });
	const url = (data as IDataObject | undefined)?.url;
	return typeof url === 'string' ? url : '';
}

export class KazePayTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'KazePay Trigger',
		name: 'kazePayTrigger',
		icon: { light: 'file:kazepay.svg', dark: 'file:kazepay.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '=Card events',
		description: 'Starts the workflow on verified KazePay card events',
		defaults: { name: 'KazePay Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'kazePayApi', required: true }],
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'events' }],
		properties: [
			{
				displayName:
					'On activation this trigger registers its URL with KazePay (setWebhookUrl) and reads it back (getWebhookUrl). KazePay keeps one URL per merchant, so this replaces any URL set before (it is put back when this trigger stops listening). Every event must decrypt with your private key and carry a valid platform signature; anything else is refused with 401 and starts nothing. KazePay’s retries of an event already received are acknowledged without starting the workflow again.',
				name: 'notice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Ignore Repeated Events',
						name: 'ignoreRepeats',
						type: 'boolean',
						default: true,
						description: 'Whether an event already received (KazePay retries up to 5 times) is acknowledged without starting the workflow again',
					},
					revealCardDataOption,
				],
			},
		],
	};

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				const ours = this.getNodeWebhookUrl('default');
				return (await registeredUrl(this)) === ours;
			},
			async create(this: IHookFunctions): Promise<boolean> {
				const ours = this.getNodeWebhookUrl('default') as string;
				const previous = await registeredUrl(this);
				await kazePayRequest.call(this, { apiCode: 'setWebhookUrl', payload: { url: ours }, kind: 'read' });
				const readBack = await registeredUrl(this);
				if (readBack !== ours) {
					throw new NodeOperationError(
						this.getNode(),
						`KazePay accepted the webhook URL but reports "${readBack || '(none)'}" instead of this trigger's URL`,
						{ description: 'Another system may have registered its URL at the same time. Deactivate and activate the workflow again.' },
					);
				}
				const staticData = this.getWorkflowStaticData('node');
				staticData.registeredUrl = ours;
				staticData.previousUrl = previous && previous !== ours ? previous : undefined;
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				// KazePay has no call to remove a URL. When this trigger's URL is still the registered one and
				// another was registered before it (e.g. the production URL while the editor listened for a
				// test event), that one is put back; otherwise the URL stays and n8n answers 404 while inactive.
				const staticData = this.getWorkflowStaticData('node');
				const ours = staticData.registeredUrl as string | undefined;
				const previous = staticData.previousUrl as string | undefined;
				delete staticData.registeredUrl;
				delete staticData.previousUrl;
				if (!ours || !previous) return true;
				try {
					if ((await registeredUrl(this)) !== ours) return true;
					await kazePayRequest.call(this, { apiCode: 'setWebhookUrl', payload: { url: previous }, kind: 'read' });
					return true;
				} catch (error) {
					this.logger.warn(`KazePay Trigger: could not put back the previous webhook URL: ${(error as Error).message}`);
					return false;
				}
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const options = this.getNodeParameter('options', {}) as IDataObject;
		const envelope = getBodyFields(this);
		const head = envelope.head as EnvelopeHead | undefined;
		if (!head || typeof head !== 'object' || !envelope.body) return reject(this, 401, 'not a KazePay envelope');

		const credentials = await this.getCredentials('kazePayApi');
		let opened: { head: EnvelopeHead; data: unknown };
		try {
			const keys = readKazePayKeys(credentials);
			if (head.sysId !== undefined && String(head.sysId) !== keys.sysId) return reject(this, 401, 'unknown sysId');
			opened = openPlatformEnvelope(envelope, keys);
		} catch {
			// decryption or signature failed: nothing of the content is used
			return reject(this, 401, 'invalid signature');
		}

		if (options.ignoreRepeats !== false && !rememberEvent(this, eventKey(opened.data))) {
			return acknowledge(this, KAZEPAY_WEBHOOK_ACK);
		}
		const event = protectCardData(opened.data, options.revealCardData === true);
		const fields = event && typeof event === 'object' && !Array.isArray(event) ? (event as IDataObject) : { event: event as IDataObject };
		return acknowledge(this, KAZEPAY_WEBHOOK_ACK, [
			{
				...fields,
				apiCode: opened.head.apiCode,
				requestNo: opened.head.requestNo,
				verified: true,
				receivedAt: new Date().toISOString(),
			},
		]);
	}
}
