import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { fromMinorUnits, parseMinorUnits, toMinorUnits } from '../../shared/money';
import { checkCurrency, FieldError } from '../../shared/validation';

/** Amount and unit fields shared by transfers, refunds and payouts. */
export const amountProperties: INodeProperties[] = [
	{
		displayName: 'Amount',
		name: 'amount',
		type: 'string',
		required: true,
		default: '',
		placeholder: '10.50',
		description: 'The amount, in the unit chosen below',
	},
	{
		displayName: 'Amount Unit',
		name: 'amountUnit',
		type: 'options',
		options: [
			{
				name: 'Major Units (e.g. 10.50)',
				value: 'major',
				description: "Converted to minor units by the currency's ISO 4217 decimals",
			},
			{
				name: 'Minor Units (e.g. 1050)',
				value: 'minor',
				description: 'Sent as it is: a whole number of cents (or the currency\'s smallest unit)',
			},
		],
		default: 'major',
		description: 'Amounts go to eZeeWallet in minor units; major units are converted exactly, without rounding',
	},
];

const requiredCurrency: INodeProperties = {
	displayName: 'Currency',
	name: 'currency',
	type: 'string',
	required: true,
	default: 'EUR',
	placeholder: 'EUR',
	description: 'ISO 4217 currency code',
};

const optionalCurrency: INodeProperties = {
	displayName: 'Currency',
	name: 'currency',
	type: 'string',
	default: '',
	placeholder: 'EUR',
	description: 'ISO 4217 currency code. Optional for eZeeWallet, but needed when the amount is in major units.',
};

export function currencyProperty(required: boolean): INodeProperties {
	return required ? requiredCurrency : optionalCurrency;
}

/** Reads Amount (+ Amount Unit) for an item and returns whole minor units for eZeeWallet. */
export function readMinorAmount(this: IExecuteFunctions, itemIndex: number, currency: string): number {
	const amount = this.getNodeParameter('amount', itemIndex) as unknown;
	const unit = this.getNodeParameter('amountUnit', itemIndex, 'major') as string;
	if (unit === 'minor') return parseMinorUnits(amount, 'Amount');
	if (!currency) {
		throw new FieldError('Currency', 'is required when the amount is in major units (or choose minor units)');
	}
	return toMinorUnits(amount, currency, 'Amount');
}

export function readCurrency(this: IExecuteFunctions, itemIndex: number, required: boolean): string {
	return checkCurrency(this.getNodeParameter('currency', itemIndex, '') as string, 'Currency', required);
}

/** The amount of an item in major units (for the AI-agent maximum), exact. */
export function readMajorAmount(this: IExecuteFunctions, itemIndex: number): string {
	const currency = readCurrency.call(this, itemIndex, false) || 'USD';
	return fromMinorUnits(readMinorAmount.call(this, itemIndex, currency), currency);
}
