import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/router';
import { KPAY_CALLS, kpayRequest } from '../../transport';
import { cryptoMoney, withMoneyOf } from '../common';

// Reference: Crypto Gateway, Get Merchant Balances (GET /gateway/balances)

export const description = updateDisplayOptions({ show: { resource: ['crypto'], operation: ['getBalances'] } }, []);

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const { body } = await kpayRequest.call(this, KPAY_CALLS.getBalances, { method: 'GET', path: '/gateway/balances', itemIndex: i });
	// `money` is the available balance (what can be withdrawn); KPAY's amounts stay as they are
	return ((body.balances ?? []) as IDataObject[]).map((balance) =>
		withMoneyOf(balance, cryptoMoney(balance.available_balance, balance.currency)),
	);
}
