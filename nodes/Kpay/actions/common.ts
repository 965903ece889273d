import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { maskCardNumber } from '../../shared/redact';

/** Shop picked from the account's shops (methods.loadOptions.getShops) or given by ID. */
export function shopProperty(overrides: Partial<INodeProperties> = {}): INodeProperties {
	return {
		displayName: 'Shop Name or ID',
		name: 'shopId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getShops' },
		required: true,
		default: '',
		description:
			'The shop. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		...overrides,
	};
}

/** Receiving card picked from the account's cards (methods.loadOptions.getCards) or given by ID. */
export const cardProperty: INodeProperties = {
	displayName: 'Card Name or ID',
	name: 'cardId',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getCards' },
	required: true,
	default: '',
	description:
		'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
};

/** Crypto currency picked from GET /gateway/currencies (methods.loadOptions.getCurrencies) or given by code. */
export const cryptoCurrencyProperty: INodeProperties = {
	displayName: 'Currency Name or ID',
	name: 'currency',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getCurrencies' },
	required: true,
	default: '',
	description:
		'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
};

/** Card numbers in output keep only their last four digits unless the operator asks for them. */
export function maskCards<T extends IDataObject>(entry: T, showFull: boolean): T {
	if (showFull || typeof entry.card_number !== 'string') return entry;
	return { ...entry, card_number: maskCardNumber(entry.card_number) };
}

export const showFullCardNumberOption: INodeProperties = {
	displayName: 'Show Full Card Numbers',
	name: 'showFullCardNumber',
	type: 'boolean',
	default: false,
	description: 'Whether card numbers are output in full. Off: only the last four digits are shown.',
};

/** URL-encoded path segment. */
export function segment(value: string): string {
	return encodeURIComponent(value);
}
