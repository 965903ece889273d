import type { IDataObject } from 'n8n-workflow';

import type { KazawalletIdEnvironment } from '../../credentials/KazawalletApi.credentials';

// Kazawallet's codes and the shape of its list answers: payment method ids per environment, card
// transaction codes with their names, and the list inside an answer.

/**
 * The payment method ids the reference lists per environment (section "Payment Methods": "the most common
 * method ids per environment"). The same method has another id in the other environment (USDT-TRC20 is 15
 * in development and 118 in production), so dropdowns offer only the credential's environment's ids.
 */
export const KAZAWALLET_PAYMENT_METHODS: Record<KazawalletIdEnvironment, Array<{ id: string; name: string }>> = {
	development: [
		{ id: '15', name: 'USDT-TRC20' },
		{ id: '13', name: 'USDT-BEP20' },
	],
	production: [
		{ id: '118', name: 'USDT-TRC20' },
		{ id: '116', name: 'USDT-ERC20' },
		{ id: '117', name: 'USDT-SOL' },
		{ id: '115', name: 'USDT-BEP20' },
	],
};

/** Card transaction state / webhook status codes (reference, "Transaction State" and "Status"). */
export const CARD_TRANSACTION_STATUS: Record<string, string> = {
	'1': 'Successful',
	'2': 'Failed',
	'3': 'In Process',
	'4': 'Posted',
	'5': 'Not Posted',
	'6': 'Payment Failed',
	'7': 'Cancelled',
};

/** Card transaction type codes (reference, "Type (details.type)"). */
export const CARD_TRANSACTION_TYPE: Record<string, string> = {
	'1': 'Recharge / Mortgage',
	'2': 'Consumption',
	'3': 'Refund',
	'4': 'Cash Withdrawal',
	'5': 'Redemption',
	'6': 'Management Fee',
	'7': 'Other',
	'8': 'Replacement',
	'9': 'Deactivate',
	'10': 'Refund Reversal',
};

/** Card transaction direction codes (reference, "Direction (details.direction)"). */
export const CARD_TRANSACTION_DIRECTION: Record<string, string> = { '1': 'Income', '2': 'Expense' };

/**
 * Adds `<field>Name` next to each status/state, type and direction code, so both the code and its
 * name are in the output (e.g. status 1 → statusName "Successful").
 */
export function withCodeNames(record: IDataObject): IDataObject {
	const result: IDataObject = { ...record };
	const name = (table: Record<string, string>, value: unknown) =>
		value === undefined || value === null ? undefined : table[String(value)];
	for (const field of ['status', 'state']) {
		const label = name(CARD_TRANSACTION_STATUS, record[field]);
		if (label) result[`${field}Name`] = label;
	}
	const type = name(CARD_TRANSACTION_TYPE, record.type);
	if (type) result.typeName = type;
	const direction = name(CARD_TRANSACTION_DIRECTION, record.direction);
	if (direction) result.directionName = direction;
	return result;
}

/** The first array found under one of `keys` of a response, or the response when it is an array. */
export function listFrom(body: unknown, keys: string[]): IDataObject[] {
	if (Array.isArray(body)) return body as IDataObject[];
	const value = (body ?? {}) as IDataObject;
	for (const key of keys) {
		if (Array.isArray(value[key])) return value[key] as IDataObject[];
		const nested = value[key] as IDataObject | undefined;
		if (nested && typeof nested === 'object') {
			for (const inner of keys) if (Array.isArray(nested[inner])) return nested[inner] as IDataObject[];
		}
	}
	return [];
}
