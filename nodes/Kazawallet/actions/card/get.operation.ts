import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/router';
import { KAZAWALLET_CALLS, kazawalletRequest } from '../../transport';
import { cardIdProperty, readCardId } from '../common';
import { cardFrom, cardOutput } from './common';
import { revealCardDataOption } from '../../../shared/output';

// Kazawallet API reference, "Get Card Details" (GET /wallet-cards/get-card-details?cardId=)

const properties: INodeProperties[] = [
	cardIdProperty,
	revealCardDataOption('the card number, CVV and PIN'),
];

const displayOptions = { show: { resource: ['card'], operation: ['get'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const cardId = readCardId.call(this, i);
	const includeSensitive = this.getNodeParameter('revealCardData', i, false) as boolean;
	const { body } = await kazawalletRequest.call(this, KAZAWALLET_CALLS.getCardDetails, {
		method: 'GET',
		path: '/wallet-cards/get-card-details',
		qs: { cardId },
		itemIndex: i,
	});
	return cardOutput(cardFrom(body), includeSensitive);
}
