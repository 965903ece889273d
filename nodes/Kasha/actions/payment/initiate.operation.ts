import type { IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/router';
import { kashaRequest, KASHA_CALLS } from '../../transport';
import { sessionSummary } from '../answers';
import { sessionProperties } from '../sessionFields';
import { buildSessionBody, referenceOf } from '../session';

// Reference: "1. Initiate a Payment" (POST /v2/payment-options, confirmed)
// Returns transactionId, sessionId and paymentOptions; the next node picks an option by name.

const displayOptions = { show: { resource: ['payment'], operation: ['initiate'] } };

export const description = updateDisplayOptions(displayOptions, sessionProperties('paymentInitiate'));

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const body = buildSessionBody.call(this, i, 'paymentInitiate');
	const { body: response } = await kashaRequest.call(this, KASHA_CALLS.paymentOptions, {
		body,
		itemIndex: i,
		// sent once (KASHA_CALLS): an unknown outcome names the merchant reference to look for
		reference: referenceOf(body),
	});
	return sessionSummary(response, body);
}
