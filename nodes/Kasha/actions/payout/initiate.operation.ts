import type { IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/router';
import { kashaRequest, KASHA_CALLS } from '../../transport';
import { sessionSummary } from '../answers';
import { sessionProperties } from '../sessionFields';
import { buildSessionBody, referenceOf } from '../session';

// Reference: "1. Initiate a Payout": payout options for country, currency and amount.
// Path inferred (predecessor API's /payout-options): KASHA_CALLS.payoutOptions. The answer is an array with one session.

const displayOptions = { show: { resource: ['payout'], operation: ['initiate'] } };

export const description = updateDisplayOptions(displayOptions, sessionProperties('payoutInitiate'));

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const body = buildSessionBody.call(this, i, 'payoutInitiate');
	const { body: response } = await kashaRequest.call(this, KASHA_CALLS.payoutOptions, {
		body,
		itemIndex: i,
		// sent once (KASHA_CALLS): an unknown outcome names the merchant reference to look for
		reference: referenceOf(body),
	});
	return sessionSummary(response, body);
}
