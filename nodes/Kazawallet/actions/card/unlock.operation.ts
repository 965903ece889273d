import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/router';
import { KAZAWALLET_CALLS, KAZAWALLET_EVIDENCE, kazawalletRequest } from '../../transport';
import { cardIdProperty, readCardId } from '../common';

// Reference: kazawallet.txt, "Unlock Card" (PUT /wallet-cards/unlock); body assumed { cardId }

const properties: INodeProperties[] = [cardIdProperty];

const displayOptions = { show: { resource: ['card'], operation: ['unlock'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const cardId = readCardId.call(this, i);
	const { body } = await kazawalletRequest.call(this, {
		method: 'PUT',
		path: '/wallet-cards/unlock',
		body: { cardId },
		kind: KAZAWALLET_CALLS.unlockCard,
		evidence: KAZAWALLET_EVIDENCE.success,
		outcome: 'card unlock',
		itemIndex: i,
		reference: `the state of card ${cardId} (Card → Get)`,
	});
	return { ...body, cardId };
}
