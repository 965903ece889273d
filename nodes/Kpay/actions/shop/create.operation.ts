import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/router';
import { checkString, checkUrl } from '../../../shared/validation';
import { kpayRequest } from '../../transport';

// Reference: kpay.txt, Shops, "Create Shop" (POST /shops → { id, name, api_key, is_active })

const properties: INodeProperties[] = [
	{ displayName: 'Name', name: 'name', type: 'string', required: true, default: '', description: 'Shop name' },
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{ displayName: 'Phone', name: 'phone', type: 'string', default: '', description: 'Support phone number' },
			{
				displayName: 'Website',
				name: 'website',
				type: 'string',
				default: '',
				placeholder: 'https://shop.example.com',
				description: 'Website URL',
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
	// Not resent automatically: a repeat would create a second shop.
	const { body: shop } = await kpayRequest.call(this, {
		method: 'POST',
		path: '/shops',
		body,
		kind: 'moneyMove',
		itemIndex: i,
		outcome: 'shop creation',
		reference: `the shop named "${body.name as string}" in your shop list`,
	});
	return shop;
}
