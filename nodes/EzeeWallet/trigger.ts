import type { ICredentialDataDecryptedObject, IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { moneyOf } from '../shared/output';
import { redactFields } from '../shared/redact';
import { asText } from '../shared/validation';
import {
	acknowledge,
	getBodyFields,
	ignoresRepeats,
	LookupBudget,
	parseIpList,
	refuseLargeBody,
	reject,
	rememberEvent,
	senderIp,
} from '../shared/webhook';
import { verifyEzeeWalletSignature } from './signature';
import { EZEEWALLET_CALLS, ezeeWalletRequest } from './transport';

// Reference (eZeeWallet API 1.3.7): "Notifications" (what eZeeWallet posts to the notification_url of a
// transfer, refund or payout, signed with SHA-1 of the id and the API username; the echo it expects back),
// "Whitelist below IPs" and "List Transactions" (the confirmation lookup).

/** Notification sender addresses from the reference ("Whitelist below IPs"). */
export const EZEEWALLET_NOTIFICATION_IPS = ['80.82.206.228', '5.179.225.28', '34.251.52.23', '52.16.175.123'];

/** A string or number field as text, or undefined when absent or of another type. */
const optionalText = (value: unknown): string | undefined =>
	typeof value === 'string' || typeof value === 'number' ? asText(value) : undefined;

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
		({ body } = await ezeeWalletRequest.call(this, EZEEWALLET_CALLS.getTransaction, {
			method: 'GET',
			path: '/transaction',
			qs,
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

/**
 * One notification: size, sender, shape, signature and id binding, then one authenticated lookup
 * (Transaction → Get), the comparison with eZeeWallet's record, the event and status filters, and the
 * repeat key (signed id plus confirmed status). Answers eZeeWallet with the echo it expects.
 */
export async function handleNotification(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	// cheap checks first: size, sender, shape, signature; only then one authenticated lookup
	const tooLarge = refuseLargeBody(this);
	if (tooLarge) return tooLarge;
	const options = this.getNodeParameter('options', {}) as IDataObject;
	if (options.checkSenderIp === true) {
		const allowed = parseIpList((options.allowedIps as string) ?? EZEEWALLET_NOTIFICATION_IPS.join(','));
		const ip = senderIp(this, Number(options.trustedProxies ?? 0));
		if (!allowed.includes(ip)) return reject(this, 403, 'sender not allowed');
	}

	const fields = getBodyFields(this);
	const transactionId = optionalText(fields.transaction_id);
	const uniqueId = optionalText(fields.unique_id);
	const signature = optionalText(fields.signature);
	if (!signature || (!transactionId && !uniqueId)) return reject(this, 401, 'missing signature');

	const credentials = await this.getCredentials('ezeeWalletApi');
	const id = verifyEzeeWalletSignature([transactionId, uniqueId], signature, String(credentials.username ?? ''));
	if (!id) return reject(this, 401, 'invalid signature');
	// The signature covers this one id. Transfer and refund notifications name it transaction_id, payout
	// notifications unique_id; a second, different id beside it is not covered and is refused, so no
	// item ever reports an id the signature was not made for.
	const signedField = id === transactionId ? 'transaction_id' : 'unique_id';
	const otherId = signedField === 'transaction_id' ? uniqueId : transactionId;
	if (otherId !== undefined && otherId !== id) {
		return reject(this, 401, `the signature covers ${signedField} only, not the other id this notification names`);
	}
	const kind = signedField === 'transaction_id' ? 'transfer' : 'payout';
	const notifiedStatus = optionalText(fields.status);
	const notification: IDataObject = redactFields({ ...fields });
	delete notification.signature;

	let item: IDataObject;
	let repeatKey: string;
	if (options.skipLookup === true) {
		// only the id is verified; the status is the notification's own, unsigned
		item = { id, [signedField]: id, kind, status: notifiedStatus ?? '', verification: 'signature' };
		repeatKey = `${signedField}:${id}`;
	} else {
		const qs: IDataObject = { [signedField]: id };
		const notifiedReference = optionalText(fields.ezw_reference_id);
		if (notifiedReference) qs.ezw_reference_id = notifiedReference;
		const looked = await lookupTransaction.call(this, credentials, qs, new LookupBudget());
		if (!looked.ok) {
			if (looked.retryable) return reject(this, 503, `could not confirm the transaction with eZeeWallet (${looked.reason})`);
			return reject(this, 403, 'eZeeWallet does not confirm this transaction');
		}
		const record = redactFields(looked.record);
		// the record must be the signed transaction: it names the signed id itself
		const recordId = optionalText(
			signedField === 'transaction_id' ? (record.merchant_transaction_id ?? record.transaction_id) : record.unique_id,
		);
		if (recordId !== id) return reject(this, 403, 'eZeeWallet’s record is not the signed transaction');
		if (notifiedReference && optionalText(record.ezw_reference_id) !== notifiedReference) {
			return reject(this, 403, 'eZeeWallet’s record is not the notified transaction');
		}
		const status = optionalText(record.status);
		if (!status) return reject(this, 503, 'eZeeWallet answered without a status');
		if (notifiedStatus !== undefined && notifiedStatus !== status) {
			// not final yet at eZeeWallet: ask for the notification again later
			if (status === 'pending') return reject(this, 503, 'eZeeWallet has not settled this transaction yet');
			return reject(this, 409, `the notification says "${notifiedStatus}" but eZeeWallet's record says "${status}"`);
		}
		item = {
			id,
			[signedField]: id,
			kind,
			status,
			verification: 'signature+lookup',
		};
		for (const field of ['type', 'amount', 'currency', 'ezw_reference_id', 'merchant_reference'] as const) {
			if (record[field] !== undefined && record[field] !== null) item[field] = record[field];
		}
		// the confirmed amount (minor units) also in major units
		const money = moneyOf(record.amount, record.currency, 'minor');
		if (money) item.money = money;
		repeatKey = `${signedField}:${id}:${status}`;
	}

	// NotificationEcho: eZeeWallet expects the notified id back, also for repeats and filtered statuses.
	const echo = { unique_id: id };
	const events = this.getNodeParameter('events', []) as string[];
	if (events.length > 0 && !events.includes(kind)) return acknowledge(this, echo);
	const statuses = this.getNodeParameter('statuses', []) as string[];
	if (statuses.length > 0 && !statuses.includes(String(item.status))) return acknowledge(this, echo);
	if (ignoresRepeats(options) && !rememberEvent(this, repeatKey)) return acknowledge(this, echo);

	return acknowledge(this, echo, [{ ...item, notification, receivedAt: new Date().toISOString() }]);
}
