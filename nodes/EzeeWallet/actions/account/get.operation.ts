import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/router';
import { checkEmail } from '../../../shared/validation';
import { EZEEWALLET_CALLS, ezeeWalletRequest } from '../../transport';

// Reference (eZeeWallet API 1.3.7): "Get Account Data" (GET /account): a consumer's account by email

const properties: INodeProperties[] = [
	{
		displayName: 'Consumer Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		required: true,
		default: '',
		description: 'Email of the consumer whose wallet account to look up. eZeeWallet cannot list consumers.',
	},
];

const displayOptions = { show: { resource: ['account'], operation: ['get'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const email = checkEmail(this.getNodeParameter('email', i), 'Consumer Email');
	const { body } = await ezeeWalletRequest.call(this, EZEEWALLET_CALLS.getAccount, {
		method: 'GET',
		path: '/account',
		qs: { email },
		itemIndex: i,
	});
	// eZeeWallet's answer as it is (wallet_account_number, verification_status, account_status)
	return body;
}
