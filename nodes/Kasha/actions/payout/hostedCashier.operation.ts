import type { IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/router';
import { kashaRequest, KASHA_CALLS } from '../../transport';
import { shapeResult, withCashierLink } from '../answers';
import { sessionProperties } from '../sessionFields';
import { buildSessionBody, referenceOf } from '../session';

// Reference: "Get Hosted Cashier link" (payout session). Path inferred (predecessor API's /payout-session):
// KASHA_CALLS.hostedCashierPayout. The link is output as `url` whatever Kasha calls it.

const displayOptions = { show: { resource: ['payout'], operation: ['getHostedCashierLink'] } };

export const description = updateDisplayOptions(displayOptions, sessionProperties('payoutHosted'));

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const body = buildSessionBody.call(this, i, 'payoutHosted');
	const { body: response } = await kashaRequest.call(this, KASHA_CALLS.hostedCashierPayout, {
		body,
		itemIndex: i,
		// sent once (KASHA_CALLS): an unknown outcome names the merchant reference to look for
		reference: referenceOf(body),
	});
	return withCashierLink(shapeResult(response));
}
