import type { INodeProperties } from 'n8n-workflow';

/** The account's mobile number (reference: Register, "mobile: Mobile number (09xxxxxxxxx)"). */
export const mobileProperty: INodeProperties = {
	displayName: 'Mobile Number',
	name: 'mobile',
	type: 'string',
	required: true,
	default: '',
	placeholder: '09121234567',
	description: 'The mobile number of the account: 09 followed by 9 digits',
};

/** The account's password; never output. */
export function passwordProperty(description: string): INodeProperties {
	return { displayName: 'Password', name: 'password', type: 'string', typeOptions: { password: true }, required: true, default: '', description };
}
