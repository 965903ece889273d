import type { IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/router';
import { kashaRequest } from '../../transport';
import { buildSessionBody, sessionProperties, shapeResult, withCashierLink } from '../common';

// Reference: kasha.txt, "Get Hosted Cashier link" (payout session). Path inferred (predecessor API's /payout-session):
// KASHA_ENDPOINTS.hostedCashierPayout. The link is output as `url` whatever Kasha calls it.

const displayOptions = { show: { resource: ['payout'], operation: ['getHostedCashierLink'] } };

export const description = updateDisplayOptions(displayOptions, sessionProperties('payoutHosted'));

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const body = buildSessionBody.call(this, i, 'payoutHosted');
	const { body: response } = await kashaRequest.call(this, 'hostedCashierPayout', {
		body,
		kind: 'read',
		itemIndex: i,
	});
	return withCashierLink(shapeResult(response));
}
