import type {
	ICredentialDataDecryptedObject,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { authenticateKashaRequest } from '../nodes/Kasha/signature';

/**
 * ASSUMED base URLs: the exported Kasha v2 reference does not show them. They live only here; a
 * merchant whose onboarding pack says otherwise picks "Custom URL" and pastes the right one.
 */
export const KASHA_BASE_URLS = {
	production: 'https://api.kasha.tech',
	sandbox: 'https://api-sandbox.kasha.tech',
} as const;

/** The base URL of the credential's environment (the Custom URL as given): the transport's and the test's. */
export function kashaBaseUrl(credentials: ICredentialDataDecryptedObject): string {
	const environment = credentials.environment as string;
	if (environment === 'custom') return String(credentials.baseUrl ?? '');
	return KASHA_BASE_URLS[environment as keyof typeof KASHA_BASE_URLS] ?? KASHA_BASE_URLS.production;
}

/** The same choice as an expression, for the credential test's baseURL (built from KASHA_BASE_URLS). */
const BASE_URL_EXPRESSION = `={{ $credentials.environment === 'custom' ? $credentials.baseUrl : ($credentials.environment === 'sandbox' ? '${KASHA_BASE_URLS.sandbox}' : '${KASHA_BASE_URLS.production}') }}`;

/**
 * The credential test looks up a transaction that cannot exist (the nil UUID) with "Get Transaction
 * status" (GET /v2/payments/{transactionId}; the reference documents its 200 and 404 answers). Kasha
 * documents no read that needs no ID, and every other call opens a session: this one changes nothing.
 */
export const KASHA_TEST_TRANSACTION_ID = '00000000-0000-0000-0000-000000000000';

/** ASSUMED API-key header name (not shown in the reference); the credential can override it. */
export const KASHA_DEFAULT_API_KEY_HEADER = 'x-api-key';

export class KashaApi implements ICredentialType {
	name = 'kashaApi';

	displayName = 'Kasha API';

	icon: Icon = {
		light: 'file:../nodes/Kasha/kasha.svg',
		dark: 'file:../nodes/Kasha/kasha.dark.svg',
	};

	documentationUrl = 'https://github.com/n8n-nodes-paysuite/n8n-nodes-paysuite/blob/main/docs/kasha.md';

	properties: INodeProperties[] = [
		{
			displayName: 'Environment',
			name: 'environment',
			type: 'options',
			options: [
				{
					name: 'Production',
					value: 'production',
					description: `${KASHA_BASE_URLS.production} (assumed: check your onboarding pack)`,
				},
				{
					name: 'Sandbox',
					value: 'sandbox',
					description: `${KASHA_BASE_URLS.sandbox} (assumed: check your onboarding pack)`,
				},
				{
					name: 'Custom URL',
					value: 'custom',
					description: 'The base URL from your onboarding pack, or the local sandbox',
				},
			],
			default: 'production',
			description:
				'The Kasha reference does not publish its base URLs; the two listed are assumptions. Choose Custom URL to use the exact URL Kasha gave you.',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			placeholder: 'http://127.0.0.1:4010/kasha',
			required: true,
			description: 'Without the /v2 part: the node adds /v2/payment-options and the other paths',
			displayOptions: { show: { environment: ['custom'] } },
		},
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The merchant API key from the Kasha merchant portal',
		},
		{
			displayName: 'API Key Header',
			name: 'headerName',
			type: 'string',
			default: KASHA_DEFAULT_API_KEY_HEADER,
			required: true,
			description:
				'Name of the HTTP header that carries the API key. The reference only says "along with the merchant API key": x-api-key is an assumption, change it to what your onboarding pack says (e.g. Authorization).',
		},
		{
			displayName: 'API Key Prefix',
			name: 'valuePrefix',
			type: 'string',
			default: '',
			placeholder: 'Bearer ',
			description:
				'Optional text put before the key in the header, e.g. "Bearer " when the header is Authorization. Empty by default.',
		},
		{
			displayName: 'Signature Secret Key',
			name: 'signatureSecretKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'Optional. The signature secret key Kasha support gives you. With it, every request is signed (x-signature header) and the Kasha Trigger accepts only notifications with a valid x-signature. Without it, notifications are unverified until the key is set (only the lookup with Kasha protects them).',
		},
	];

	/**
	 * The API key header (name and prefix from this credential) and, when a signature secret key is set,
	 * Kasha's x-signature over the exact body sent (nodes/Kasha/signature.ts): every request, the
	 * credential test included, is signed in this one place.
	 */
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		return authenticateKashaRequest(credentials, requestOptions);
	}

	// A read that changes nothing (KASHA_TEST_TRANSACTION_ID): "not found" (404) means Kasha took the API key
	// (and the signature, when a key is set) and has no such transaction, so HTTP errors are read from the
	// answer instead of failing the test: a refused key (401/403, Kasha's statusCode in the body) fails it.
	test: ICredentialTestRequest = {
		request: {
			baseURL: BASE_URL_EXPRESSION,
			url: `/v2/payments/${KASHA_TEST_TRANSACTION_ID}`,
			method: 'GET',
			ignoreHttpStatusErrors: true,
		},
		rules: [
			...(['401', '403', 401, 403] as const).map((code) => ({
				type: 'responseSuccessBody' as const,
				properties: {
					key: 'statusCode',
					value: code,
					message: 'Kasha did not accept the API key (or the request signature): check the API key, the API Key Header and Prefix, and the Signature Secret Key',
				},
			})),
			...(['500', '502', '503', 500, 502, 503] as const).map((code) => ({
				type: 'responseSuccessBody' as const,
				properties: { key: 'statusCode', value: code, message: `Kasha answered with an error (${code}); try again later` },
			})),
		],
	};
}
