import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { currencyExponent, normalizeDecimal, toMinorUnits } from '../../../shared/money';
import type { OperationResult } from '../../../shared/router';
import { checkCurrency } from '../../../shared/validation';
import { JsonDecimal } from '../../envelope';
import { kazePayRequest, resultObject } from '../../transport';
import { cardIdProperty, currencyProperty, protectCardData, readCardId } from '../common';

// Reference: kazepay-physical-card.txt, "8. Recharge Card" (apiCode cardRecharge): moves money from the merchant account to the card

const properties: INodeProperties[] = [
	cardIdProperty,
	currencyProperty,
	{
		displayName: 'Amount',
		name: 'amount',
		type: 'string',
		required: true,
		default: '',
		placeholder: '50.00',
		description: 'Top-up amount in the currency’s major unit (e.g. 50.00 USD). It is sent with exactly these digits, never rounded.',
	},
];

const displayOptions = { show: { resource: ['card'], operation: ['recharge'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const cardID = readCardId.call(this, i);
	const currency = checkCurrency(this.getNodeParameter('currency', i, 'USD'), 'Currency');
	const amount = normalizeDecimal(this.getNodeParameter('amount', i), 'Amount', {
		maxDecimals: currencyExponent(currency),
		unitLabel: currency,
	});
	toMinorUnits(amount, currency, 'Amount'); // refuses amounts beyond exact integer range ("is too large")
	const { data } = await kazePayRequest.call(this, {
		apiCode: 'cardRecharge',
		payload: { cardID, currency, amount: new JsonDecimal(amount) },
		kind: 'moneyMove',
		itemIndex: i,
		reference: `the transactions of card ID "${cardID}" (Transaction → Get Many) and the card balance`,
	});
	return protectCardData({ cardID, currency, amount, ...resultObject(data) }, false);
}
