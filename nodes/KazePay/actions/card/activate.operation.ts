import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/router';
import { checkString } from '../../../shared/validation';
import { kazePayRequest, resultObject } from '../../transport';
import { cardIdProperty, protectCardData, readCardId } from '../common';

// Reference: kazepay-physical-card.txt, "4. Activate Physical Cards" (apiCode ucardActive): only after KYC passed; the code is single-use

const properties: INodeProperties[] = [
	{
		displayName:
			'A card can only be activated after the cardholder’s KYC has passed. The activation code reaches the cardholder through KazePay and works only once.',
		name: 'activationNotice',
		type: 'notice',
		default: '',
	},
	cardIdProperty,
	{
		displayName: 'Activation Code',
		name: 'activationCode',
		type: 'string',
		typeOptions: { password: true },
		required: true,
		default: '',
		placeholder: '70795665',
		description: 'The single-use code the cardholder received. It never appears in the output.',
	},
];

const displayOptions = { show: { resource: ['card'], operation: ['activate'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const cardID = readCardId.call(this, i);
	const activationCode = checkString(this.getNodeParameter('activationCode', i), 'Activation Code', {
		maxLength: 32,
		pattern: /^[A-Za-z0-9]+$/,
		patternHint: 'letters and digits only, as received',
	});
	// Not retried automatically: the code is single-use, so a repeated call would fail even if the first worked.
	const { data } = await kazePayRequest.call(this, {
		apiCode: 'ucardActive',
		payload: { cardID, activationCode },
		kind: 'moneyMove',
		itemIndex: i,
		outcome: 'card activation',
		reference: `the status of card ID "${cardID}" (Card → Get)`,
		sensitiveValues: [activationCode],
	});
	return protectCardData({ cardID, ...resultObject(data) }, false);
}
