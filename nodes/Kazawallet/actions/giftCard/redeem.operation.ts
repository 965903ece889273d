import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/router';
import { checkEmail, checkString } from '../../../shared/validation';
import { KAZAWALLET_CALLS, kazawalletRequest } from '../../transport';
import { PLAIN_CODE } from '../common';

// Kazawallet API reference, "Redeem Gift Card" (POST /gift-card/redeem): { giftCardCode, userEmail }

const properties: INodeProperties[] = [
	{
		displayName: 'Gift Card Code',
		name: 'giftCardCode',
		type: 'string',
		typeOptions: { password: true },
		required: true,
		default: '',
		description: 'The code of the gift card, as Gift Card → Create returned it (hidden like a password)',
	},
	{
		displayName: 'User Email',
		name: 'userEmail',
		type: 'string',
		placeholder: 'name@email.com',
		required: true,
		default: '',
		description: 'The Kazawallet user whose account receives the gift card value',
	},
];

const displayOptions = { show: { resource: ['giftCard'], operation: ['redeem'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const giftCardCode = checkString(this.getNodeParameter('giftCardCode', i), 'Gift Card Code', { maxLength: 128, pattern: PLAIN_CODE, patternHint: 'the code as received, without spaces or line breaks' });
	const userEmail = checkEmail(this.getNodeParameter('userEmail', i), 'User Email');
	const { body } = await kazawalletRequest.call(this, KAZAWALLET_CALLS.redeemGiftCard, {
		method: 'POST',
		path: '/gift-card/redeem',
		body: { giftCardCode, userEmail },
		itemIndex: i,
		reference: `the balance of ${userEmail}`,
		sensitiveValues: [giftCardCode],
	});
	return { userEmail, response: body };
}
