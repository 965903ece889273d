import { createHash, createHmac } from 'crypto';
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { safeEqual } from '../shared/webhook';

/**
 * Signed crypto webhook URLs. KPAY's crypto notification is unsigned and its payment lookup
 * (GET /gateway/payments/{id}) is public, so a notification and a lookup cannot tell whose payment it
 * is: another merchant can create a payment naming our order ID. KPAY has no authenticated call that
 * lists our payments. What proves ownership instead: Crypto Gateway → Create Payment adds the order ID
 * and an HMAC of it to the webhook URL it gives KPAY. Only a holder of the KPAY credential can make it;
 * the KPAY Trigger checks it (no call), then looks the payment up and requires the payment's order ID to
 * be the signed one. Use the same KPAY credential in Create Payment and in the KPAY Trigger.
 */
export const SIGNED_ORDER_PARAMETER = 'kpay_order';
export const SIGNATURE_PARAMETER = 'kpay_sig';

/** The signing key, derived from the credential's secret (changing the password or API key changes it). */
function signingKey(credentials: ICredentialDataDecryptedObject): Buffer {
	const material =
		credentials.authMode === 'apiKey'
			? `apiKey\u0000${String(credentials.apiKey ?? '')}`
			: `login\u0000${String(credentials.mobile ?? '')}\u0000${String(credentials.password ?? '')}`;
	return createHash('sha256').update(`n8n-nodes-paysuite/kpay/crypto-webhook-url/v1\u0000${material}`).digest();
}

/** HMAC-SHA256 of the order ID, lowercase hex. */
export function orderSignature(credentials: ICredentialDataDecryptedObject, orderId: string): string {
	return createHmac('sha256', signingKey(credentials)).update(`order\u0000${orderId}`).digest('hex');
}

/** The webhook URL with the order ID and its signature added as query parameters. */
export function signWebhookUrl(credentials: ICredentialDataDecryptedObject, url: string, orderId: string): string {
	const signed = new URL(url);
	signed.searchParams.set(SIGNED_ORDER_PARAMETER, orderId);
	signed.searchParams.set(SIGNATURE_PARAMETER, orderSignature(credentials, orderId));
	return signed.toString();
}

/** Whether `signature` is the signature of `orderId` under this credential (constant time). */
export function validOrderSignature(credentials: ICredentialDataDecryptedObject, orderId: string, signature: string): boolean {
	return /^[0-9a-f]{64}$/.test(signature) && safeEqual(signature, orderSignature(credentials, orderId));
}
