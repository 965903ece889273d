import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/router';
import { answerObject, kazePayRequest } from '../../transport';
import { cardDataOut, cardIdProperty, readCardId, revealCardDataOption } from '../common';

// Reference: "6. Query Card" (apiCode queryCard): card number, CVV, expiry, status, billing address

const properties: INodeProperties[] = [
	cardIdProperty,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [revealCardDataOption],
	},
];

const displayOptions = { show: { resource: ['card'], operation: ['get'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const cardID = readCardId.call(this, i);
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	const { data } = await kazePayRequest.call(this, 'queryCard', { payload: { cardID },
		itemIndex: i,
	});
	return cardDataOut(answerObject(data), options.revealCardData === true);
}
