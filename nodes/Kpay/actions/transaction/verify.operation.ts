import type { IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { idempotencyKeyProperty } from '../../../shared/ledger';
import type { Operation, OperationResult } from '../../../shared/router';
import type { ApiContext } from '../../../shared/transport';
import { asText } from '../../../shared/validation';
import { KPAY_CALLS, kpayRequest } from '../../transport';
import { readId, rials, transactionLocator, withMoneyOf } from '../common';

// Reference: Transactions, Verify Transaction (POST /transactions/verify { authority })

export const description = updateDisplayOptions({ show: { resource: ['transaction'], operation: ['verify'] } }, [
	transactionLocator,
	// n8n resolves a resource locator to its value in $parameter, so the default key is the authority
	idempotencyKeyProperty('authority', 'verification'),
]);

/** Verifies a paid transaction. KPAY verifies once, so this is never resent automatically. */
export async function verifyTransaction(this: ApiContext, authority: string, itemIndex?: number) {
	const { body } = await kpayRequest.call(this, KPAY_CALLS.verifyTransaction, {
		method: 'POST',
		path: '/transactions/verify',
		body: { authority },
		// the answer must be for the authority sent
		matches: (answer) => (asText((answer as { authority?: unknown } | undefined)?.authority) === authority ? undefined : 'matching authority'),
		itemIndex,
		reference: `authority "${authority}" with Transactions → Check Status`,
	});
	return body;
}

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const authority = readId(this, 'authority', i, 'Transaction');
	const verification = await verifyTransaction.call(this, authority, i);
	return withMoneyOf(verification, rials(verification.amount));
}

/**
 * Sent at most once per Idempotency Key (payment ledger): a verification is what marks an order paid.
 * It names no amount of its own, so the agent maximum does not apply to it (the ledger does).
 */
export const moneyMove: Operation['moneyMove'] = { amount: () => undefined };
