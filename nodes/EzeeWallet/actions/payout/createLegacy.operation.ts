import type { IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/router';
import { sendSinglePayout, singlePayoutProperties } from './create.operation';

// Reference: ezeewallet.txt, "Single Payouts" (POST /single_payouts), the original endpoint

const displayOptions = { show: { resource: ['payout'], operation: ['createLegacy'] } };

export const description = updateDisplayOptions(displayOptions, singlePayoutProperties);

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	return await sendSinglePayout.call(this, i, '/single_payouts');
}
export { moneyMove } from './create.operation';
