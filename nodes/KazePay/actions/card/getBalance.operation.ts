import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/router';
import { checkCurrency } from '../../../shared/validation';
import { moneyOf } from '../../../shared/output';
import { answerObject, kazePayRequest } from '../../transport';
import { cardDataOut, cardIdProperty, currencyProperty, readCardId } from '../common';

// Reference: "7. Query Card Balance" (apiCode cardBalance): avaBalance, blockBalance

const properties: INodeProperties[] = [cardIdProperty, currencyProperty];

const displayOptions = { show: { resource: ['card'], operation: ['getBalance'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const cardID = readCardId.call(this, i);
	const currency = checkCurrency(this.getNodeParameter('currency', i, 'USD'), 'Currency');
	const { data } = await kazePayRequest.call(this, 'cardBalance', { payload: { cardID, currency },
		itemIndex: i,
	});
	const answer = answerObject(data);
	// both balances both ways: KazePay's values untouched under response, and as money
	const available = moneyOf(answer.avaBalance, answer.currency ?? currency, 'major');
	const blocked = moneyOf(answer.blockBalance, answer.currency ?? currency, 'major');
	return cardDataOut({ cardID, ...(available ? { available } : {}), ...(blocked ? { blocked } : {}), response: answer });
}
