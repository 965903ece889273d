import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	Icon,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

/**
 * Base URLs (reference, "Base URL"). Kazawallet publishes one, production. Its reference lists payment
 * method ids for a "Development" environment too (section "Payment Methods") but no development URL: a
 * development account gets its URL from Kazawallet support, entered in Base URL.
 */
export const KAZAWALLET_BASE_URLS = { production: 'https://outdoor.kasroad.com/wallet' } as const;

/** Which environment's payment method ids apply (reference, "Payment Methods": one table per environment). */
export type KazawalletIdEnvironment = 'production' | 'development';

/** The base URL of the credential's environment: production's, or the Base URL entered. */
export function kazawalletBaseUrl(credentials: ICredentialDataDecryptedObject): string {
	const environment = credentials.environment ?? 'production';
	if (environment === 'production') return KAZAWALLET_BASE_URLS.production;
	return String(credentials.baseUrl ?? '');
}

/**
 * The environment whose payment method ids the credential uses: Production and Development by their
 * name; a Custom URL (the local sandbox, a proxy) by its Payment Method IDs choice (development unless set).
 */
export function kazawalletIdEnvironment(credentials: ICredentialDataDecryptedObject): KazawalletIdEnvironment {
	const environment = credentials.environment ?? 'production';
	if (environment === 'production') return 'production';
	if (environment === 'development') return 'development';
	return credentials.paymentMethodIds === 'production' ? 'production' : 'development';
}

/**
 * Endpoints that take the API key only (reference, "Authentication": "the payment-link endpoint only
 * needs the API key"). Every other endpoint gets x-api-key, x-api-secret and merchant-email. This list
 * is the ONE place that rule lives.
 */
export const KAZAWALLET_KEY_ONLY_PATHS = ['/createPaymentLink'];

export function isKeyOnlyUrl(url: string | undefined): boolean {
	const path = String(url ?? '').split('?')[0].replace(/\/+$/, '');
	return KAZAWALLET_KEY_ONLY_PATHS.some((keyOnly) => path.endsWith(keyOnly));
}

export class KazawalletApi implements ICredentialType {
	name = 'kazawalletApi';

	displayName = 'Kazawallet API';

	icon: Icon = {
		light: 'file:../nodes/Kazawallet/kazawallet.svg',
		dark: 'file:../nodes/Kazawallet/kazawallet.dark.svg',
	};

	documentationUrl = 'https://github.com/n8n-nodes-paysuite/n8n-nodes-paysuite/blob/main/docs/kazawallet.md';

	properties: INodeProperties[] = [
		{
			displayName: 'Environment',
			name: 'environment',
			type: 'options',
			options: [
				{ name: 'Production', value: 'production', description: KAZAWALLET_BASE_URLS.production },
				{
					name: 'Development',
					value: 'development',
					description: 'Your Kazawallet development account: its URL comes from Kazawallet support (none is published)',
				},
				{ name: 'Custom URL', value: 'custom', description: 'Any other URL, for example the local sandbox' },
			],
			default: 'production',
			description:
				'Which Kazawallet to use. Payment method IDs differ between production and development, so dropdowns show only the IDs of this environment.',
		},
		{
			displayName: 'Kazawallet publishes no development URL: ask Kazawallet support for the one of your development account',
			name: 'developmentNotice',
			type: 'notice',
			default: '',
			displayOptions: { show: { environment: ['development'] } },
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			placeholder: 'http://127.0.0.1:4010/kazawallet',
			required: true,
			description: 'The URL every request path is added to, without a final slash',
			displayOptions: { show: { environment: ['development', 'custom'] } },
		},
		{
			displayName: 'Payment Method IDs',
			name: 'paymentMethodIds',
			type: 'options',
			options: [
				{ name: 'Development', value: 'development', description: 'USDT-TRC20 is 15, USDT-BEP20 is 13' },
				{ name: 'Production', value: 'production', description: 'USDT-TRC20 is 118, USDT-ERC20 116, USDT-SOL 117, USDT-BEP20 115' },
			],
			default: 'development',
			description: 'Which environment this URL behaves like, for the payment method dropdown',
			displayOptions: { show: { environment: ['custom'] } },
		},
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'Sent as x-api-key. It is also part of the payment-link webhook signature.',
		},
		{
			displayName: 'API Secret',
			name: 'apiSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'Sent as x-api-secret (request it from Kazawallet support). It also verifies payment-link webhooks.',
		},
		{
			displayName: 'Merchant Email',
			name: 'merchantEmail',
			type: 'string',
			placeholder: 'name@email.com',
			default: '',
			required: true,
			description: 'The email of your Kazawallet merchant account, sent as merchant-email',
		},
	];

	// The payment-link endpoint gets the API key only; every other endpoint all three headers.
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const headers: Record<string, string> = {
			...((requestOptions.headers as Record<string, string> | undefined) ?? {}),
			'x-api-key': String(credentials.apiKey ?? ''),
		};
		if (!isKeyOnlyUrl(requestOptions.url)) {
			headers['x-api-secret'] = String(credentials.apiSecret ?? '');
			headers['merchant-email'] = String(credentials.merchantEmail ?? '');
		}
		return { ...requestOptions, headers };
	}

	// A read (the merchant wallets), which changes nothing at Kazawallet and needs all three values, so a
	// wrong key, secret or email fails.
	test: ICredentialTestRequest = {
		request: {
			baseURL: `={{ $credentials.environment === 'development' || $credentials.environment === 'custom' ? $credentials.baseUrl : '${KAZAWALLET_BASE_URLS.production}' }}`,
			url: '/get-merchant-wallets',
		},
		rules: [
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'success',
					value: false,
					message: 'Kazawallet refused the API key, API secret or merchant email',
				},
			},
		],
	};
}
