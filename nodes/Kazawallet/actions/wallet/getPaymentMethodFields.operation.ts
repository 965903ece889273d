import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/router';
import { checkString } from '../../../shared/validation';
import { KAZAWALLET_CALLS, kazawalletRequest } from '../../transport';
import { methodFieldsFrom, paymentMethodProperties, readPaymentMethod } from '../common';

// Kazawallet API reference, "Get Payment Method Fields" (GET /get-payment-method-fields?id=&field=)

const properties: INodeProperties[] = [
	paymentMethodProperties[0],
	{
		displayName: 'Field Slug',
		name: 'field',
		type: 'string',
		default: '',
		description: 'Only this field (its slug name). Leave empty for all deposit and withdrawal fields.',
	},
];

const displayOptions = { show: { resource: ['wallet'], operation: ['getPaymentMethodFields'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const qs: IDataObject = { id: await readPaymentMethod.call(this, i) };
	const field = checkString(this.getNodeParameter('field', i, ''), 'Field Slug', { required: false, maxLength: 100 });
	if (field) qs.field = field;
	const { body } = await kazawalletRequest.call(this, KAZAWALLET_CALLS.getPaymentMethodFields, {
		method: 'GET',
		path: '/get-payment-method-fields',
		qs,
		itemIndex: i,
	});
	return { paymentMethod: qs.id, fieldSlugs: methodFieldsFrom(body).map((entry) => entry.slug), response: body };
}
