import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { idempotencyKeyProperty } from '../../../shared/ledger';
import type { Operation, OperationResult } from '../../../shared/router';
import { moneyOf } from '../../../shared/output';
import { KAZAWALLET_CALLS, kazawalletRequest } from '../../transport';
import { amountProperty, checkWalletAmount, checkWalletCurrency, currencyProperty, readAgentAmount } from '../common';

// Kazawallet API reference, "Create Gift Card" (POST /gift-card/create): { giftCardCurrency, amount }.
// The expiry is fixed by Kazawallet at one year and cannot be sent.

const properties: INodeProperties[] = [
	{
		displayName: 'Kazawallet sets the expiry to one year from creation; it cannot be chosen',
		name: 'expiryNotice',
		type: 'notice',
		default: '',
	},
	currencyProperty('USD', 'Currency code of the gift card, e.g. USD (sent lower-case, as the reference shows)'),
	amountProperty,
	idempotencyKeyProperty(undefined, 'gift card'),
];

const displayOptions = { show: { resource: ['giftCard'], operation: ['create'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const currency = checkWalletCurrency(this.getNodeParameter('currency', i));
	const amount = checkWalletAmount(this.getNodeParameter('amount', i), currency);
	const { body } = await kazawalletRequest.call(this, KAZAWALLET_CALLS.createGiftCard, {
		method: 'POST',
		path: '/gift-card/create',
		body: { giftCardCurrency: currency.toLowerCase(), amount },
		itemIndex: i,
		reference: `the gift cards of ${amount} ${currency} in the Kazawallet dashboard`,
	});
	const giftCard = (body.giftCard ?? body.data ?? {}) as IDataObject;
	return {
		code: giftCard.code ?? body.code,
		expiresAt: giftCard.expiresAt ?? giftCard.expiryDate ?? body.expiresAt,
		money: moneyOf(amount, currency, 'major'),
		response: body,
	};
}

/** Sent at most once per Idempotency Key (payment ledger); agents are held to the node's maximum. */
export const moneyMove: Operation['moneyMove'] = { amount: readAgentAmount };
