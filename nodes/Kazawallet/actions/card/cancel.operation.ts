import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/router';
import { kazawalletRequest } from '../../transport';
import { cardIdProperty, readCardId } from '../common';

// A cancelled card's balance may be returned to the user, so this is sent once (movesMoney).
// Reference: kazawallet.txt, "Cancel Card" (PUT /wallet-cards/cancel); body assumed { cardId }

const properties: INodeProperties[] = [cardIdProperty];

const displayOptions = { show: { resource: ['card'], operation: ['cancel'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const cardId = readCardId.call(this, i);
	const { body } = await kazawalletRequest.call(this, {
		method: 'PUT',
		path: '/wallet-cards/cancel',
		body: { cardId },
		kind: 'moneyMove',
		itemIndex: i,
		reference: `the state of card ${cardId} (Card → Get)`,
	});
	return { ...body, cardId };
}
