import type {
	IDataObject,
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { isUnknownOutcome } from '../shared/transport';
import { acknowledge, getBodyFields, ignoreRepeatsOption, ignoresRepeats, refuseLargeBody, reject, rememberEvent } from '../shared/webhook';
import { cardDataOut, revealCardDataOption } from './actions/common';
import type { EnvelopeHead } from './envelope';
import { openPlatformEnvelope } from './envelope';
import { readKazePayKeys } from './sealing';
import { asNodeError } from './errors';
import { kazePayRequest } from './transport';
import { eventKey, eventMoney, eventTypeOf, KAZEPAY_WEBHOOK_ACK, registeredUrl, wanted } from './trigger';

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
					'No setup in KazePay: this trigger registers its URL with setWebhookUrl itself, the test URL while you listen for a test event and the production URL once the workflow is active. KazePay keeps one URL per merchant, so this replaces the URL set before (the earlier one is put back when listening stops). To register by hand (KazePay → Webhook → Set URL), use the URL shown above for the mode you need',
				name: 'setupNotice',
				type: 'notice',
				default: '',
			},
			{
				displayName:
					'Every event must decrypt with your private key, carry a valid platform signature over its whole decrypted content and name its event type; anything else is refused and starts nothing. Items say verification "signature": every field is signed except those under unsignedHead',
				name: 'notice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				required: true,
				default: ['*'],
				description:
					'Which event types start the workflow (the signed event type). Others are acknowledged to KazePay and start nothing.',
				options: [
					{ name: 'All Events', value: '*' },
					{ name: 'Card Activated', value: 'CARD_ACTIVATED' },
					{ name: 'Card Assigned', value: 'CARD_ASSIGNED' },
					{ name: 'Card Closed', value: 'CARD_CLOSED' },
					{ name: 'Card Recharge', value: 'CARD_RECHARGE' },
					{ name: 'Card Status Changed', value: 'CARD_STATUS_CHANGED' },
					{ name: 'Card Transaction', value: 'CARD_TRANSACTION' },
					{ name: 'KYC Status', value: 'KYC_STATUS' },
				],
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					ignoreRepeatsOption('the same signed event ID or, without one, the same signed content; KazePay retries a delivery up to 5 times'),
					{
						displayName: 'Other Event Types',
						name: 'otherEventTypes',
						type: 'string',
						default: '',
						placeholder: 'e.g. CARD_EXPIRED, CARD_REFUND',
						description:
							'Comma-separated event types not in the Events list that also start the workflow (KazePay’s full list is not public)',
					},
					{
						displayName: 'Accept Events Without an Event Type',
						name: 'acceptUntyped',
						type: 'boolean',
						default: false,
						description:
							'Whether signed content without an event type field (eventType, notifyType, eventName) starts the workflow. Off: it is refused, because a captured KazePay API answer (sealed the same way as an event) would otherwise pass as an event. Turn on only if KazePay’s events have no such field; such items say eventType "" and the Events filter must be All.',
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
				try {
					await kazePayRequest.call(this, 'setWebhookUrl', { payload: { url: ours } });
				} catch (error) {
					// a lost answer (sent once, never repeated): the read-back below tells whether it was registered
					if (!isUnknownOutcome(error)) throw asNodeError(this, error);
				}
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
					await kazePayRequest.call(this, 'setWebhookUrl', { payload: { url: previous } });
					return true;
				} catch (error) {
					this.logger.warn(`KazePay Trigger: could not put back the previous webhook URL: ${(error as Error).message}`);
					return false;
				}
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		// cheap checks first: size, shape; then the envelope (RSA, AES, signature); no provider calls
		const tooLarge = refuseLargeBody(this);
		if (tooLarge) return tooLarge;
		const options = this.getNodeParameter('options', {}) as IDataObject;
		const envelope = getBodyFields(this);
		const head = envelope.head as EnvelopeHead | undefined;
		if (!head || typeof head !== 'object' || Array.isArray(head) || !envelope.body) return reject(this, 401, 'not a KazePay envelope');

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

		// The signed content must be an event, not a KazePay API answer sealed the same way
		const eventType = eventTypeOf(opened.data);
		const isObject = opened.data !== null && typeof opened.data === 'object' && !Array.isArray(opened.data);
		if (!isObject || (eventType === undefined && options.acceptUntyped !== true)) {
			return reject(this, 400, 'not a KazePay event: the signed content names no event type');
		}
		if (!wanted(this, options, eventType)) return acknowledge(this, KAZEPAY_WEBHOOK_ACK);

		// the repeat key comes from the signed content only (see eventKey)
		if (ignoresRepeats(options) && !rememberEvent(this, eventKey(opened.data))) {
			return acknowledge(this, KAZEPAY_WEBHOOK_ACK);
		}
		const fields = cardDataOut(opened.data as IDataObject, options.revealCardData === true);
		const money = eventMoney(fields);
		return acknowledge(this, KAZEPAY_WEBHOOK_ACK, [
			{
				...fields,
				eventType: eventType ?? '',
				// the amount both ways: the signed value untouched above, and as money (not signed as such)
				...(money ? { money } : {}),
				// every field above is inside the signed content; the head is not signed
				verification: 'signature',
				verified: true,
				unsignedHead: { apiCode: opened.head.apiCode ?? null, requestNo: opened.head.requestNo ?? null },
				receivedAt: new Date().toISOString(),
			},
		]);
	}
}
