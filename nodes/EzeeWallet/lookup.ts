import type { ICredentialDataDecryptedObject, IDataObject, IWebhookFunctions } from 'n8n-workflow';

import type { LookupBudget } from '../shared/webhook';
import { EZEEWALLET_CALLS, ezeeWalletRequest } from './transport';

/** The trigger's confirmation lookup may take this long before the notification is answered 503. */
export const LOOKUP_TIMEOUT_MS = 10_000;

export type LookupResult =
	| { ok: true; record: IDataObject }
	/** retryable: eZeeWallet could not answer (the notification is answered 503, eZeeWallet sends it again). */
	| { ok: false; retryable: boolean; reason: string };

/**
 * Transaction → Get (GET /transaction) for the trigger: what eZeeWallet's own records say about a
 * notified transaction, authenticated with the credential, through the shared request path (inside a
 * webhook it sends a read once, with an overall deadline). One call per take from the request's
 * LookupBudget. A failure that may pass (network, timeout, 429, 5xx, the credential refused) is
 * retryable: the notification is answered 503 and eZeeWallet delivers it again.
 */
export async function lookupTransaction(
	this: IWebhookFunctions,
	credentials: ICredentialDataDecryptedObject,
	qs: IDataObject,
	budget: LookupBudget,
): Promise<LookupResult> {
	if (!budget.take()) return { ok: false, retryable: true, reason: 'lookup budget spent' };
	let body: unknown;
	try {
		({ body } = await ezeeWalletRequest.call(this, {
			method: 'GET',
			path: '/transaction',
			qs,
			kind: EZEEWALLET_CALLS.getTransaction,
			credentials,
			timeoutMs: LOOKUP_TIMEOUT_MS,
		}));
	} catch (error) {
		const httpCode = Number((error as { httpCode?: string | null }).httpCode);
		// eZeeWallet unreachable, busy or failing, or our credential refused: nothing is known yet
		if (!httpCode || httpCode === 429 || httpCode >= 500 || httpCode === 401 || httpCode === 403 || httpCode < 400) {
			return { ok: false, retryable: true, reason: (error as Error).message };
		}
		return { ok: false, retryable: false, reason: (error as Error).message };
	}
	if (!body || typeof body !== 'object' || Array.isArray(body)) {
		return { ok: false, retryable: true, reason: 'eZeeWallet answered without a transaction' };
	}
	return { ok: true, record: body as IDataObject };
}
