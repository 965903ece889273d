import { operationPicker } from '../picker';
import * as getMe from './getMe.operation';
import * as login from './login.operation';
import * as register from './register.operation';

export const operations = { register, login, getMe };

export const picker = operationPicker(
	'auth',
	operations,
	[
		{ name: 'Get Current User', value: 'getMe', action: 'Get the current user', description: 'Get the KPAY account behind the credential' },
		{ name: 'Log In', value: 'login', action: 'Log in', description: 'Log in with a mobile number and password and get access and refresh tokens' },
		{ name: 'Register', value: 'register', action: 'Register an account', description: 'Create a KPAY user account and get its tokens' },
	],
	'getMe',
);
