import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/router';
import { KAZAWALLET_CALLS, kazawalletRequest } from '../../transport';

// Kazawallet API reference, "Get Rates" (GET /get-rate). The response shape is not public: returned as is.

const properties: INodeProperties[] = [];

const displayOptions = { show: { resource: ['wallet'], operation: ['getRates'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const { body } = await kazawalletRequest.call(this, KAZAWALLET_CALLS.getRates, {
		method: 'GET',
		path: '/get-rate',
		itemIndex: i,
	});
	return body;
}
