import type { IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { idempotencyKeyProperty } from '../../../shared/ledger';
import type { Operation, OperationResult } from '../../../shared/router';
import type { ApiContext } from '../../../shared/transport';
import { checkString } from '../../../shared/validation';
import { KPAY_CALLS, kpayRequest } from '../../transport';
import { authorityProperty } from './getPaymentInfo.operation';

// Reference: kpay.txt, Transactions, "Verify Transaction" (POST /transactions/verify { authority })

export const description = updateDisplayOptions({ show: { resource: ['transaction'], operation: ['verify'] } }, [
	authorityProperty,
	idempotencyKeyProperty('authority', 'verification'),
]);

/** Verifies a paid transaction. KPAY verifies once, so this is never resent automatically. */
export async function verifyTransaction(this: ApiContext, authority: string, itemIndex?: number) {
	const { body } = await kpayRequest.call(this, {
		method: 'POST',
		path: '/transactions/verify',
		body: { authority },
		kind: KPAY_CALLS.verifyTransaction,
		// reference: id, authority, status, amount, paid_at; the authority must be the one sent
		evidence: (answer) => {
			const body = (answer ?? {}) as { authority?: unknown; status?: unknown; amount?: unknown };
			if (String(body.authority ?? '') !== authority) return 'matching authority';
			return body.status === undefined || body.amount === undefined ? 'status and amount' : undefined;
		},
		itemIndex,
		outcome: 'verification',
		reference: `authority "${authority}" with Transactions → Check Status`,
	});
	return body;
}

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const authority = checkString(this.getNodeParameter('authority', i), 'Authority', { maxLength: 255 });
	return await verifyTransaction.call(this, authority, i);
}

/**
 * Sent at most once per Idempotency Key (payment ledger): a verification is what marks an order paid.
 * It names no amount of its own, so the agent maximum does not apply to it (the ledger does).
 */
export const moneyMove: Operation['moneyMove'] = { amount: () => undefined };
