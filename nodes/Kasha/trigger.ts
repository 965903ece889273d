import type { IDataObject } from 'n8n-workflow';

import { safeEqual } from '../shared/webhook';
import { kashaSignature, signedTexts } from './signature';

// What the Kasha Trigger checks in a notification, apart from the node (a node file exports only its class).

/** Statuses a Kasha transaction can have (from the reference's samples and the payout flow). */
export const KASHA_STATUSES = ['COMPLETED', 'PENDING', 'PROCESSING', 'DECLINED', 'ERROR', 'REFUNDED', 'CANCELLED', 'EXPIRED'];

export const asText = (value: unknown) =>
	typeof value === 'string' || typeof value === 'number' ? String(value).trim() : undefined;

/**
 * The transaction ID in a notification, under every name the public docs use: `internalId` (the
 * predecessor API's notification, the transaction UUID), `transactionId` (Kasha's answers), and the
 * common spellings `transaction_id`, `result.transactionId`, `id`.
 */
export function notifiedId(fields: IDataObject): string | undefined {
	const result = fields.result && typeof fields.result === 'object' ? (fields.result as IDataObject) : {};
	return (
		asText(fields.transactionId) ??
		asText(fields.internalId) ??
		asText(fields.transaction_id) ??
		asText(result.transactionId) ??
		asText(result.internalId) ??
		asText(fields.id)
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
 * What a notified transaction ID may look like before it is looked up: Kasha's IDs are UUIDs. It must
 * start with a letter or digit, so "." and ".." (path segments that URL handling removes, which would
 * send the lookup to another URL) and anything with slashes, spaces or control characters are refused.
 */
export const NOTIFIED_ID = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,254}$/;

/** The ID Kasha's answer gives for the transaction it describes (the reference's sample has `id`). */
export function confirmedId(transaction: IDataObject): string | undefined {
	return asText(transaction.id) ?? asText(transaction._id) ?? asText(transaction.transactionId);
}

