import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	Icon,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

/** Production base URL from the reference ("BASE URL"). */
export const KAZAWALLET_PRODUCTION_URL = 'https://outdoor.kasroad.com/wallet';

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
				{ name: 'Production', value: 'production', description: KAZAWALLET_PRODUCTION_URL },
				{ name: 'Custom URL', value: 'custom', description: 'For example the local sandbox' },
			],
			default: 'production',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			placeholder: 'http://127.0.0.1:4010/kazawallet',
			required: true,
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

	// Reading the merchant wallets needs all three values, so a wrong key, secret or email fails.
	test: ICredentialTestRequest = {
		request: {
			baseURL: `={{ $credentials.environment === 'custom' ? $credentials.baseUrl : '${KAZAWALLET_PRODUCTION_URL}' }}`,
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
