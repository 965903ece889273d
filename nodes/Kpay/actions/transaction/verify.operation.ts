import type { IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/router';
import type { ApiContext } from '../../../shared/transport';
import { checkString } from '../../../shared/validation';
import { kpayRequest } from '../../transport';
import { authorityProperty } from './getPaymentInfo.operation';

// Reference: kpay.txt, Transactions, "Verify Transaction" (POST /transactions/verify { authority })

export const description = updateDisplayOptions({ show: { resource: ['transaction'], operation: ['verify'] } }, [
	authorityProperty,
]);

/** Verifies a paid transaction. KPAY verifies once, so this is never resent automatically. */
export async function verifyTransaction(this: ApiContext, authority: string, itemIndex?: number) {
	const { body } = await kpayRequest.call(this, {
		method: 'POST',
		path: '/transactions/verify',
		body: { authority },
		kind: 'moneyMove',
		itemIndex,
		reference: `authority "${authority}" with Transactions → Check Status`,
	});
	return body;
}

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const authority = checkString(this.getNodeParameter('authority', i), 'Authority', { maxLength: 255 });
	return await verifyTransaction.call(this, authority, i);
}
