import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { Operation, OperationResult } from '../../../shared/router';
import { isUnknownOutcome } from '../../../shared/transport';
import { checkString } from '../../../shared/validation';
import { KPAY_CALLS, kpayRequest } from '../../transport';
import { checkMobile, checkPassword } from '../../validators';
import { mobileProperty, passwordProperty } from './fields';
import { logIn } from './login.operation';

// Reference: Authentication, Register (POST /auth/register)

const properties: INodeProperties[] = [
	{ displayName: 'Name', name: 'name', type: 'string', required: true, default: '', description: 'The full name of the account holder' },
	mobileProperty,
	passwordProperty('The password of the new account: at least 6 characters'),
];

export const description = updateDisplayOptions({ show: { resource: ['auth'], operation: ['register'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const name = checkString(this.getNodeParameter('name', i), 'Name', { maxLength: 255 });
	const mobile = checkMobile(this.getNodeParameter('mobile', i), 'Mobile Number');
	const password = checkPassword(this.getNodeParameter('password', i), 'Password');
	let refusal: unknown;
	try {
		const { body } = await kpayRequest.call(this, KPAY_CALLS.register, {
			method: 'POST',
			path: '/auth/register',
			body: { name, mobile, password },
			itemIndex: i,
			reference: `the account of mobile number ${mobile} (Account → Login with the same password)`,
			sensitiveValues: [password],
			withoutAuthentication: true,
		});
		// The new account's tokens are the point of this call; the password is never output.
		return { mobile, response: body };
	} catch (error) {
		refusal = error;
	}
	// Run again after a lost answer: KPAY says "already registered". If the same mobile number and
	// password log in, it is this registration: its tokens are returned instead of an error.
	if (isUnknownOutcome(refusal) || !ALREADY_REGISTERED.test(String((refusal as Error).message))) throw refusal;
	const tokens = await logIn.call(this, mobile, password, i).catch(() => undefined);
	if (!tokens) throw refusal; // registered with another password: KPAY's own refusal stands
	return { mobile, alreadyRegistered: true, response: tokens };
}

/** KPAY's answer to a mobile number that has an account (reference: "already registered"). */
const ALREADY_REGISTERED = /already registered|already exists/i;

/** It creates an account and hands out its tokens: never run by an AI agent (and not offered to one). */
export const notForAgents: Operation['notForAgents'] = true;
