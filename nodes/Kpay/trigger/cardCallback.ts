import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { omitKeys, redactFields } from '../../shared/redact';
import { ignoresRepeats, LookupBudget, refuseLargeBody, reject, rememberEvent } from '../../shared/webhook';
import { rials } from '../actions/common';
import { verifyTransaction } from '../actions/transaction/verify.operation';
import { KPAY_CALLS, kpayRequest } from '../transport';
import { redirect, SAFE_ID, textOf } from './common';
import { EVENTS, listensFor } from './properties';

/** Verification statuses that mean "paid and confirmed by KPAY". */
export const VERIFIED_STATUSES = ['verified', 'paid', 'success', 'completed'];

/**
 * Page size asked for when the account's transactions of one status are searched for a callback's
 * authority. Paid but not yet verified transactions are few (the trigger verifies them as their payers
 * come back), so one page normally holds them all.
 */
export const OWNERSHIP_PER_PAGE = 100;

type Ownership = { found: IDataObject } | { found: undefined; overBudget: boolean };

/** Whether this trigger has emitted the card payment before (its de-duplication key is recorded). */
function emittedBefore(context: IWebhookFunctions, key: string): boolean {
	const store = context.getWorkflowStaticData('node') as { seen?: Record<string, number> };
	return store.seen?.[key] !== undefined;
}

/**
 * The account's own transaction with this authority, from List Transactions (authenticated; filtered
 * by status). Check Status, Payment Info and Verify are public: they answer for any merchant's
 * transaction, so only this list tells an own transaction from another merchant's. Pages are taken
 * from the budget, keeping `reserve` calls for what follows; a search the budget cannot finish is
 * reported as over budget (answered 503, so the payer's browser can try again).
 */
async function ownTransaction(
	this: IWebhookFunctions,
	authority: string,
	status: string,
	budget: LookupBudget,
	reserve: number,
): Promise<Ownership> {
	for (let page = 1; ; page++) {
		if (budget.max - budget.spent <= reserve || !budget.take()) return { found: undefined, overBudget: true };
		const { body } = await kpayRequest.call(this, KPAY_CALLS.listTransactions, {
			method: 'GET',
			path: '/transactions',
			qs: { status, page, per_page: OWNERSHIP_PER_PAGE },
		});
		const list = (Array.isArray(body.transactions) ? body.transactions : []) as IDataObject[];
		const found = list.find((transaction) => textOf(transaction.authority) === authority);
		if (found) return { found };
		const total = Number(body.total ?? 0);
		const size = Number(body.per_page ?? OWNERSHIP_PER_PAGE);
		if (list.length === 0 || !Number.isFinite(total) || !(size > 0) || page * size >= total) {
			return { found: undefined, overBudget: false };
		}
	}
}

function overBudget(context: IWebhookFunctions): IWebhookResponseData {
	return reject(context, 503, 'the payment could not be checked now; reload this page in a minute');
}

/**
 * Card-to-card: the payer's browser returns with ?authority=… . That proves nothing, so, cheapest
 * first and at most LOOKUP_BUDGET (3) KPAY calls per request:
 * 0. no call: size, authority shape, expected amount; an authority this trigger emitted before goes
 *    to the success URL at once (a reload);
 * 1. Check Status (public): unknown, unpaid, cancelled and expired end here;
 * 2. List Transactions of that status (authenticated): the transaction must be this account's, and
 *    its amount (from the account's own record) the expected one;
 * 3. Verify (once), and compare the verified status and amount again.
 * Then de-duplicate and start the workflow. Anything else sends the payer to the failure URL.
 */
export async function handleCardCallback(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const tooLarge = refuseLargeBody(this);
	if (tooLarge) return tooLarge;
	// not listening for card payments: nothing is looked up or verified
	if (!listensFor(this.getNodeParameter('events', undefined), EVENTS.card)) {
		return reject(this, 404, 'this trigger does not handle card-to-card payments');
	}
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

	const key = `card:${authority}`;
	// A reload after success: this trigger verified and emitted it, so it is this account's.
	if (emittedBefore(this, key)) return redirect(this, 'success', authority);

	const budget = new LookupBudget();
	budget.take();
	let check: IDataObject;
	try {
		check = (
			await kpayRequest.call(this, KPAY_CALLS.checkTransaction, {
				method: 'GET',
				path: `/transactions/check/${encodeURIComponent(authority)}`,
			})
		).body;
	} catch {
		return redirect(this, 'failure', authority); // unknown authority, or KPAY unreachable
	}
	if (check.is_paid !== true) return redirect(this, 'failure', authority);

	// Verified already (with Transaction → Verify, or by this trigger in another process): the payer
	// goes to success when the transaction is this account's; the workflow does not start again.
	if (textOf(check.status).toLowerCase() === 'verified') {
		const own = await ownTransaction.call(this, authority, 'verified', budget, 0).catch(() => undefined);
		if (own && !own.found && own.overBudget) return overBudget(this);
		return redirect(this, own?.found ? 'success' : 'failure', authority);
	}

	// Another merchant's transaction must neither start the workflow nor be verified by this account;
	// the amount is compared before verifying, since KPAY verifies once.
	const own = await ownTransaction.call(this, authority, 'paid', budget, 1).catch(() => undefined);
	if (own && !own.found && own.overBudget) return overBudget(this);
	const record = own?.found;
	if (!record || Number(record.amount) !== expected) return redirect(this, 'failure', authority);

	if (!budget.take()) return overBudget(this);
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
	if (!rememberEvent(this, key) && ignoresRepeats(options)) return redirect(this, 'success', authority);
	const extraQuery = redactFields(omitKeys(query, new Set(['authority'])));
	return redirect(this, 'success', authority, {
		event: 'card.payment.verified',
		final_amount: record.final_amount,
		shop_id: record.shop_id,
		factor_number: record.factor_number,
		...redactFields(verification),
		authority,
		amount: paidAmount,
		expected_amount: expected,
		...(rials(paidAmount) ? { money: rials(paidAmount) } : {}),
		is_paid: true,
		verified: true,
		// found in this account's own transactions (authenticated) and verified with KPAY: authority,
		// amount, final_amount, shop_id, factor_number, status and paid_at; `query` is what the browser sent
		verification: 'lookup',
		owned: true,
		query: extraQuery,
		receivedAt: new Date().toISOString(),
	});
}
