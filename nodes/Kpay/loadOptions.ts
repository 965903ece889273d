import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { maskCardNumber } from '../shared/redact';
import { kpayRequest } from './transport';

/** Dropdowns filled from the API (Shop, Card, Currency). */
export const kpayLoadOptions = {
	async getShops(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		const { body } = await kpayRequest.call(this, { method: 'GET', path: '/shops', kind: 'read' });
		return ((body.shops ?? []) as IDataObject[]).map((shop) => ({
			name: `${String(shop.name)}${shop.is_active === false ? ' (inactive)' : ''}`,
			value: String(shop.id),
			description: (shop.website as string) || undefined,
		}));
	},

	async getCards(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		const { body } = await kpayRequest.call(this, { method: 'GET', path: '/cards', kind: 'read' });
		return ((body.cards ?? []) as IDataObject[]).map((card) => ({
			name: `${String(card.bank_name ?? 'Card')} ${maskCardNumber(String(card.card_number ?? ''))} (${String(card.owner_name ?? '')})`,
			value: String(card.id),
		}));
	},

	async getCurrencies(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		const { body } = await kpayRequest.call(this, { method: 'GET', path: '/gateway/currencies', kind: 'read' });
		return ((body.currencies ?? []) as IDataObject[]).map((currency) => ({
			name: `${String(currency.name)} (${String(currency.symbol ?? currency.code)}, ${String(currency.network ?? '')})`,
			value: String(currency.code),
		}));
	},
};
