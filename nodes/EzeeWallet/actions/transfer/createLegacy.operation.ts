import type { IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/router';
import { sendTransfer, transferProperties } from './create.operation';

// Reference: ezeewallet.txt, "CreateTransfer" (POST /transfers), the original endpoint

const displayOptions = { show: { resource: ['transfer'], operation: ['createLegacy'] } };

export const description = updateDisplayOptions(displayOptions, transferProperties('transaction_id'));

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	return await sendTransfer.call(this, i, '/transfers', 'transaction_id');
}
export { moneyMove } from './create.operation';
