import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/router';
import { checkString } from '../../../shared/validation';
import { answerObject, kazePayRequest } from '../../transport';
import { cardDataOut, cardIdProperty, readCardId } from '../common';

// Reference: "5. Set Card Pin" (apiCode cardSetPin): pin must be a six-digit number

const properties: INodeProperties[] = [
	cardIdProperty,
	{
		displayName: 'PIN',
		name: 'pin',
		type: 'string',
		typeOptions: { password: true },
		required: true,
		default: '',
		description: 'Exactly six digits. It is sent encrypted and never appears in the output or in errors.',
	},
];

const displayOptions = { show: { resource: ['card'], operation: ['setPin'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const cardID = readCardId.call(this, i);
	// the message never repeats the value
	const pin = checkString(this.getNodeParameter('pin', i), 'PIN', {
		keepWhitespace: true,
		pattern: /^\d{6}$/,
		patternHint: 'exactly six digits (0-9)',
	});
	const { data } = await kazePayRequest.call(this, 'cardSetPin', { payload: { cardID, pin },
		itemIndex: i,
		reference: 'with the cardholder whether the new PIN works (KazePay has no call to read a PIN; setting the same PIN again is harmless)',
		sensitiveValues: [pin],
	});
	return cardDataOut({ cardID, pinSet: true, response: answerObject(data) });
}
