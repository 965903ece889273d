import type { ICredentialDataDecryptedObject, IDataObject, IWebhookFunctions } from 'n8n-workflow';

import type { LookupBudget } from '../shared/webhook';
import { ezeeWalletApi, ezeeWalletBaseUrl, parseEzeeWalletError } from './transport';

/** The trigger's confirmation lookup may take this long before the notification is answered 503. */
export const LOOKUP_TIMEOUT_MS = 10_000;

export type LookupResult =
	| { ok: true; record: IDataObject }
	/** retryable: eZeeWallet could not answer (the notification is answered 503, eZeeWallet sends it again). */
	| { ok: false; retryable: boolean; reason: string };

/**
 * Transaction → Get (GET /transaction) for the trigger: what eZeeWallet's own records say about a
 * notified transaction, authenticated with the credential.
 *
 * A `read` (EZEEWALLET_CALLS.getTransaction), but sent once per take from the request's LookupBudget:
 * the shared request path retries reads up to four times, which one incoming request must not cause
 * (the lookup budget counts every call). A failure that may pass (network, timeout, 429, 5xx, the
 * credential refused) is retryable: the notification is answered 503 and eZeeWallet delivers it again.
 */
export async function lookupTransaction(
	this: IWebhookFunctions,
	credentials: ICredentialDataDecryptedObject,
	qs: IDataObject,
	budget: LookupBudget,
): Promise<LookupResult> {
	if (!budget.take()) return { ok: false, retryable: true, reason: 'lookup budget spent' };
	const url = `${ezeeWalletBaseUrl(credentials).replace(/\/+$/, '')}/transaction`;
	let response: { statusCode: number; body: unknown };
	try {
		const sending = this.helpers.httpRequestWithAuthentication.call(
			this,
			ezeeWalletApi.credentialType,
			{
				method: 'GET',
				url,
				qs,
				headers: { 'Content-Type': 'application/json' },
				json: true,
				returnFullResponse: true,
				ignoreHttpStatusErrors: true,
				timeout: LOOKUP_TIMEOUT_MS,
			},
			{ credentialsDecrypted: { id: '', name: ezeeWalletApi.credentialType, type: ezeeWalletApi.credentialType, data: credentials } },
		) as Promise<{ statusCode: number; body: unknown }>;
		// an overall deadline: n8n's own timeout is an idle timeout
		const signal = AbortSignal.timeout(LOOKUP_TIMEOUT_MS);
		const deadline = new Promise<never>((_resolve, reject) =>
			signal.addEventListener('abort', () => reject(new Error('no answer in time')), { once: true }),
		);
		response = await Promise.race([sending, deadline]);
	} catch {
		return { ok: false, retryable: true, reason: 'eZeeWallet could not be reached' };
	}
	let body = response.body;
	if (Buffer.isBuffer(body)) body = body.toString('utf8');
	if (typeof body === 'string') {
		try {
			body = JSON.parse(body) as unknown;
		} catch {
			return { ok: false, retryable: true, reason: `eZeeWallet answered HTTP ${response.statusCode} with something that is not JSON` };
		}
	}
	const { statusCode } = response;
	if (statusCode === 429 || statusCode >= 500 || statusCode === 401 || statusCode === 403) {
		// eZeeWallet is busy or failing, or our credential was refused: nothing is known about the transaction yet
		return { ok: false, retryable: true, reason: `eZeeWallet answered HTTP ${statusCode}` };
	}
	const refused = parseEzeeWalletError(statusCode, body);
	if (refused || statusCode >= 400) {
		return { ok: false, retryable: false, reason: refused?.message ?? `eZeeWallet answered HTTP ${statusCode}` };
	}
	if (!body || typeof body !== 'object' || Array.isArray(body)) {
		return { ok: false, retryable: true, reason: 'eZeeWallet answered without a transaction' };
	}
	return { ok: true, record: body as IDataObject };
}
