import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/router';
import { kazePayRequest, resultObject } from '../../transport';

// Reference: provider-docs/README.md, KazePay: apiCode getWebhookUrl

const properties: INodeProperties[] = [];

const displayOptions = { show: { resource: ['webhook'], operation: ['get'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const { data } = await kazePayRequest.call(this, 'getWebhookUrl', { payload: {},
		itemIndex: i,
	});
	return resultObject(data);
}
