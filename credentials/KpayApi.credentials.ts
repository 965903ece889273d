import type {
	IAuthenticateGeneric,
	Icon,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IDataObject,
	IHttpRequestHelper,
	INodeProperties,
} from 'n8n-workflow';
import { ApplicationError } from 'n8n-workflow';

/**
 * KPAY's base URLs: the one place they are written (the transport and the credential test use them).
 * Production is the base URL independent KPAY integrations use (docs/kpay.md, "Base URL", assumed: the
 * reference gives paths only). KPAY documents no sandbox.
 */
export const KPAY_BASE_URLS = { production: 'https://kpay.website/api/v1' } as const;

/** The credential's base URL: Production, or the Custom URL (e.g. the local sandbox); no trailing "/". */
export function kpayBaseUrl(credentials: ICredentialDataDecryptedObject): string {
	const url = credentials.environment === 'custom' ? String(credentials.baseUrl ?? '') : KPAY_BASE_URLS.production;
	return url.trim().replace(/\/+$/, '');
}

/**
 * A refused login, shaped so the package's request path reports it as an authentication failure
 * (HTTP 401, nothing sent after it) instead of a network error, with KPAY's own words in `body`.
 */
function loginRefused(message: string, body?: unknown): Error {
	const error = new ApplicationError(`KPAY login failed: ${message}`, { level: 'warning' });
	return Object.assign(error, { httpCode: '401', body: body ?? { detail: message } });
}

function detailText(body: unknown): string | undefined {
	const detail = (body as { detail?: unknown } | undefined)?.detail;
	if (typeof detail === 'string') return detail;
	if (Array.isArray(detail)) return detail.map((entry) => (entry as IDataObject).msg).join('; ');
	return undefined;
}

export class KpayApi implements ICredentialType {
	name = 'kpayApi';

	displayName = 'KPAY API';

	icon: Icon = { light: 'file:../nodes/Kpay/kpay.svg', dark: 'file:../nodes/Kpay/kpay.dark.svg' };

	documentationUrl = 'https://github.com/n8n-nodes-paysuite/n8n-nodes-paysuite/blob/main/docs/kpay.md';

	properties: INodeProperties[] = [
		{
			displayName: 'Authentication',
			name: 'authMode',
			type: 'options',
			options: [
				{
					name: 'Mobile Number and Password',
					value: 'login',
					description: 'Logs in and keeps the access token; a new one is fetched when it expires',
				},
				{
					name: 'Shop API Key',
					value: 'apiKey',
					description: "A shop's API key, sent as the Bearer token",
				},
			],
			default: 'login',
			description: 'How n8n signs in to KPAY: the account (every operation) or one shop\'s API key (that shop\'s transactions and crypto payments)',
		},
		{
			displayName: 'Environment',
			name: 'environment',
			type: 'options',
			options: [
				{ name: 'Production', value: 'production', description: KPAY_BASE_URLS.production },
				{ name: 'Custom URL', value: 'custom', description: 'Another base URL, for example the local sandbox of this package' },
			],
			default: 'production',
			description:
				'KPAY publishes no sandbox: Production is the live service (real money). To try workflows without it, use Custom URL with the local sandbox of this package.',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			placeholder: 'http://127.0.0.1:4010/kpay/api/v1',
			required: true,
			description: 'The API base URL, up to and including /api/v1',
			displayOptions: { show: { environment: ['custom'] } },
		},
		{
			displayName: 'Mobile Number',
			name: 'mobile',
			type: 'string',
			default: '',
			placeholder: '09121234567',
			required: true,
			description: 'The mobile number of the KPAY account: 09 followed by 9 digits',
			displayOptions: { show: { authMode: ['login'] } },
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The password of the KPAY account',
			displayOptions: { show: { authMode: ['login'] } },
		},
		{
			displayName: 'Login Body Format',
			name: 'loginFormat',
			type: 'options',
			options: [
				{ name: 'Form (OAuth2 Password Style)', value: 'form' },
				{ name: 'JSON', value: 'json' },
			],
			default: 'form',
			description:
				'How POST /auth/login receives username and password. The reference does not say; its "username" field is the OAuth2 password-form convention, so form is the default.',
			displayOptions: { show: { authMode: ['login'] } },
		},
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: "The shop's API key (Shops → Create or Regenerate API Key)",
			displayOptions: { show: { authMode: ['apiKey'] } },
		},
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
	];

	/**
	 * Called by n8n when the access token is empty, and again after a request is refused with 401
	 * (then n8n repeats that request once). The token is stored in the credential, so every worker
	 * of a queue-mode setup uses it without any in-memory cache. KPAY publishes no refresh endpoint,
	 * so renewing means logging in again.
	 */
	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		if (credentials.authMode === 'apiKey') return {};
		const mobile = String(credentials.mobile ?? '').trim();
		const password = String(credentials.password ?? '');
		if (!/^09\d{9}$/.test(mobile)) {
			throw loginRefused('the mobile number in the credential must be 09 followed by 9 digits');
		}
		if (password.length < 6) throw loginRefused('the password in the credential must be at least 6 characters');
		const form = credentials.loginFormat !== 'json';
		const answer = (await this.helpers.httpRequest({
			method: 'POST',
			url: `${kpayBaseUrl(credentials)}/auth/login`,
			headers: {
				'Content-Type': form ? 'application/x-www-form-urlencoded' : 'application/json',
				Accept: 'application/json',
			},
			body: form ? new URLSearchParams({ username: mobile, password }).toString() : { username: mobile, password },
			json: !form,
			ignoreHttpStatusErrors: true,
			returnFullResponse: true,
		})) as unknown;
		const full = answer as { statusCode?: number; body?: unknown };
		let body = full && typeof full === 'object' && 'statusCode' in full ? full.body : answer;
		if (typeof body === 'string') {
			try {
				body = JSON.parse(body) as unknown;
			} catch {
				// not JSON: reported below
			}
		}
		const token = (body as IDataObject | undefined)?.access_token;
		if (typeof token !== 'string' || token === '') {
			throw loginRefused(detailText(body) ?? `unexpected answer (HTTP ${full?.statusCode ?? '?'})`, body);
		}
		return { accessToken: token };
	}

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				Authorization:
					"=Bearer {{ $credentials.authMode === 'apiKey' ? $credentials.apiKey : $credentials.accessToken }}",
			},
		},
	};

	/** A read (Get Current User); it changes nothing at KPAY. With mobile and password, n8n logs in first. */
	test: ICredentialTestRequest = {
		request: {
			baseURL: `={{ $credentials.environment === 'custom' ? $credentials.baseUrl : '${KPAY_BASE_URLS.production}' }}`,
			url: '/auth/me',
		},
	};
}
