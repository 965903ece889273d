import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { Operation, OperationResult } from '../../../shared/router';
import { checkString, checkUrl } from '../../../shared/validation';
import { KPAY_CALLS, kpayRequest } from '../../transport';

// Reference: Shops, Create Shop (POST /shops → { id, name, api_key, is_active })

const properties: INodeProperties[] = [
	{ displayName: 'Name', name: 'name', type: 'string', required: true, default: '', description: 'The name of the shop, shown to payers' },
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{ displayName: 'Phone', name: 'phone', type: 'string', default: '', description: 'The support phone number of the shop' },
			{
				displayName: 'Website',
				name: 'website',
				type: 'string',
				default: '',
				placeholder: 'https://shop.example.com',
				description: 'The website of the shop',
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['shop'], operation: ['create'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const additional = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
	const body: IDataObject = { name: checkString(this.getNodeParameter('name', i), 'Name', { maxLength: 255 }) };
	const website = checkUrl(additional.website, 'Website', false);
	if (website) body.website = website;
	const phone = checkString(additional.phone, 'Phone', { required: false, maxLength: 32 });
	if (phone) body.phone = phone;
	// Sent once: a repeat would create a second shop. Not a money move (no ledger): it moves no money,
	// and a lost answer is found in the shop list by name.
	const { body: shop } = await kpayRequest.call(this, KPAY_CALLS.createShop, {
		method: 'POST',
		path: '/shops',
		body,
		itemIndex: i,
		reference: `the shop named "${body.name as string}" in your shop list`,
	});
	return shop;
}

/** The answer carries the new shop's API key (a credential): never run by an AI agent (and not offered to one). */
export const notForAgents: Operation['notForAgents'] = true;
