import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { idempotencyKeyProperty } from '../../../shared/ledger';
import { currencyExponent, normalizeDecimal, toMinorUnits } from '../../../shared/money';
import type { Operation, OperationResult } from '../../../shared/router';
import { checkCurrency } from '../../../shared/validation';
import { JsonDecimal } from '../../envelope';
import { moneyOf } from '../../../shared/output';
import { answerObject, kazePayRequest } from '../../transport';
import { cardDataOut, cardIdProperty, currencyProperty, readCardId, readKey } from '../common';

// Reference: "8. Recharge Card" (apiCode cardRecharge): moves money from the merchant account to the card

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
	// cardRecharge has no reference field of its own: the key comes from the workflow (an order or top-up ID);
	// KazePay's requestNo is derived from it, so KazePay refuses a second request with the same key too
	idempotencyKeyProperty(undefined, 'recharge'),
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
	const { data, requestNo } = await kazePayRequest.call(this, 'cardRecharge', { payload: { cardID, currency, amount: new JsonDecimal(amount) },
		itemIndex: i,
		idempotencyKey: readKey.call(this, i),
		reference: `the transactions of card ID "${cardID}" (Transaction → Get Many) and the card balance`,
		// reference "8. Recharge Card": cardID, currency, transactionId, transactionStatus, sendAmount
		echo: { cardID },
		echoAmount: { field: 'sendAmount', amount },
	});
	const answer = answerObject(data);
	// the top-up both ways: KazePay's sendAmount untouched under response (the amount sent when it has none)
	const money = moneyOf(answer.sendAmount ?? amount, answer.currency ?? currency, 'major');
	return cardDataOut({ cardID, requestNo, ...(money ? { money } : {}), response: answer });
}

/** Sent at most once per Idempotency Key (payment ledger); agents are held to the node's maximum. */
export const moneyMove: Operation['moneyMove'] = {
	amount(this: IExecuteFunctions, i: number) {
		const amount = this.getNodeParameter('amount', i, '') as unknown;
		return amount === undefined || amount === null || amount === '' ? undefined : String(amount).trim();
	},
};
