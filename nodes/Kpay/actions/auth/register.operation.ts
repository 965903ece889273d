import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/router';
import { checkString } from '../../../shared/validation';
import { kpayRequest } from '../../transport';
import { checkMobile, checkPassword } from '../../validators';

// Reference: kpay.txt, Authentication, "Register" (POST /auth/register)

const properties: INodeProperties[] = [
	{ displayName: 'Name', name: 'name', type: 'string', required: true, default: '', description: 'Full name' },
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
		description: 'At least 6 characters',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['auth'], operation: ['register'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const name = checkString(this.getNodeParameter('name', i), 'Name', { maxLength: 255 });
	const mobile = checkMobile(this.getNodeParameter('mobile', i), 'Mobile Number');
	const password = checkPassword(this.getNodeParameter('password', i), 'Password');
	const { body } = await kpayRequest.call(this, {
		method: 'POST',
		path: '/auth/register',
		body: { name, mobile, password },
		kind: 'read',
		itemIndex: i,
		sensitiveValues: [password],
		withoutAuthentication: true,
	});
	// The new account's tokens are the point of this call; the password is never output.
	return { mobile, ...body };
}
