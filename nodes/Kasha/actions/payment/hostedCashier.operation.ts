import type { IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/router';
import { kashaRequest, KASHA_CALLS } from '../../transport';
import { shapeResult, withCashierLink } from '../answers';
import { sessionProperties } from '../sessionFields';
import { buildSessionBody, referenceOf } from '../session';

// Reference: "Get Hosted Cashier link" (payment session); docs.kasha.io Cards > Payin > Hosted Cashier:
// POST /payment-session (KASHA_CALLS.hostedCashierPayment). The link is output as `url` whatever Kasha calls it.

const displayOptions = { show: { resource: ['payment'], operation: ['getHostedCashierLink'] } };

export const description = updateDisplayOptions(displayOptions, sessionProperties('paymentHosted'));

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const body = buildSessionBody.call(this, i, 'paymentHosted');
	const { body: response } = await kashaRequest.call(this, KASHA_CALLS.hostedCashierPayment, {
		body,
		itemIndex: i,
		// sent once (KASHA_CALLS): an unknown outcome names the merchant reference to look for
		reference: referenceOf(body),
	});
	return withCashierLink(shapeResult(response));
}
