import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/router';
import { checkUrl, FieldError } from '../../../shared/validation';
import { isUnknownOutcome } from '../../../shared/transport';
import { answerObject, kazePayRequest } from '../../transport';
import { asNodeError } from '../../errors';

// Reference: KazePay's webhook calls (apiCode setWebhookUrl, body { url }; one URL per merchant), named in the reference's notes

const properties: INodeProperties[] = [
	{
		displayName: 'A KazePay Trigger registers its own URL when it starts listening; use this only to point KazePay elsewhere',
		name: 'webhookNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'URL',
		name: 'url',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'https://n8n.example.com/webhook/…/events',
		description: 'Where KazePay sends card events (replaces the URL registered before)',
	},
];

const displayOptions = { show: { resource: ['webhook'], operation: ['set'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const url = checkUrl(this.getNodeParameter('url', i), 'URL');
	// URL parsers silently drop line breaks and encode spaces or < >, but KazePay would store the text
	// as given: only the characters a URL may hold unencoded (RFC 3986) are accepted
	if (!/^[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]+$/.test(url)) {
		throw new FieldError('URL', 'must not contain spaces, line breaks or characters such as < > " { } | \\ ^ ` (percent-encode them)');
	}
	try {
		const { data } = await kazePayRequest.call(this, 'setWebhookUrl', { payload: { url },
			itemIndex: i,
			reference: 'the registered URL (Webhook → Get URL)',
		});
		return { url, response: answerObject(data) };
	} catch (error) {
		// a lost answer: read the registered URL back; when it is this one, the change happened
		if (!isUnknownOutcome(error)) throw asNodeError(this, error, i);
		const { data } = await kazePayRequest.call(this, 'getWebhookUrl', { payload: {},
			itemIndex: i,
		});
		if (answerObject(data).url !== url) throw asNodeError(this, error, i);
		return { url, reconciled: true, reconciledBy: 'the answer was lost; Webhook → Get URL shows this URL registered', response: answerObject(data) };
	}
}
