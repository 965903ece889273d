import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/router';
import { checkOneOf } from '../../../shared/validation';
import { answerObject, kazePayRequest } from '../../transport';
import { cardDataOut, cardIdProperty, readCardId } from '../common';

// Reference: "10. Set Card Status" (apiCode updCardStatus): ACTIVE or INACTIVE (freeze)

const properties: INodeProperties[] = [
	cardIdProperty,
	{
		displayName: 'Status',
		name: 'status',
		type: 'options',
		options: [
			{ name: 'Active (Unfreeze)', value: 'ACTIVE', description: 'The card can be used again' },
			{ name: 'Inactive (Freeze)', value: 'INACTIVE', description: 'Payments with the card are refused; the balance stays on the card' },
		],
		default: 'INACTIVE',
		description: 'Whether the card can be used (active) or is frozen (inactive)',
	},
];

const displayOptions = { show: { resource: ['card'], operation: ['setStatus'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const cardID = readCardId.call(this, i);
	const status = checkOneOf(this.getNodeParameter('status', i), 'Status', ['ACTIVE', 'INACTIVE'] as const);
	const { data } = await kazePayRequest.call(this, 'updCardStatus', { payload: { cardID, status },
		itemIndex: i,
		reference: `the status of card ID "${cardID}" (Card → Get)`,
		// reference "10. Set Card Status": cardID and the card's status
		echo: { cardID },
	});
	return cardDataOut(answerObject(data));
}
