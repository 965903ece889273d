import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ledgerEnabled, readIdempotencyKey } from '../../shared/ledger';
import { resourceLocator } from '../../shared/locator';
import { fromMinorUnits, parseMinorUnits, toMinorUnits } from '../../shared/money';
import { checkCurrency, checkOneOf, FieldError } from '../../shared/validation';

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

/**
 * eZeeWallet's own idempotency: it refuses a merchant transaction ID it has seen before (error 408,
 * "Transaction ID already processed"), for transfers and refunds. So that eZeeWallet is the second guard
 * behind the payment ledger, the ID it receives is the item's Idempotency Key itself (the key defaults
 * to the Merchant Transaction ID; both fields are limited to what the ID field takes, 255 characters).
 * A key that differs from the Merchant Transaction ID is refused before anything is sent: the ledger
 * and eZeeWallet would otherwise guard two different values. With the ledger off the typed ID is sent.
 */
export function transactionIdFromKey(this: IExecuteFunctions, itemIndex: number, typedId: string): string {
	if (!ledgerEnabled(this)) return typedId;
	const key = readIdempotencyKey(this, itemIndex);
	if (key !== typedId) {
		throw new FieldError(
			'Idempotency Key',
			`must be the Merchant Transaction ID ("${typedId}", its default), because eZeeWallet receives it as the transaction ID and refuses a repeat of it (code 408)`,
		);
	}
	return key;
}

/**
 * eZeeWallet keeps an original endpoint beside each "New Endpoint" of transfers, single and batch
 * payouts. The node offers one operation per action with this choice; the reference does not call the
 * originals deprecated.
 */
export type EndpointVersion = 'current' | 'legacy';

export function endpointVersionProperty(resource: string, operation: string, current: string, legacy: string): INodeProperties {
	return {
		displayName: 'Endpoint Version',
		name: 'endpointVersion',
		type: 'options',
		options: [
			{ name: 'Current', value: 'current', description: `The "New Endpoint" (${current})` },
			{ name: 'Legacy', value: 'legacy', description: `The original endpoint (${legacy}), for accounts set up on it` },
		],
		default: 'current',
		description: 'Which of the two eZeeWallet endpoints for this action to call. Use Current unless eZeeWallet told you otherwise.',
		displayOptions: { show: { resource: [resource], operation: [operation] } },
	};
}

/** The Endpoint Version of an item (an expression may give it too). */
export function readEndpointVersion(this: IExecuteFunctions, itemIndex: number): EndpointVersion {
	return checkOneOf(this.getNodeParameter('endpointVersion', itemIndex, 'current'), 'Endpoint Version', ['current', 'legacy'] as const);
}

/**
 * A workflow saved while the legacy endpoint was its own operation ("createLegacy") keeps that value:
 * n8n runs saved parameters as they are. The operation picker shows the old value only when it is
 * selected, with this notice, and the router still finds it (savedOperations in actions/index.ts).
 */
export function savedLegacyNotice(resource: string, operation: string, instead: string): INodeProperties {
	return {
		displayName: `This node was saved with the legacy endpoint as an operation: it calls the legacy endpoint. To change, pick ${instead} and set Endpoint Version to Legacy or Current`,
		name: 'savedLegacyNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { resource: [resource], operation: [operation] } },
	};
}

/**
 * A transfer's eZeeWallet reference ID (ezw_reference_id) as a resource locator: From List shows the
 * transfers of the last 90 days ("ListTransfers" by date range, methods/listSearch.ts), By ID takes any
 * reference ID, also a payout's, which eZeeWallet cannot list. The parameter keeps its old name, so a
 * saved plain ID still works (readLocator).
 */
export function transferLocator(displayName: string, description: string): INodeProperties {
	return resourceLocator({
		name: 'ezwReferenceId',
		displayName,
		description,
		searchListMethod: 'searchTransfers',
		idPlaceholder: '1062431493',
	});
}
