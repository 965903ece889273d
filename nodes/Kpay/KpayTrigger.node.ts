import type {
	IDataObject,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { omitKeys } from '../shared/redact';
import { acknowledge, getBodyFields, reject, rememberEvent, urlPerRequestWebhookMethods } from '../shared/webhook';
import { TRANSACTIONS_PER_PAGE } from './actions/transaction/getMany.operation';
import { verifyTransaction } from './actions/transaction/verify.operation';
import { kpayRequest } from './transport';

/**
 * Fields of the crypto gateway notification that may carry the payment ID. KPAY does not publish
 * the notification's format (provider-docs/README.md), so the notification is only a hint: the
 * payment is always fetched from KPAY (GET /gateway/payments/{id}) and that answer is what is emitted.
 */
export const CRYPTO_NOTIFICATION_ID_FIELDS = ['payment_id', 'id'];

/** Crypto payment statuses (reference: "Get Payment Status"). */
export const CRYPTO_STATUSES = ['pending', 'confirming', 'completed', 'expired', 'failed'];

/** Verification statuses that mean "paid and confirmed by KPAY". */
export const VERIFIED_STATUSES = ['verified', 'paid', 'success', 'completed'];

const SAFE_ID = /^[A-Za-z0-9_-]{1,128}$/;

/**
 * Pages of List Transactions (filtered by the transaction's status, TRANSACTIONS_PER_PAGE each)
 * searched for a callback's authority before it is refused. Paid but not yet verified transactions are
 * few: the trigger verifies them as their payers come back.
 */
export const OWNERSHIP_MAX_PAGES = 20;

function textOf(value: unknown): string {
	return typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
}

function httpCodeOf(error: unknown): string {
	return String((error as { httpCode?: string | null })?.httpCode ?? '');
}

export class KpayTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'KPAY Trigger',
		name: 'kpayTrigger',
		icon: { light: 'file:kpay.svg', dark: 'file:kpay.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '=Verified payments',
		description: 'Starts the workflow on card-to-card payments verified with KPAY and on confirmed crypto payments',
		defaults: { name: 'KPAY Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'kpayApi', required: true }],
		webhooks: [
			// n8n names a node's webhooks 'default' and 'setup' only; each has its own URL.
			{ name: 'setup', httpMethod: 'GET', responseMode: 'onReceived', path: 'callback' },
			{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'crypto' },
		],
		properties: [
			{
				displayName:
					'Two URLs: use the GET URL ending in /callback as callback_url of card-to-card transactions, and the POST URL ending in /crypto as webhook_url of crypto payments. Nothing that arrives is trusted: a payment is checked, verified and its amount compared with KPAY (card) or fetched from KPAY (crypto) before the workflow starts.',
				name: 'notice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Success Redirect URL',
				name: 'successUrl',
				type: 'string',
				default: '',
				placeholder: 'https://shop.example.com/payment/success',
				description: "Where the payer's browser is sent after a verified card-to-card payment",
			},
			{
				displayName: 'Failure Redirect URL',
				name: 'failureUrl',
				type: 'string',
				default: '',
				placeholder: 'https://shop.example.com/payment/failed',
				description: "Where the payer's browser is sent when the payment is not paid, not verified or has a different amount",
			},
			{
				displayName: 'Expected Amount From',
				name: 'amountSource',
				type: 'options',
				options: [
					{
						name: 'Callback URL Query Parameter',
						value: 'query',
						description: 'The amount set by Transaction → Create (Add Amount to Callback URL)',
					},
					{ name: 'Fixed Amount', value: 'fixed', description: 'Every payment must be for the same amount' },
				],
				default: 'query',
				description: 'The verified amount must equal this expected amount (in Rials), or the workflow does not start',
			},
			{
				displayName: 'Amount Query Parameter',
				name: 'amountParameter',
				type: 'string',
				default: 'amount',
				displayOptions: { show: { amountSource: ['query'] } },
			},
			{
				displayName: 'Expected Amount (Rials)',
				name: 'fixedAmount',
				type: 'number',
				typeOptions: { minValue: 1, numberPrecision: 0 },
				default: 0,
				displayOptions: { show: { amountSource: ['fixed'] } },
			},
			{
				displayName: 'Crypto Statuses',
				name: 'cryptoStatuses',
				type: 'multiOptions',
				options: CRYPTO_STATUSES.map((status) => ({
					name: status.charAt(0).toUpperCase() + status.slice(1),
					value: status,
				})),
				default: ['completed'],
				description: 'Start the workflow only for crypto payments in these statuses (as KPAY reports them). Empty: every status.',
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Add Authority to Redirect URLs',
						name: 'addAuthority',
						type: 'boolean',
						default: true,
						description: 'Whether "authority=…" is added to the success and failure URLs',
					},
					{
						displayName: 'Ignore Repeated Notifications',
						name: 'ignoreRepeats',
						type: 'boolean',
						default: true,
						description: 'Whether a payment already emitted (same ID and status) is acknowledged without starting the workflow again',
					},
				],
			},
		],
	};

	// KPAY takes callback_url and webhook_url with each request, so there is nothing to register.
	webhookMethods = urlPerRequestWebhookMethods;

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		if (this.getWebhookName() === 'setup') return await handleCardCallback.call(this);
		return await handleCryptoNotification.call(this);
	}
}

/** Sends the payer's browser on; the workflow starts only when `data` is given. */
function redirect(
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

/** Whether this trigger has emitted the card payment before (its de-duplication key is recorded). */
function emittedBefore(context: IWebhookFunctions, key: string): boolean {
	const store = context.getWorkflowStaticData('node') as { seen?: Record<string, number> };
	return store.seen?.[key] !== undefined;
}

/**
 * Whether the transaction belongs to the credential's account. Check Status, Payment Info and Verify
 * are public: they answer for any merchant's transaction, so someone with a KPAY account of their own
 * could pay a transaction of their own shop (to their own card) and present its authority here, with
 * its amount. Only the authenticated List Transactions shows the account's own transactions.
 */
async function ownTransaction(this: IWebhookFunctions, authority: string, status: string): Promise<boolean> {
	for (let page = 1; page <= OWNERSHIP_MAX_PAGES; page++) {
		const { body } = await kpayRequest.call(this, {
			method: 'GET',
			path: '/transactions',
			qs: { status, page, per_page: TRANSACTIONS_PER_PAGE },
			kind: 'read',
		});
		const list = (Array.isArray(body.transactions) ? body.transactions : []) as IDataObject[];
		if (list.some((transaction) => textOf(transaction.authority) === authority)) return true;
		const total = Number(body.total ?? 0);
		const size = Number(body.per_page ?? TRANSACTIONS_PER_PAGE);
		if (list.length === 0 || !Number.isFinite(total) || page * size >= total) return false;
	}
	return false;
}

/**
 * Card-to-card: the payer's browser returns with ?authority=… . That proves nothing, so: check the
 * status with KPAY (paid?), compare the transaction's amount with the expected one, make sure it is a
 * transaction of this account, verify it (once), compare the verified amount again, de-duplicate, and
 * only then start the workflow. Anything else sends the payer to the failure URL and starts nothing.
 */
async function handleCardCallback(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const query = this.getQueryData() as IDataObject;
	const authority = textOf(query.authority);
	if (!SAFE_ID.test(authority)) return redirect(this, 'failure', '');

	let expected: number;
	if (this.getNodeParameter('amountSource', 'query') === 'fixed') {
		expected = Number(this.getNodeParameter('fixedAmount', 0));
	} else {
		const name = textOf(this.getNodeParameter('amountParameter', 'amount')) || 'amount';
		const text = textOf(query[name]);
		expected = /^\d{1,15}$/.test(text) ? Number(text) : NaN;
	}
	if (!Number.isSafeInteger(expected) || expected <= 0) return redirect(this, 'failure', authority);

	let check: IDataObject;
	try {
		check = (
			await kpayRequest.call(this, {
				method: 'GET',
				path: `/transactions/check/${encodeURIComponent(authority)}`,
				kind: 'read',
			})
		).body;
	} catch {
		return redirect(this, 'failure', authority); // unknown authority, or KPAY unreachable
	}
	if (check.is_paid !== true) return redirect(this, 'failure', authority);
	const key = `card:${authority}`;
	// Verified already (a reload after success, or verified with Transaction → Verify): the payer goes
	// to success when the transaction is this account's, and the workflow does not start again.
	if (textOf(check.status).toLowerCase() === 'verified') {
		let own = emittedBefore(this, key);
		if (!own) own = await ownTransaction.call(this, authority, 'verified').catch(() => false);
		return redirect(this, own ? 'success' : 'failure', authority);
	}

	// Compare the amount before verifying: KPAY verifies once, so a forged callback with another
	// amount must not use up the verification of a real payment.
	let info: IDataObject;
	try {
		info = (
			await kpayRequest.call(this, {
				method: 'GET',
				path: `/transactions/payment/${encodeURIComponent(authority)}`,
				kind: 'read',
			})
		).body;
	} catch {
		return redirect(this, 'failure', authority);
	}
	if (Number(info.amount) !== expected) return redirect(this, 'failure', authority);

	// Another merchant's transaction must neither start the workflow nor be verified by this account.
	const own = await ownTransaction.call(this, authority, 'paid').catch(() => false);
	if (!own) return redirect(this, 'failure', authority);

	let verification: IDataObject;
	try {
		verification = await verifyTransaction.call(this, authority);
	} catch {
		// KPAY verifies once: a callback repeated at the same moment finds it verified by the first one.
		return redirect(this, emittedBefore(this, key) ? 'success' : 'failure', authority);
	}
	const status = textOf(verification.status).toLowerCase();
	const paidAmount = Number(verification.amount);
	if (!VERIFIED_STATUSES.includes(status) || paidAmount !== expected) return redirect(this, 'failure', authority);

	const options = this.getNodeParameter('options', {}) as IDataObject;
	// Recorded even when repeats are not ignored: a reload is recognised by it.
	if (!rememberEvent(this, key) && options.ignoreRepeats !== false) return redirect(this, 'success', authority);
	const extraQuery = omitKeys(query, new Set(['authority']));
	return redirect(this, 'success', authority, {
		event: 'card.payment.verified',
		final_amount: info.final_amount,
		shop_name: info.shop_name,
		...verification,
		authority,
		amount: paidAmount,
		expected_amount: expected,
		is_paid: true,
		query: extraQuery,
		verified: true,
		receivedAt: new Date().toISOString(),
	});
}

/**
 * Crypto gateway: the notification is unsigned, so it only names a payment. The payment is fetched
 * from KPAY and its status there decides; unknown payments are refused (401), repeats acknowledged.
 */
async function handleCryptoNotification(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const fields = getBodyFields(this);
	const id = CRYPTO_NOTIFICATION_ID_FIELDS.map((field) => textOf(fields[field])).find(Boolean) ?? '';
	if (!SAFE_ID.test(id)) return reject(this, 400, 'missing or invalid payment id');

	let payment: IDataObject;
	try {
		payment = (
			await kpayRequest.call(this, {
				method: 'GET',
				path: `/gateway/payments/${encodeURIComponent(id)}`,
				kind: 'read',
			})
		).body;
	} catch (error) {
		const code = httpCodeOf(error);
		if (code === '404' || code === '400' || code === '422') return reject(this, 401, 'payment could not be confirmed');
		// KPAY unreachable: answer with an error so the notification is delivered again later.
		this.getResponseObject().status(503).json({ error: 'payment could not be confirmed now' });
		return { noWebhookResponse: true };
	}
	const notifiedOrder = textOf(fields.order_id);
	if (notifiedOrder && textOf(payment.order_id) !== notifiedOrder) return reject(this, 401, 'payment does not match');

	const status = textOf(payment.status).toLowerCase();
	const received = { received: true };
	const statuses = this.getNodeParameter('cryptoStatuses', []) as string[];
	if (statuses.length > 0 && !statuses.includes(status)) return acknowledge(this, received);
	const options = this.getNodeParameter('options', {}) as IDataObject;
	if (options.ignoreRepeats !== false && !rememberEvent(this, `crypto:${id}:${status}`)) {
		return acknowledge(this, received);
	}
	return acknowledge(this, received, [
		{
			event: `crypto.payment.${status}`,
			...payment,
			id: textOf(payment.id) || id,
			status,
			confirmed: true,
			notification: fields,
			receivedAt: new Date().toISOString(),
		},
	]);
}
