import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { LocatorSpec } from '../../shared/locator';
import { readLocator, resourceLocator } from '../../shared/locator';
import { moneyOf, revealCardDataOption, type Money } from '../../shared/output';
import { redactFields } from '../../shared/redact';
import { checkString } from '../../shared/validation';

/** The currency of card-to-card amounts: Iranian Rials, whole numbers (reference: "amount: Amount in Rials"). */
export const RIAL = 'IRR';

/** Shop, picked from the account's shops (methods/listSearch.ts searchShops) or given by ID. */
export function shopLocator(overrides: Partial<LocatorSpec> = {}): INodeProperties {
	return resourceLocator({
		name: 'shopId',
		displayName: 'Shop',
		description: 'The shop. Pick it from the list, or enter its ID (Shop → Get Many shows the IDs).',
		searchListMethod: 'searchShops',
		idPlaceholder: 'e.g. 3f0c2a4e-8b1d-4c55-9a0e-1d2c3b4a5f60',
		...overrides,
	});
}

/** Receiving card, picked from the account's cards (methods/listSearch.ts searchCards) or given by ID. */
export const cardLocator: INodeProperties = resourceLocator({
	name: 'cardId',
	displayName: 'Card',
	description: 'The bank card that receives the payment. Pick it from the list, or enter its ID (Card → Get Many shows the IDs).',
	searchListMethod: 'searchCards',
	idPlaceholder: 'e.g. 8d7c6b5a-4f3e-4d2c-9b1a-0f9e8d7c6b5a',
});

/**
 * Card-to-card transaction, by its authority code: picked from the account's transactions
 * (methods/listSearch.ts searchTransactions) or given as the authority Transaction → Create returned.
 * Workflows saved when this was a text field keep working (readLocator accepts the plain value).
 */
export const transactionLocator: INodeProperties = resourceLocator({
	name: 'authority',
	displayName: 'Transaction',
	description:
		'The transaction, by its authority code. Pick it from the list, or enter the authority that Transaction → Create returned.',
	searchListMethod: 'searchTransactions',
	idPlaceholder: 'e.g. KP1A2B3C4D5E6F7A8B9C0D',
});

/** The id a locator holds (or the plain value of a workflow saved before it was a locator), at most 255 characters. */
export function readId(context: IExecuteFunctions, name: string, itemIndex: number, field: string, required = true): string {
	return checkString(readLocator(context, name, itemIndex, field, { required }), field, { required, maxLength: 255 });
}

/** Crypto currency picked from the supported currencies (methods/loadOptions.ts getCurrencies) or given by code. */
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

/** Card numbers and secrets in output: card numbers keep only their last four digits unless the operator asks for them. */
export function maskCards<T extends IDataObject>(entry: T, showFull: boolean): T {
	return showFull ? entry : redactFields(entry);
}

export const showFullCardNumberOption: INodeProperties = revealCardDataOption('card numbers');

/** `money` of a Rial amount (a whole number of Rials, major units). */
export function rials(value: unknown): Money | undefined {
	return moneyOf(value, RIAL, 'major');
}

/**
 * `money` of a crypto amount: the amount as KPAY gives it and the currency's symbol-like code
 * (usdt_trc20 → USDT_TRC20). No `minor`: crypto decimals are per currency (Supported Currencies,
 * `decimals`), not ISO 4217's.
 */
export function cryptoMoney(value: unknown, currency: unknown): Money | undefined {
	const money = moneyOf(value, currency, 'major');
	if (money) delete money.minor;
	return money;
}

/** The answer with `money` added where the amount can be read. */
export function withMoneyOf(answer: IDataObject, money: Money | undefined): IDataObject {
	return money ? { ...answer, money } : answer;
}

/** URL-encoded path segment. */
export function segment(value: string): string {
	return encodeURIComponent(value);
}
