import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { redactFields } from '../../shared/redact';
import { acknowledge, getBodyFields, ignoresRepeats, LookupBudget, refuseLargeBody, reject, rememberEvent } from '../../shared/webhook';
import { cryptoMoney } from '../actions/common';
import { KPAY_CALLS, kpayRequest } from '../transport';
import { SIGNATURE_PARAMETER, SIGNED_ORDER_PARAMETER, validOrderSignature } from '../webhookUrl';
import { httpCodeOf, SAFE_ID, textOf } from './common';
import { EVENTS, listensFor } from './properties';

/**
 * Fields of the crypto gateway notification that may carry the payment ID. KPAY does not publish
 * the notification's format (docs/kpay.md, "Crypto notification", assumed), so the notification is only a hint: the
 * payment is always fetched from KPAY (GET /gateway/payments/{id}) and that answer is what is emitted.
 */
export const CRYPTO_NOTIFICATION_ID_FIELDS = ['payment_id', 'id'];

/**
 * Crypto gateway. The notification is unsigned and KPAY's payment lookup is public: the lookup proves
 * that the payment exists with that status and amount, not whose payment it is. Ownership comes from
 * the webhook URL: Create Payment signs the order ID into it (webhookUrl.ts).
 * - signed URL (checked first, no call) + lookup whose order_id is the signed one:
 *   `verification: "signature+lookup"`, `owned: true`, `confirmed: true`;
 * - no signature (only when the trigger's Crypto Ownership option allows it): emitted with
 *   `verification: "lookup"`, `owned: false`, `confirmed: false`: nothing in it proves the payment is
 *   this account's, so it must not mark an order paid by itself.
 * One KPAY call per request (the lookup), from the lookup budget.
 */
export async function handleCryptoNotification(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const tooLarge = refuseLargeBody(this);
	if (tooLarge) return tooLarge;
	// not listening for crypto payments: acknowledged (so KPAY stops sending it), no call, no workflow
	if (!listensFor(this.getNodeParameter('events', undefined), EVENTS.crypto)) return acknowledge(this, { received: true });
	const fields = getBodyFields(this);
	const id = CRYPTO_NOTIFICATION_ID_FIELDS.map((field) => textOf(fields[field])).find(Boolean) ?? '';
	if (!SAFE_ID.test(id)) return reject(this, 400, 'missing or invalid payment id');

	const query = this.getQueryData() as IDataObject;
	const signedOrder = textOf(query[SIGNED_ORDER_PARAMETER]);
	const signature = textOf(query[SIGNATURE_PARAMETER]);
	const requireSignature = this.getNodeParameter('cryptoOwnership', 'signedUrl') !== 'unproven';
	let owned = false;
	if (signedOrder || signature) {
		const credentials = await this.getCredentials('kpayApi');
		if (!validOrderSignature(credentials, signedOrder, signature)) return reject(this, 401, 'invalid webhook URL signature');
		owned = true;
	} else if (requireSignature) {
		return reject(this, 401, 'webhook URL not signed: create the payment with Crypto Gateway → Create Payment (Sign Webhook URL)');
	}

	const budget = new LookupBudget();
	if (!budget.take()) return reject(this, 503, 'payment could not be confirmed now');
	let payment: IDataObject;
	try {
		payment = (
			await kpayRequest.call(this, KPAY_CALLS.getPayment, {
				method: 'GET',
				path: `/gateway/payments/${encodeURIComponent(id)}`,
			})
		).body;
	} catch (error) {
		const code = httpCodeOf(error);
		if (code === '404' || code === '400' || code === '422') return reject(this, 401, 'payment could not be confirmed');
		// KPAY unreachable: answer with an error so the notification is delivered again later.
		return reject(this, 503, 'payment could not be confirmed now');
	}
	const order = textOf(payment.order_id);
	// the looked-up payment must be for the signed order, and for the order the notification names
	if (owned && order !== signedOrder) return reject(this, 401, 'payment does not match the signed order');
	const notifiedOrder = textOf(fields.order_id);
	if (notifiedOrder && order !== notifiedOrder) return reject(this, 401, 'payment does not match');
	if (textOf(payment.id) && textOf(payment.id) !== id) return reject(this, 401, 'payment does not match');

	const status = textOf(payment.status).toLowerCase();
	const received = { received: true };
	const statuses = this.getNodeParameter('cryptoStatuses', []) as string[];
	if (statuses.length > 0 && !statuses.includes(status)) return acknowledge(this, received);
	const options = this.getNodeParameter('options', {}) as IDataObject;
	// repeat key from looked-up values only (the payment's id and KPAY's status)
	if (ignoresRepeats(options) && !rememberEvent(this, `crypto:${id}:${status}`)) {
		return acknowledge(this, received);
	}
	return acknowledge(this, received, [
		{
			event: `crypto.payment.${status}`,
			...redactFields(payment),
			id,
			status,
			...(cryptoMoney(payment.requested_amount, payment.currency) ? { money: cryptoMoney(payment.requested_amount, payment.currency) } : {}),
			verification: owned ? 'signature+lookup' : 'lookup',
			owned,
			confirmed: owned,
			...(owned
				? {}
				: {
						warning:
							"Unsigned webhook URL: KPAY's public lookup confirms this payment's status and amount, not that it is this account's payment. Do not mark an order paid from this item alone.",
					}),
			// unsigned, as received; only for reference
			notification: redactFields(fields),
			receivedAt: new Date().toISOString(),
		},
	]);
}
