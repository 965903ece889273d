import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/router';
import { kazePayRequest, resultObject } from '../../transport';
import { cardIdProperty, protectCardData, readCardId } from '../common';

// Reference: kazepay-physical-card.txt, "11. Close Card" (apiCode closeCard): the balance goes back to the merchant account

const properties: INodeProperties[] = [
	{
		displayName: 'Closing a card is final. Its remaining balance is refunded to your merchant account.',
		name: 'closeNotice',
		type: 'notice',
		default: '',
	},
	cardIdProperty,
];

const displayOptions = { show: { resource: ['card'], operation: ['close'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const cardID = readCardId.call(this, i);
	const { data } = await kazePayRequest.call(this, {
		apiCode: 'closeCard',
		payload: { cardID },
		kind: 'moneyMove',
		itemIndex: i,
		outcome: 'card closure (and refund of its balance)',
		reference: `the status of card ID "${cardID}" (Card → Get)`,
	});
	return protectCardData({ cardID, ...resultObject(data) }, false);
}
