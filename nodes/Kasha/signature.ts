import { createHmac } from 'crypto';
import type { ICredentialDataDecryptedObject, IHttpRequestOptions } from 'n8n-workflow';

/**
 * Kasha's signature (https://docs.kasha.io/docs/documentation/Signatures/):
 *
 *   x-signature = Base64( HMAC-SHA256( key = merchant signature secret key (UTF-8),
 *                                      message = the request's payload body ) )
 *
 * The same scheme signs both directions: Kasha signs the notifications it sends (webhooks), and the
 * merchant signs the requests it sends to the API ("not forced", but recommended). The key comes from
 * Kasha support / the account manager and is the credential's "Signature Secret Key".
 *
 * What "the payload body" is: for our requests, the exact bytes sent (the body is serialised here,
 * once, and that string is what goes on the wire). For notifications, the raw body as received; Kasha's
 * own Node example hashes `JSON.stringify(payload)` of the parsed body, so a signature over that
 * re-serialised JSON is accepted too (see `kashaSignatureMatches`).
 */
export const KASHA_SIGNATURE_HEADER = 'x-signature';

/** Base64 HMAC-SHA256 of `body` with `key`. */
export function kashaSignature(key: string, body: string | Buffer): string {
	return createHmac('sha256', Buffer.from(key, 'utf8')).update(body).digest('base64');
}

/** The signature secret key of a Kasha credential, or undefined when none is set. */
export function signatureKeyOf(credentials: ICredentialDataDecryptedObject): string | undefined {
	const key = typeof credentials.signatureSecretKey === 'string' ? credentials.signatureSecretKey.trim() : '';
	return key ? key : undefined;
}

/**
 * The texts a notification signature may have been computed over: the raw body, and (when the body is
 * JSON) the body re-serialised the way Kasha's example does it, `JSON.stringify(JSON.parse(raw))`.
 * Both bind exactly the fields the trigger reads.
 */
export function signedTexts(raw: Buffer): Buffer[] {
	const texts = [raw];
	const text = raw.toString('utf8').trim();
	if (text.startsWith('{') || text.startsWith('[')) {
		try {
			const reserialised = Buffer.from(JSON.stringify(JSON.parse(text)), 'utf8');
			if (!reserialised.equals(raw)) texts.push(reserialised);
		} catch {
			// not JSON: only the raw body can have been signed
		}
	}
	return texts;
}

/**
 * The request options with the API key header and, when the credential has a signature key, the body
 * serialised once to a JSON string and signed: `x-signature` is computed over exactly the bytes n8n
 * sends (a string body goes out unchanged). A request without a body is signed over the empty string.
 */
export function authenticateKashaRequest(
	credentials: ICredentialDataDecryptedObject,
	requestOptions: IHttpRequestOptions,
): IHttpRequestOptions {
	const headerName = String(credentials.headerName || 'x-api-key');
	const prefix = typeof credentials.valuePrefix === 'string' ? credentials.valuePrefix : '';
	const headers: Record<string, string> = { ...((requestOptions.headers ?? {}) as Record<string, string>) };
	headers[headerName] = `${prefix}${String(credentials.apiKey ?? '')}`;
	const options: IHttpRequestOptions = { ...requestOptions, headers };
	const key = signatureKeyOf(credentials);
	if (!key) return options;

	const body = requestOptions.body as unknown;
	const method = String(requestOptions.method ?? 'GET').toUpperCase();
	let sent: string | Buffer;
	if (method === 'GET' || method === 'HEAD' || body === undefined || body === null || body === '') {
		// n8n sends no body with these: the signed payload is empty
		sent = '';
		delete options.body;
	} else if (typeof body === 'string' || Buffer.isBuffer(body)) {
		sent = body;
	} else if (body instanceof URLSearchParams) {
		sent = body.toString();
		options.body = sent;
		const hasType = Object.keys(headers).some((name) => name.toLowerCase() === 'content-type');
		if (!hasType) headers['Content-Type'] = 'application/x-www-form-urlencoded';
	} else {
		// serialised here, once: the string signed is the string sent
		sent = JSON.stringify(body);
		options.body = sent;
		const hasType = Object.keys(headers).some((name) => name.toLowerCase() === 'content-type');
		if (!hasType) headers['Content-Type'] = 'application/json';
	}
	headers[KASHA_SIGNATURE_HEADER] = kashaSignature(key, sent);
	return options;
}
