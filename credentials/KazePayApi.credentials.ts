import type {
	ICredentialDataDecryptedObject,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { sealKazePayRequest } from '../nodes/KazePay/sealing';

/**
 * KazePay's endpoint URLs. The reference ("Physical Card APIs") publishes none: KazePay hands the
 * production endpoint (and any test endpoint) to each merchant at onboarding, so there is no URL to
 * write here and no public sandbox. The Production environment therefore reads the Endpoint URL field,
 * and Custom URL is for a test endpoint from KazePay or the local sandbox.
 */
export const KAZEPAY_BASE_URLS: { production?: string; sandbox?: string } = {};

/** The endpoint URL of the credential's environment (old credentials without an environment are Production). */
export function kazePayBaseUrl(credentials: ICredentialDataDecryptedObject): string {
	const environment = typeof credentials.environment === 'string' ? credentials.environment : 'production';
	const url = environment === 'custom' ? credentials.customUrl : (KAZEPAY_BASE_URLS.production ?? credentials.endpointUrl);
	return typeof url === 'string' ? url.trim() : '';
}

/**
 * KazePay physical cards. Every call is a POST of a signed, encrypted envelope to one endpoint URL;
 * the envelope is built here, in `authenticate`, so n8n's own request path (and the credential test)
 * sends it. The algorithm choices must match what KazePay gave the merchant at onboarding.
 */
export class KazePayApi implements ICredentialType {
	name = 'kazePayApi';

	displayName = 'KazePay API';

	icon: Icon = {
		light: 'file:../nodes/KazePay/kazepay.svg',
		dark: 'file:../nodes/KazePay/kazepay.dark.svg',
	};

	documentationUrl = 'https://github.com/n8n-nodes-paysuite/n8n-nodes-paysuite/blob/main/docs/kazepay.md';

	properties: INodeProperties[] = [
		{
			displayName: 'Environment',
			name: 'environment',
			type: 'options',
			options: [
				{
					name: 'Production',
					value: 'production',
					description: 'The endpoint URL KazePay gave you at onboarding (KazePay publishes no URL)',
				},
				{
					name: 'Custom URL',
					value: 'custom',
					description: 'A test endpoint KazePay gave you, or the local sandbox',
				},
			],
			default: 'production',
			description: 'Where the calls go. KazePay publishes no endpoint URL and no public sandbox: both come from onboarding.',
		},
		{
			displayName: 'Endpoint URL',
			name: 'endpointUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'https://api.kazepay.example/ucard/gateway',
			description:
				'The production URL KazePay gave you at onboarding (it is not public). Every call is a POST to this one URL.',
			displayOptions: { show: { environment: ['production'] } },
		},
		{
			displayName: 'Custom URL',
			name: 'customUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'http://127.0.0.1:4010/kazepay/gateway',
			description: 'The endpoint to call instead: a test endpoint from KazePay, or the local sandbox (http://127.0.0.1:4010/kazepay/gateway)',
			displayOptions: { show: { environment: ['custom'] } },
		},
		{
			displayName: 'System ID (sysId)',
			name: 'sysId',
			type: 'string',
			default: '',
			required: true,
			placeholder: '202402271432298822660001',
			description: 'Your merchant system ID, sent in every request head',
		},
		{
			displayName: 'Merchant Private Key',
			name: 'merchantPrivateKey',
			type: 'string',
			typeOptions: { password: true, rows: 5 },
			default: '',
			required: true,
			placeholder: '-----BEGIN PRIVATE KEY-----\n…\n-----END PRIVATE KEY-----',
			description:
				'Your RSA private key (PEM, or Base64 without the PEM lines). It signs requests and decrypts responses and webhooks; KazePay holds the matching public key.',
		},
		{
			displayName: 'Platform Public Key',
			name: 'platformPublicKey',
			type: 'string',
			typeOptions: { rows: 5 },
			default: '',
			required: true,
			placeholder: '-----BEGIN PUBLIC KEY-----\n…\n-----END PUBLIC KEY-----',
			description:
				"KazePay's RSA public key (PEM, or Base64 without the PEM lines). It encrypts the session key of requests and verifies the signature of responses and webhooks.",
		},
		{
			displayName:
				'The settings below must match the algorithms KazePay gave you at onboarding. The defaults are a common choice; change them only to match your onboarding documents',
			name: 'algorithmNotice',
			type: 'notice',
			default: '',
		},
		{
			displayName: 'Body Cipher',
			name: 'cipher',
			type: 'options',
			options: [
				{ name: 'AES-128-CBC', value: 'aes-128-cbc', description: '16-byte key; 16-byte random IV before the ciphertext' },
				{ name: 'AES-128-ECB', value: 'aes-128-ecb', description: '16-byte key; no IV' },
				{ name: 'AES-128-GCM', value: 'aes-128-gcm', description: '16-byte key; 12-byte IV before, 16-byte tag after the ciphertext' },
				{ name: 'AES-256-CBC', value: 'aes-256-cbc', description: '32-byte key; 16-byte random IV before the ciphertext' },
				{ name: 'AES-256-ECB', value: 'aes-256-ecb', description: '32-byte key; no IV' },
				{ name: 'AES-256-GCM', value: 'aes-256-gcm', description: '32-byte key; 12-byte IV before, 16-byte tag after the ciphertext' },
			],
			default: 'aes-256-gcm',
			description: 'Symmetric cipher of body.encrypt, with a fresh random session key per message',
		},
		{
			displayName: 'Session Key RSA Padding',
			name: 'keyPadding',
			type: 'options',
			options: [
				{ name: 'OAEP (SHA-256)', value: 'oaep-sha256' },
				{ name: 'OAEP (SHA-1)', value: 'oaep-sha1', description: 'Java "RSA/ECB/OAEPWithSHA-1AndMGF1Padding"' },
				{ name: 'PKCS#1 v1.5', value: 'pkcs1', description: 'Java "RSA/ECB/PKCS1Padding"' },
			],
			default: 'oaep-sha256',
			description: 'How the session key is RSA-encrypted into head.keyEnc',
		},
		{
			displayName: 'Signature Hash',
			name: 'signHash',
			type: 'options',
			options: [
				{ name: 'SHA-256 (SHA256withRSA)', value: 'sha256' },
				{ name: 'SHA-1 (SHA1withRSA)', value: 'sha1' },
			],
			default: 'sha256',
			description: 'Hash of the RSA signature (head.sign) over the plaintext JSON',
		},
		{
			displayName: 'Signature Encoding',
			name: 'signEncoding',
			type: 'options',
			options: [
				{ name: 'Hex', value: 'hex' },
				{ name: 'Base64', value: 'base64' },
			],
			default: 'hex',
			description: 'Text encoding of head.sign (the reference examples look like hex)',
		},
		{
			displayName: 'Encrypted Key Encoding',
			name: 'keyEncEncoding',
			type: 'options',
			options: [
				{ name: 'Hex', value: 'hex' },
				{ name: 'Base64', value: 'base64' },
			],
			default: 'hex',
			description: 'Text encoding of head.keyEnc (the reference examples look like hex)',
		},
		{
			displayName: 'Body Encoding',
			name: 'encryptEncoding',
			type: 'options',
			options: [
				{ name: 'Base64', value: 'base64' },
				{ name: 'Hex', value: 'hex' },
			],
			default: 'base64',
			description: 'Text encoding of body.encrypt (the reference examples are Base64)',
		},
	];

	/** Turns the outgoing `{ apiCode, plaintext }` into the signed, encrypted envelope. */
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		return sealKazePayRequest(credentials, requestOptions);
	}

	// Reading the registered webhook URL changes nothing and proves the sysId and the merchant key.
	test: ICredentialTestRequest = {
		request: {
			method: 'POST',
			// the same choice as kazePayBaseUrl (KAZEPAY_BASE_URLS has no public URL to put first)
			url: `={{ $credentials.environment === 'custom' ? $credentials.customUrl : (${JSON.stringify(KAZEPAY_BASE_URLS.production ?? '')} || $credentials.endpointUrl) }}`,
			body: { apiCode: 'getWebhookUrl', plaintext: '{}' },
		},
		rules: [
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'head.code',
					value: 'SIGN_ERROR',
					message: 'KazePay did not accept the signature: check the merchant private key and the algorithm settings',
				},
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'head.code',
					value: 'SYS_ID_ERROR',
					message: 'KazePay does not know this System ID',
				},
			},
		],
	};
}
