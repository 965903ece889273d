import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { asText } from '../../shared/validation';
import { KPAY_CALLS, kpayRequest } from '../transport';

/** Dropdowns filled from the API (reference: Crypto Gateway, Supported Currencies). */
export const kpayLoadOptions = {
	async getCurrencies(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		const { body } = await kpayRequest.call(this, KPAY_CALLS.getCurrencies, { method: 'GET', path: '/gateway/currencies' });
		return ((body.currencies ?? []) as IDataObject[]).map((currency) => ({
			// "Tether (TRC20) · USDT on tron": the name may carry brackets of its own
			name: [asText(currency.name), [asText(currency.symbol) || asText(currency.code), asText(currency.network)].filter(Boolean).join(' on ')].filter(Boolean).join(' · '),
			value: asText(currency.code),
		}));
	},
};
