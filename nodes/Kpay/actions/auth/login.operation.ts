import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/router';
import { kpayRequest } from '../../transport';
import { checkMobile, checkPassword } from '../../validators';

// Reference: kpay.txt, Authentication, "Login" (POST /auth/login, username = mobile number)

const properties: INodeProperties[] = [
	{
		displayName:
			'The KPAY credential logs in by itself. Use this operation only when a workflow needs the tokens, e.g. for another account.',
		name: 'loginNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Mobile Number',
		name: 'mobile',
		type: 'string',
		required: true,
		default: '',
		placeholder: '09121234567',
		description: '09 followed by 9 digits',
	},
	{
		displayName: 'Password',
		name: 'password',
		type: 'string',
		typeOptions: { password: true },
		required: true,
		default: '',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['auth'], operation: ['login'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const mobile = checkMobile(this.getNodeParameter('mobile', i), 'Mobile Number');
	const password = checkPassword(this.getNodeParameter('password', i), 'Password');
	const credentials = await this.getCredentials('kpayApi');
	// Same body format as the credential's own login (see "Login Body Format" in the credential).
	const form = credentials.loginFormat !== 'json';
	const { body } = await kpayRequest.call(this, {
		method: 'POST',
		path: '/auth/login',
		headers: form ? { 'Content-Type': 'application/x-www-form-urlencoded' } : undefined,
		body: form ? new URLSearchParams({ username: mobile, password }).toString() : { username: mobile, password },
		kind: 'read',
		itemIndex: i,
		sensitiveValues: [password],
		credentials,
		withoutAuthentication: true,
	});
	return { mobile, ...body };
}
