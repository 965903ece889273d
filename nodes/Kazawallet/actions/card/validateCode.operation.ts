import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/router';
import { checkString } from '../../../shared/validation';
import { KAZAWALLET_CALLS, kazawalletRequest } from '../../transport';
import { cardIdProperty, PLAIN_CODE, readCardId } from '../common';
import { safeCard } from './common';

// Kazawallet API reference, "Validate Code" (POST /wallet-cards/validate-code); body assumed
// { cardId, code }. The Kazawallet Trigger's 3DS_CONFIRM output carries cardId and validateCode.

const properties: INodeProperties[] = [
	{ ...cardIdProperty, default: '={{ $json.cardId }}' },
	{
		displayName: 'Code',
		name: 'code',
		type: 'string',
		required: true,
		default: '={{ $json.validateCode }}',
		description: 'The 3DS confirmation code (validateCode of the 3DS_CONFIRM event)',
	},
];

const displayOptions = { show: { resource: ['card'], operation: ['validateCode'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const cardId = readCardId.call(this, i);
	const code = checkString(this.getNodeParameter('code', i), 'Code', { maxLength: 64, pattern: PLAIN_CODE, patternHint: 'the code as received, without spaces or line breaks' });
	// Confirms a card payment the card holder started: sent once; the code is one-time at Kazawallet (KAZAWALLET_CALLS).
	const { body } = await kazawalletRequest.call(this, KAZAWALLET_CALLS.validateCode, {
		method: 'POST',
		path: '/wallet-cards/validate-code',
		body: { cardId, code },
		itemIndex: i,
		reference: `the transactions of card ${cardId} (Card → Get Transactions)`,
		sensitiveValues: [code],
	});
	return { cardId, response: safeCard(body) };
}
