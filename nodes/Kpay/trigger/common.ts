import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { asText } from '../../shared/validation';

/**
 * IDs taken from a callback or notification before they go into a KPAY URL path: letters, digits,
 * "_" and "-" only (so never empty, ".", ".." or anything with "/", "\\", "?", "#" or "%").
 */
export const SAFE_ID = /^[A-Za-z0-9_-]{1,128}$/;

/** Crypto payment statuses (reference: Crypto Gateway, Get Payment Status). */
export const CRYPTO_STATUSES = ['pending', 'confirming', 'completed', 'expired', 'failed'];

/** A scalar from a query, a notification or an answer, as trimmed text. */
export function textOf(value: unknown): string {
	return asText(value).trim();
}

export function httpCodeOf(error: unknown): string {
	return String((error as { httpCode?: string | null })?.httpCode ?? '');
}

/** Sends the payer's browser on; the workflow starts only when `data` is given. */
export function redirect(
	context: IWebhookFunctions,
	outcome: 'success' | 'failure',
	authority: string,
	data?: IDataObject,
): IWebhookResponseData {
	const options = context.getNodeParameter('options', {}) as IDataObject;
	const target = textOf(context.getNodeParameter(outcome === 'success' ? 'successUrl' : 'failureUrl', ''));
	const response = context.getResponseObject();
	if (target && URL.canParse(target)) {
		const url = new URL(target);
		if (options.addAuthority !== false && authority) url.searchParams.set('authority', authority);
		response.redirect(302, url.toString());
	} else {
		// No redirect URL: the answer itself says it (400 when the payment is not confirmed).
		response.status(outcome === 'success' ? 200 : 400).json({ status: outcome, authority: authority || undefined });
	}
	if (!data) return { noWebhookResponse: true };
	return { noWebhookResponse: true, workflowData: [context.helpers.returnJsonArray([data])] };
}
