import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/router';
import { checkString } from '../../../shared/validation';
import { kpayRequest } from '../../transport';
import { checkCardNumber, checkShaba } from '../../validators';
import { maskCards, showFullCardNumberOption } from '../common';

// Reference: kpay.txt, Cards, "Add Card" (POST /cards { card_number, owner_name, shaba })

const properties: INodeProperties[] = [
	{
		displayName: 'Card Number',
		name: 'cardNumber',
		type: 'string',
		typeOptions: { password: true },
		required: true,
		default: '',
		placeholder: '6037 9975 9999 9993',
		description: '16-digit bank card number (checked with the Luhn algorithm before sending)',
	},
	{ displayName: 'Owner Name', name: 'ownerName', type: 'string', required: true, default: '', description: 'Card owner name' },
	{
		displayName: 'Shaba (IBAN)',
		name: 'shaba',
		type: 'string',
		default: '',
		placeholder: 'IR820540102680020817909002',
		description: 'Optional. IR followed by 24 digits; its check digits are verified before sending.',
	},
	showFullCardNumberOption,
];

export const description = updateDisplayOptions({ show: { resource: ['card'], operation: ['create'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const cardNumber = checkCardNumber(this.getNodeParameter('cardNumber', i), 'Card Number');
	const ownerName = checkString(this.getNodeParameter('ownerName', i), 'Owner Name', { maxLength: 255 });
	const shaba = checkShaba(this.getNodeParameter('shaba', i, ''), 'Shaba (IBAN)');
	const showFull = this.getNodeParameter('showFullCardNumber', i, false) as boolean;
	const { body } = await kpayRequest.call(this, {
		method: 'POST',
		path: '/cards',
		body: { card_number: cardNumber, owner_name: ownerName, ...(shaba ? { shaba } : {}) },
		kind: 'read',
		itemIndex: i,
		sensitiveValues: [cardNumber],
	});
	return maskCards(body, showFull);
}
