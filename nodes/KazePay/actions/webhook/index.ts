import type { INodeProperties } from 'n8n-workflow';

import type { Operation } from '../../../shared/router';
import * as get from './get.operation';
import * as set from './set.operation';

export const operations: Record<string, Operation> = { set, get };

export const picker: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['webhook'] } },
	options: [
		{ name: 'Get URL', value: 'get', action: 'Get the webhook URL', description: 'Get the URL KazePay sends card events to' },
		{ name: 'Set URL', value: 'set', action: 'Set the webhook URL', description: 'Change the URL KazePay sends card events to' },
	],
	default: 'get',
};
