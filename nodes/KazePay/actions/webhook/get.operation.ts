import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/router';
import { answerObject, kazePayRequest } from '../../transport';

// Reference: KazePay's webhook calls (apiCode getWebhookUrl), named in the reference's notes but not in its tables

const properties: INodeProperties[] = [];

const displayOptions = { show: { resource: ['webhook'], operation: ['get'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const { data } = await kazePayRequest.call(this, 'getWebhookUrl', { payload: {},
		itemIndex: i,
	});
	return answerObject(data);
}
