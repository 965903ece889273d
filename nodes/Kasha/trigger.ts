import type { ICredentialDataDecryptedObject, IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { getRawBody, reject, safeEqual } from '../shared/webhook';
import { KASHA_SIGNATURE_HEADER, kashaSignature, signatureKeyOf, signedTexts } from './signature';
import { kashaRequest, KASHA_CALLS, textOf } from './transport';

// What the Kasha Trigger checks in a notification, apart from the node (a node file exports only its
// class): the signature (docs.kasha.io "Signatures"), the transaction ID, and the lookup with Kasha
// ("Get Transaction status") that confirms it.

/** Statuses a Kasha transaction can have (from the reference's samples and the payout flow). */
export const KASHA_STATUSES = ['COMPLETED', 'PENDING', 'PROCESSING', 'DECLINED', 'ERROR', 'REFUNDED', 'CANCELLED', 'EXPIRED'];

/**
 * The transaction ID in a notification, under every name the public docs use: `internalId` (the
 * predecessor API's notification, the transaction UUID), `transactionId` (Kasha's answers), and the
 * common spellings `transaction_id`, `result.transactionId`, `id`.
 */
export function notifiedId(fields: IDataObject): string | undefined {
	const result = fields.result && typeof fields.result === 'object' ? (fields.result as IDataObject) : {};
	return (
		textOf(fields.transactionId) ??
		textOf(fields.internalId) ??
		textOf(fields.transaction_id) ??
		textOf(result.transactionId) ??
		textOf(result.internalId) ??
		textOf(fields.id)
	);
}

/** How an emitted event was established (the package-wide `verification` field of trigger items). */
export type Verification = 'signature+lookup' | 'signature' | 'lookup' | 'none';

/**
 * Whether the notification carries a valid Kasha x-signature for `key`: Base64 HMAC-SHA256 over the
 * raw body, or over the body re-serialised as Kasha's example computes it (see ./signature.ts).
 * Every candidate is compared in constant time.
 */
export function hasValidSignature(received: string | undefined, raw: Buffer, key: string): boolean {
	if (!received) return false;
	let valid = false;
	for (const text of signedTexts(raw)) {
		if (safeEqual(received, kashaSignature(key, text))) valid = true;
	}
	return valid;
}

/**
 * With a signature key in the credential: undefined when the notification is signed with it, else the
 * 401 answer. Without a key: undefined (nothing to check; `signed` stays false).
 */
export function refuseUnsigned(context: IWebhookFunctions, credentials: ICredentialDataDecryptedObject): { signed: boolean; refused?: IWebhookResponseData } {
	const key = signatureKeyOf(credentials);
	if (!key) return { signed: false };
	const header = context.getHeaderData()[KASHA_SIGNATURE_HEADER] as string | string[] | undefined;
	const received = (Array.isArray(header) ? header[0] : header)?.trim();
	if (!received) return { signed: false, refused: reject(context, 401, 'the notification is not signed (no x-signature header)') };
	if (!hasValidSignature(received, getRawBody(context), key)) return { signed: false, refused: reject(context, 401, 'invalid x-signature') };
	return { signed: true };
}

/**
 * What a notified transaction ID may look like before it is looked up: Kasha's IDs are UUIDs. It must
 * start with a letter or digit, so "." and ".." (path segments that URL handling removes, which would
 * send the lookup to another URL) and anything with slashes, spaces or control characters are refused.
 */
export const NOTIFIED_ID = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,254}$/;

/** The ID Kasha's answer gives for the transaction it describes (the reference's sample has `id`). */
export function confirmedId(transaction: IDataObject): string | undefined {
	return textOf(transaction.id) ?? textOf(transaction._id) ?? textOf(transaction.transactionId);
}

/** Fields that, when the notification carries them, must match what Kasha reports for the transaction. */
const COMPARED_FIELDS: Array<[string, string]> = [
	['status', 'status'],
	['merchantReference', 'merchantReference'],
	['currency', 'currency'],
	['amount', 'paymentAmount'],
	['paymentAmount', 'paymentAmount'],
];

/** The first notified field that disagrees with Kasha's record of the transaction, or undefined. */
export function disagreement(notified: IDataObject, confirmed: IDataObject): string | undefined {
	for (const [notifiedKey, confirmedKey] of COMPARED_FIELDS) {
		const claimed = textOf(notified[notifiedKey]);
		const actual = textOf(confirmed[confirmedKey] ?? confirmed[notifiedKey]);
		if (claimed === undefined || actual === undefined) continue;
		const same = notifiedKey.toLowerCase().includes('amount') ? Number(claimed) === Number(actual) : claimed.toUpperCase() === actual.toUpperCase();
		if (!same) return notifiedKey;
	}
	return undefined;
}

/**
 * Confirms a notification with Kasha: one "Get Transaction status" call (well inside LOOKUP_BUDGET; the
 * shared transport sends a read once inside a webhook, Kasha redelivers). Returns Kasha's record with its
 * own ID, or the answer to send: 401 for a transaction Kasha does not know or that disagrees on its ID,
 * 409 when the notification disagrees with the record, a retryable 503 when Kasha could not be asked.
 */
export async function confirmWithKasha(
	context: IWebhookFunctions,
	transactionId: string,
	fields: IDataObject,
	credentials: ICredentialDataDecryptedObject,
): Promise<{ transaction: IDataObject; transactionId: string } | { refused: IWebhookResponseData }> {
	let transaction: IDataObject;
	try {
		const { body } = await kashaRequest.call(context, KASHA_CALLS.transactionStatus, { pathParams: { transactionId }, credentials });
		const first = Array.isArray(body) ? body[0] : body;
		transaction = first && typeof first === 'object' ? (first as IDataObject) : {};
	} catch (error) {
		const httpCode = error instanceof NodeApiError ? String(error.httpCode ?? '') : '';
		if (httpCode === '404' || httpCode === '400') return { refused: reject(context, 401, 'unknown transaction: notification not confirmed') };
		return { refused: reject(context, 503, 'could not confirm the notification with Kasha; try again later') };
	}
	// only an answer about this very transaction, with its status, confirms the notification
	const kashaId = confirmedId(transaction);
	if (!kashaId || kashaId.toLowerCase() !== transactionId.toLowerCase() || textOf(transaction.status) === undefined) {
		return { refused: reject(context, 401, 'unknown transaction: Kasha did not confirm this transaction') };
	}
	const differs = disagreement(fields, transaction);
	if (differs) return { refused: reject(context, 409, `notification disagrees with Kasha (${differs})`) };
	return { transaction, transactionId: kashaId };
}
