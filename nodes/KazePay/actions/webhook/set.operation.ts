import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/router';
import { checkUrl, FieldError } from '../../../shared/validation';
import { kazePayRequest, resultObject } from '../../transport';

// Reference: provider-docs/README.md, KazePay: apiCode setWebhookUrl, body { url }; one URL per merchant

const properties: INodeProperties[] = [
	{
		displayName: 'A KazePay Trigger registers its own URL when its workflow is activated; use this only to point KazePay elsewhere.',
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
	// URL parsers silently drop or encode these, but KazePay would store the text as given
	if (/[\s\x00-\x1f\x7f<>"{}|\\^`]/.test(url)) {
		throw new FieldError('URL', 'must not contain spaces, line breaks or the characters < > " { } | \\ ^ ` (encode them)');
	}
	const { data } = await kazePayRequest.call(this, {
		apiCode: 'setWebhookUrl',
		payload: { url },
		movesMoney: false,
		itemIndex: i,
	});
	return { url, ...resultObject(data) };
}
