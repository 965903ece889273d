import type { IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/router';
import { KPAY_CALLS, kpayRequest } from '../../transport';

// Reference: Authentication, Get Current User (GET /auth/me)

export const description = updateDisplayOptions({ show: { resource: ['auth'], operation: ['getMe'] } }, []);

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const { body } = await kpayRequest.call(this, KPAY_CALLS.getMe, { method: 'GET', path: '/auth/me', itemIndex: i });
	return body;
}
