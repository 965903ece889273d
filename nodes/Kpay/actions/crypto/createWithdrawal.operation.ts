import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { normalizeDecimal } from '../../../shared/money';
import { idempotencyKeyProperty } from '../../../shared/ledger';
import type { Operation, OperationResult } from '../../../shared/router';
import { checkString } from '../../../shared/validation';
import { KPAY_CALLS, kpayRequest } from '../../transport';
import { cryptoCurrencyProperty, cryptoMoney, withMoneyOf } from '../common';

// Reference: Crypto Gateway, Request Withdrawal (POST /gateway/withdrawals)

const properties: INodeProperties[] = [
	cryptoCurrencyProperty,
	{
		displayName: 'Amount',
		name: 'amount',
		type: 'string',
		required: true,
		default: '',
		placeholder: '10.5',
		description: 'Amount to withdraw, at most the available balance (KPAY refuses more)',
	},
	{
		displayName: 'Destination Address',
		name: 'destinationAddress',
		type: 'string',
		required: true,
		default: '',
		description: 'The wallet address that receives the funds',
	},
	{
		displayName: 'Memo',
		name: 'memo',
		type: 'string',
		default: '',
		description: 'Memo or destination tag, for currencies that need one (XRP, …)',
	},
	idempotencyKeyProperty(undefined, 'withdrawal'),
];

export const description = updateDisplayOptions({ show: { resource: ['crypto'], operation: ['createWithdrawal'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const currency = checkString(this.getNodeParameter('currency', i), 'Currency').toLowerCase();
	// Sent as a decimal string, exactly as normalized (no floating point).
	const amount = normalizeDecimal(this.getNodeParameter('amount', i), 'Amount', { maxDecimals: 18 });
	const destination = checkString(this.getNodeParameter('destinationAddress', i), 'Destination Address', {
		maxLength: 255,
	});
	const memo = checkString(this.getNodeParameter('memo', i, ''), 'Memo', { required: false, maxLength: 255 });
	const body: IDataObject = { currency, amount, destination_address: destination };
	if (memo) body.memo = memo;
	const { body: withdrawal } = await kpayRequest.call(this, KPAY_CALLS.createWithdrawal, {
		method: 'POST',
		path: '/gateway/withdrawals',
		body,
		itemIndex: i,
		reference: `a ${amount} ${currency} withdrawal to ${destination} in your KPAY withdrawals`,
	});
	return withMoneyOf(withdrawal, cryptoMoney(withdrawal.amount, withdrawal.currency ?? currency));
}

/** Sent at most once per Idempotency Key (payment ledger); agents are held to the node's maximum. */
export const moneyMove: Operation['moneyMove'] = {
	amount(this: IExecuteFunctions, i: number) {
		const amount = String(this.getNodeParameter('amount', i, '') ?? '').trim();
		return amount || undefined;
	},
};
