import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/router';
import { checkCurrency } from '../../../shared/validation';
import { kazePayRequest, resultObject } from '../../transport';
import { cardIdProperty, currencyProperty, protectCardData, readCardId } from '../common';

// Reference: kazepay-physical-card.txt, "7. Query Card Balance" (apiCode cardBalance): avaBalance, blockBalance

const properties: INodeProperties[] = [cardIdProperty, currencyProperty];

const displayOptions = { show: { resource: ['card'], operation: ['getBalance'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const cardID = readCardId.call(this, i);
	const currency = checkCurrency(this.getNodeParameter('currency', i, 'USD'), 'Currency');
	const { data } = await kazePayRequest.call(this, 'cardBalance', { payload: { cardID, currency },
		itemIndex: i,
	});
	return protectCardData({ cardID, currency, ...resultObject(data) }, false);
}
