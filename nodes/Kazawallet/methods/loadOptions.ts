import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { kazawalletIdEnvironment } from '../../../credentials/KazawalletApi.credentials';
import { methodFieldsFrom } from '../actions/common';
import { KAZAWALLET_PAYMENT_METHODS } from '../codes';
import { KAZAWALLET_CALLS, kazawalletRequest } from '../transport';

/**
 * The payment methods of the credential's environment only (reference, "Payment Methods": development and
 * production ids differ, USDT-TRC20 is 15 in one and 118 in the other). Kazawallet has no endpoint that
 * lists payment methods, so these are the documented ids; another id can still be given by expression, but an id of the other environment is refused at run time (readPaymentMethod).
 */
export async function getPaymentMethods(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const environment = kazawalletIdEnvironment(await this.getCredentials('kazawalletApi'));
	const label = environment === 'production' ? 'Production' : 'Development';
	return KAZAWALLET_PAYMENT_METHODS[environment].map((method) => ({
		name: `${method.name} (${method.id})`,
		value: method.id,
		description: `${label} payment method ${method.id}`,
	}));
}

/** The chosen payment method's fields (reference, "Get Payment Method Fields"), required ones marked. */
export async function getPaymentMethodFields(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const id = String(this.getCurrentNodeParameter('paymentMethod') ?? '').trim();
	if (!/^\d+$/.test(id)) return [];
	const { body } = await kazawalletRequest.call(this, KAZAWALLET_CALLS.getPaymentMethodFields, {
		method: 'GET',
		path: '/get-payment-method-fields',
		qs: { id },
	});
	return methodFieldsFrom(body).map((field) => ({
		name: field.required ? `${field.label} (required)` : field.label,
		value: field.slug,
		description: field.slug,
	}));
}
