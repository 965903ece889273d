import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { errorItemJson, toNodeError } from '../../../shared/router';
import { checkEmail, checkInteger, checkString, checkUrl } from '../../../shared/validation';
import { ezeeWalletRequest } from '../../transport';
import { amountProperties, currencyProperty, readCurrency, readMinorAmount } from '../common';

/** The recipient fields of one payout (single or one line of a batch). */
export const recipientProperties: INodeProperties[] = [
	{
		displayName: 'Consumer Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		required: true,
		default: '',
		description: 'Email address of the eZeeWallet consumer who receives the money',
	},
	...amountProperties,
	currencyProperty(true),
	{
		displayName: 'Merchant Reference',
		name: 'merchantReference',
		type: 'string',
		default: '',
		description: 'Your reference for this payout: the way to find it again (in notifications and the dashboard)',
	},
];

/** Reads one recipient from an item: { email, amount (minor units), currency, merchant_reference }. */
export function readRecipient(this: IExecuteFunctions, i: number): IDataObject {
	const currency = readCurrency.call(this, i, true);
	const recipient: IDataObject = {
		email: checkEmail(this.getNodeParameter('email', i), 'Consumer Email'),
		amount: readMinorAmount.call(this, i, currency),
		currency,
	};
	const reference = checkString(this.getNodeParameter('merchantReference', i, ''), 'Merchant Reference', {
		required: false,
		maxLength: 255,
	});
	if (reference) recipient.merchant_reference = reference;
	return recipient;
}

export function readNotificationUrl(this: IExecuteFunctions, i: number): string {
	const options = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
	return checkUrl(options.notificationUrl, 'Notification URL', false);
}

export const batchOptions: INodeProperties = {
	displayName: 'Options',
	name: 'batchOptions',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [
		{
			displayName: 'Recipients per Request',
			name: 'batchSize',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 10000 },
			default: 1000,
			description: 'Input items are sent as batches of this many recipients, one request per batch',
		},
	],
};

/**
 * Batch payout over all input items: every item is validated before anything is sent, then one
 * request per chunk. Each recipient's result is paired back to its input item.
 */
export async function executeBatchPayout(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	path: string,
): Promise<INodeExecutionData[]> {
	const continueOnFail = this.continueOnFail();
	const results: INodeExecutionData[] = new Array(items.length);
	const valid: Array<{ index: number; recipient: IDataObject }> = [];
	for (let i = 0; i < items.length; i++) {
		try {
			valid.push({ index: i, recipient: readRecipient.call(this, i) });
		} catch (caught) {
			const error = toNodeError.call(this, caught, i);
			if (!continueOnFail) throw error;
			results[i] = { json: errorItemJson(error), pairedItem: { item: i } };
		}
	}

	const options = this.getNodeParameter('batchOptions', 0, {}) as IDataObject;
	const batchSize = checkInteger(options.batchSize ?? 1000, 'Recipients per Request', { min: 1, max: 10000 });
	let sent = 0;
	for (let start = 0, batch = 1; start < valid.length; start += batchSize, batch++) {
		const chunk = valid.slice(start, start + batchSize);
		const firstItem = chunk[0].index;
		try {
			const { body } = await ezeeWalletRequest.call(this, {
				method: 'POST',
				path,
				body: { payout_requests: chunk.map((entry) => entry.recipient) },
				kind: 'moneyMove',
				itemIndex: firstItem,
				reference: `the batch with the merchant references of items ${firstItem} to ${chunk[chunk.length - 1].index}`,
			});
			const lines = Array.isArray(body.unique_ids) ? (body.unique_ids as IDataObject[]) : [];
			chunk.forEach((entry, position) => {
				results[entry.index] = {
					json: {
						...entry.recipient,
						...(lines[position] ?? {}),
						status: body.status,
						...(body.unique_id !== undefined ? { batch_unique_id: body.unique_id } : {}),
						batch,
					},
					pairedItem: { item: entry.index },
				};
			});
			sent += chunk.length;
		} catch (caught) {
			const error = toNodeError.call(this, caught, firstItem);
			if (!continueOnFail) {
				if (sent > 0) {
					throw new NodeOperationError(this.getNode(), error, {
						itemIndex: firstItem,
						description: `${sent} payouts in earlier batches were already sent and are not undone. Before re-running, remove the items before item ${firstItem} so they are not paid twice.`,
					});
				}
				throw error;
			}
			for (const entry of chunk) {
				results[entry.index] = { json: { ...entry.recipient, ...errorItemJson(error), batch }, pairedItem: { item: entry.index } };
			}
		}
	}
	return results.filter((entry) => entry !== undefined);
}
