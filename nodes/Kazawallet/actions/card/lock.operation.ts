import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/router';
import { KAZAWALLET_CALLS, kazawalletRequest } from '../../transport';
import { cardIdProperty, readCardId } from '../common';
import { safeCard } from './common';

// Kazawallet API reference, "Lock Card" (PUT /wallet-cards/lock); body assumed { cardId }

const properties: INodeProperties[] = [cardIdProperty];

const displayOptions = { show: { resource: ['card'], operation: ['lock'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const cardId = readCardId.call(this, i);
	const { body } = await kazawalletRequest.call(this, KAZAWALLET_CALLS.lockCard, {
		method: 'PUT',
		path: '/wallet-cards/lock',
		body: { cardId },
		itemIndex: i,
		reference: `the state of card ${cardId} (Card → Get)`,
	});
	return { cardId, response: safeCard(body) };
}
