import type {
	ICredentialDataDecryptedObject,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

export class EzeeWalletApi implements ICredentialType {
	name = 'ezeeWalletApi';

	displayName = 'eZeeWallet API';

	icon: Icon = {
		light: 'file:../nodes/EzeeWallet/ezeewallet.svg',
		dark: 'file:../nodes/EzeeWallet/ezeewallet.dark.svg',
	};

	documentationUrl = 'https://github.com/n8n-nodes-paysuite/n8n-nodes-paysuite#ezeewallet';

	properties: INodeProperties[] = [
		{
			displayName: 'Environment',
			name: 'environment',
			type: 'options',
			options: [
				{ name: 'Production', value: 'production', description: 'https://ezeewallet.com/api' },
				{ name: 'Staging', value: 'staging', description: 'https://stg.ezeewallet.com/api' },
				{ name: 'Custom URL', value: 'custom', description: 'For example the local sandbox' },
			],
			default: 'production',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			placeholder: 'http://127.0.0.1:4010/ezeewallet/api',
			required: true,
			displayOptions: { show: { environment: ['custom'] } },
		},
		{
			displayName: 'API Username',
			name: 'username',
			type: 'string',
			default: '',
			required: true,
			description:
				"The API username from the 'Merchant API Details' tab (not an employee login). It also verifies notification signatures.",
		},
		{
			displayName: 'API Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
		},
	];

	// A function rather than a generic block: n8n would evaluate two expressions for every request.
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		requestOptions.auth = { username: String(credentials.username), password: String(credentials.password) };
		return requestOptions;
	}

	// Listing transfers for a day long past is read-only and proves the username and password.
	test: ICredentialTestRequest = {
		request: {
			baseURL:
				"={{ $credentials.environment === 'custom' ? $credentials.baseUrl : ($credentials.environment === 'staging' ? 'https://stg.ezeewallet.com/api' : 'https://ezeewallet.com/api') }}",
			url: '/transfers',
			qs: { start_date: '2000-01-01T00:00:00Z', end_date: '2000-01-02T00:00:00Z' },
		},
	};
}
