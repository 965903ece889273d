import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/router';
import { KPAY_CALLS, kpayRequest } from '../../transport';

// Reference: Crypto Gateway, Supported Currencies (GET /gateway/currencies, public)

export const description = updateDisplayOptions({ show: { resource: ['crypto'], operation: ['getCurrencies'] } }, []);

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const { body } = await kpayRequest.call(this, KPAY_CALLS.getCurrencies, { method: 'GET', path: '/gateway/currencies', itemIndex: i });
	return (body.currencies ?? []) as IDataObject[];
}
