import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/router';
import { kpayRequest } from '../../transport';

// Reference: kpay.txt, Crypto Gateway, "Get Merchant Balances" (GET /gateway/balances)

export const description = updateDisplayOptions({ show: { resource: ['crypto'], operation: ['getBalances'] } }, []);

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const { body } = await kpayRequest.call(this, { method: 'GET', path: '/gateway/balances', kind: 'read', itemIndex: i });
	return (body.balances ?? []) as IDataObject[];
}
