import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { asText } from '../../shared/validation';
import { KPAY_CALLS, kpayRequest } from '../transport';

/** Dropdowns filled from the API (reference: Crypto Gateway, Supported Currencies). */
export const kpayLoadOptions = {
	async getCurrencies(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		const { body } = await kpayRequest.call(this, KPAY_CALLS.getCurrencies, { method: 'GET', path: '/gateway/currencies' });
		return ((body.currencies ?? []) as IDataObject[]).map((currency) => ({
			name: `${asText(currency.name)} (${asText(currency.symbol) || asText(currency.code)}, ${asText(currency.network)})`,
			value: asText(currency.code),
		}));
	},
};
