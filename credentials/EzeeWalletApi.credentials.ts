import type {
	ICredentialDataDecryptedObject,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

/**
 * eZeeWallet's base URLs, from the reference's "Endpoint paths" section (API 1.3.7): the one place they
 * are written. The transport builds every request URL with `ezeeWalletBaseUrl`, and the credential test's
 * `baseURL` below is built from the same constant.
 */
export const EZEEWALLET_BASE_URLS = {
	production: 'https://ezeewallet.com/api',
	staging: 'https://stg.ezeewallet.com/api',
} as const;

/** The base URL of the credential's environment (or its Custom URL). */
export function ezeeWalletBaseUrl(credentials: ICredentialDataDecryptedObject): string {
	const environment = credentials.environment as string;
	if (environment === 'custom') return String(credentials.baseUrl ?? '');
	return EZEEWALLET_BASE_URLS[environment as keyof typeof EZEEWALLET_BASE_URLS] ?? EZEEWALLET_BASE_URLS.production;
}

export class EzeeWalletApi implements ICredentialType {
	name = 'ezeeWalletApi';

	displayName = 'eZeeWallet API';

	icon: Icon = {
		light: 'file:../nodes/EzeeWallet/ezeewallet.svg',
		dark: 'file:../nodes/EzeeWallet/ezeewallet.dark.svg',
	};

	documentationUrl = 'https://github.com/n8n-nodes-paysuite/n8n-nodes-paysuite/blob/main/docs/ezeewallet.md';

	properties: INodeProperties[] = [
		{
			displayName: 'Environment',
			name: 'environment',
			type: 'options',
			options: [
				{ name: 'Production', value: 'production', description: EZEEWALLET_BASE_URLS.production },
				{
					name: 'Staging (Sandbox)',
					value: 'staging',
					description: `eZeeWallet's test environment, ${EZEEWALLET_BASE_URLS.staging}: no real money moves`,
				},
				{ name: 'Custom URL', value: 'custom', description: 'Another base URL, for example the local sandbox' },
			],
			default: 'production',
			description: 'Which eZeeWallet environment the API username and password belong to',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			placeholder: 'http://127.0.0.1:4010/ezeewallet/api',
			required: true,
			displayOptions: { show: { environment: ['custom'] } },
			description: 'The API base URL, up to and including /api',
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
			description: "The API password from the 'Merchant API Details' tab",
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

	// Listing transfers of a day long past ("ListTransfers") is a read: it changes nothing at eZeeWallet
	// and proves the username and password.
	test: ICredentialTestRequest = {
		request: {
			baseURL: `={{ $credentials.environment === 'custom' ? $credentials.baseUrl : ($credentials.environment === 'staging' ? '${EZEEWALLET_BASE_URLS.staging}' : '${EZEEWALLET_BASE_URLS.production}') }}`,
			url: '/transfers',
			qs: { start_date: '2000-01-01T00:00:00Z', end_date: '2000-01-02T00:00:00Z' },
		},
	};
}
