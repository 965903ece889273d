import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/router';
import { checkEmail, checkString } from '../../../shared/validation';
import { kazePayRequest, resultObject } from '../../transport';
import { emailProperty, protectCardData, revealCardDataOption } from '../common';

// Reference: kazepay-physical-card.txt, "3. Card Assign" (apiCode ucardAssign): email, cardNumber, autoActive → cardID

const properties: INodeProperties[] = [
	emailProperty,
	{
		displayName: 'Card Number',
		name: 'cardNumber',
		type: 'string',
		typeOptions: { password: true },
		required: true,
		default: '',
		placeholder: '4937240800070604',
		description: 'The number printed on the physical card to hand to this cardholder. It is masked to its last four digits in the output.',
	},
	{
		displayName: 'Activate Automatically',
		name: 'autoActive',
		type: 'boolean',
		default: false,
		description: 'Whether KazePay activates the card right away (autoActive); then no Activate call with an activation code is needed',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [revealCardDataOption],
	},
];

const displayOptions = { show: { resource: ['card'], operation: ['assign'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const email = checkEmail(this.getNodeParameter('email', i), 'Cardholder Email');
	const cardNumber = checkString(this.getNodeParameter('cardNumber', i), 'Card Number', {
		pattern: /^\d{12,19}$/,
		patternHint: '12 to 19 digits, without spaces',
	});
	const autoActive = this.getNodeParameter('autoActive', i, false) === true;
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	const reveal = options.revealCardData === true;
	const { data } = await kazePayRequest.call(this, {
		apiCode: 'ucardAssign',
		payload: { email, cardNumber, autoActive },
		kind: 'read',
		itemIndex: i,
		sensitiveValues: [cardNumber],
	});
	return protectCardData(
		{ email, cardNumber, autoActive, ...resultObject(data) },
		reveal,
	);
}
