import type { ICredentialDataDecryptedObject, IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { Operation, OperationResult } from '../../../shared/router';
import { KPAY_CALLS, kpayRequest } from '../../transport';
import { checkMobile, checkPassword } from '../../validators';
import { mobileProperty, passwordProperty } from './fields';

// Reference: Authentication, Login (POST /auth/login, username = mobile number)

const properties: INodeProperties[] = [
	{
		displayName:
			'The KPAY credential logs in by itself. Use this operation only when a workflow needs the tokens, e.g. for another account',
		name: 'loginNotice',
		type: 'notice',
		default: '',
	},
	mobileProperty,
	passwordProperty('The password of the KPAY account'),
];

export const description = updateDisplayOptions({ show: { resource: ['auth'], operation: ['login'] } }, properties);

/** It hands out tokens of an account: never run by an AI agent (and not offered to one). */
export const notForAgents: Operation['notForAgents'] = true;

/** POST /auth/login with the credential's body format (see "Login Body Format" in the credential). */
export async function logIn(
	this: IExecuteFunctions,
	mobile: string,
	password: string,
	itemIndex: number,
	credentials?: ICredentialDataDecryptedObject,
): Promise<IDataObject> {
	const using = credentials ?? (await this.getCredentials<ICredentialDataDecryptedObject>('kpayApi'));
	const form = using.loginFormat !== 'json';
	const { body } = await kpayRequest.call(this, KPAY_CALLS.login, {
		method: 'POST',
		path: '/auth/login',
		headers: form ? { 'Content-Type': 'application/x-www-form-urlencoded' } : undefined,
		body: form ? new URLSearchParams({ username: mobile, password }).toString() : { username: mobile, password },
		itemIndex,
		sensitiveValues: [password],
		credentials: using,
		withoutAuthentication: true,
	});
	return body;
}

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const mobile = checkMobile(this.getNodeParameter('mobile', i), 'Mobile Number');
	const password = checkPassword(this.getNodeParameter('password', i), 'Password');
	// the provider's answer (the tokens) under `response`, beside the mobile number it is for
	return { mobile, response: await logIn.call(this, mobile, password, i) };
}
