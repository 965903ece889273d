import type { INodeType, INodeTypeDescription, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { urlPerRequestWebhookMethods } from '../shared/webhook';
import { handleCardCallback } from './trigger/cardCallback';
import { handleCryptoNotification } from './trigger/cryptoNotification';
import { triggerProperties } from './trigger/properties';

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
		properties: triggerProperties,
	};

	// KPAY takes callback_url and webhook_url with each request, so there is nothing to register.
	webhookMethods = urlPerRequestWebhookMethods;

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		if (this.getWebhookName() === 'setup') return await handleCardCallback.call(this);
		return await handleCryptoNotification.call(this);
	}
}
