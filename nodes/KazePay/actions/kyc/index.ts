import type { INodeProperties } from 'n8n-workflow';

import type { Operation } from '../../../shared/router';
import * as getStatus from './getStatus.operation';
import * as submit from './submit.operation';

export const operations: Record<string, Operation> = { submit, getStatus };

export const picker: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['kyc'] } },
	options: [
		{ name: 'Get Status', value: 'getStatus', action: 'Get a KYC status', description: 'Get whether a cardholder’s KYC is waiting, passed or rejected' },
		{
			name: 'Submit',
			value: 'submit',
			action: 'Submit a KYC',
			description: 'Send a cardholder’s details and document photos for review (KazePay may withdraw this call)',
		},
	],
	default: 'submit',
};
