import type { INodeProperties } from 'n8n-workflow';

import type { Operation } from '../../../shared/router';
import * as getMany from './getMany.operation';

export const operations: Record<string, Operation> = { getMany };

export const picker: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['transaction'] } },
	options: [
		{ name: 'Get Many', value: 'getMany', action: 'Get many card transactions', description: 'List the transactions of a card, newest pages first' },
	],
	default: 'getMany',
};
