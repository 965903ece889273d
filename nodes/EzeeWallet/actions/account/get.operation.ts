import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/router';
import { checkEmail } from '../../../shared/validation';
import { ezeeWalletRequest } from '../../transport';

// Reference: ezeewallet.txt, "Get Account Data" (GET /account): a consumer's account by email

const properties: INodeProperties[] = [
	{
		displayName: 'Consumer Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		required: true,
		default: '',
		description: 'Email of the consumer whose wallet account to look up',
	},
];

const displayOptions = { show: { resource: ['account'], operation: ['get'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const email = checkEmail(this.getNodeParameter('email', i), 'Consumer Email');
	const { body } = await ezeeWalletRequest.call(this, {
		method: 'GET',
		path: '/account',
		qs: { email },
		kind: 'read',
		itemIndex: i,
	});
	return { email, ...body };
}
