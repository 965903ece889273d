import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { omitKeys } from '../../../shared/redact';
import type { OperationResult } from '../../../shared/router';
import { checkEmail, checkString, checkUrl } from '../../../shared/validation';
import { ezeeWalletRequest } from '../../transport';
import { amountProperties, currencyProperty, readCurrency, readMinorAmount } from '../common';

// Reference: ezeewallet.txt, "CreateTransfer New Endpoint" (POST /transfers_new) and "CreateTransfer" (POST /transfers)

export const transferProperties = (idName: string): INodeProperties[] => [
	{
		displayName: 'Merchant Transaction ID',
		name: 'merchantTransactionId',
		type: 'string',
		required: true,
		default: '',
		description: `Your unique ID for this transfer (sent as ${idName}). eZeeWallet refuses an ID it has seen before, so a re-run cannot charge twice.`,
	},
	...amountProperties,
	currencyProperty(false),
	{
		displayName: 'Consumer Wallet Email',
		name: 'sourceWalletId',
		type: 'string',
		placeholder: 'name@email.com',
		required: true,
		default: '',
		description: 'Email address of the consumer who pays from their wallet',
	},
	{
		displayName: 'Consumer Wallet Password',
		name: 'sourceWalletPassword',
		type: 'string',
		typeOptions: { password: true },
		required: true,
		default: '',
		description:
			'The consumer’s wallet password, best passed by expression from the incoming data (e.g. a form) rather than typed here: a typed value is stored in the workflow. It is Base64-encoded for eZeeWallet and never appears in the output.',
	},
	{
		displayName: 'Return Success URL',
		name: 'returnSuccessUrl',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'https://shop.example.com/paid',
		description: 'Where the consumer is sent after a successful payment',
	},
	{
		displayName: 'Return Failure URL',
		name: 'returnFailureUrl',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'https://shop.example.com/failed',
		description: 'Where the consumer is sent after an unsuccessful payment',
	},
	{
		displayName: 'Notification URL',
		name: 'notificationUrl',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'https://n8n.example.com/webhook/…',
		description: 'Where eZeeWallet sends the result. Use the production URL of an eZeeWallet Trigger.',
	},
	{
		displayName: 'Merchant Website',
		name: 'merchantWebsite',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'www.shop.example.com',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Usage',
				name: 'usage',
				type: 'string',
				default: '',
				description: 'Description of the transaction that the consumer sees',
			},
		],
	},
];

/** Reads and validates the transfer fields; the ID goes under the name the endpoint expects. */
export function buildTransferBody(this: IExecuteFunctions, i: number, idName: string) {
	const currency = readCurrency.call(this, i, false);
	const password = checkString(this.getNodeParameter('sourceWalletPassword', i), 'Consumer Wallet Password', {
		maxLength: 255,
		keepWhitespace: true,
	});
	const additional = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
	const body: IDataObject = {
		[idName]: checkString(this.getNodeParameter('merchantTransactionId', i), 'Merchant Transaction ID', {
			maxLength: 255,
		}),
		amount: readMinorAmount.call(this, i, currency),
		source_wallet_id: checkEmail(this.getNodeParameter('sourceWalletId', i), 'Consumer Wallet Email'),
		source_wallet_pwd: Buffer.from(password, 'utf8').toString('base64'),
		return_success_url: checkUrl(this.getNodeParameter('returnSuccessUrl', i), 'Return Success URL'),
		return_failure_url: checkUrl(this.getNodeParameter('returnFailureUrl', i), 'Return Failure URL'),
		notification_url: checkUrl(this.getNodeParameter('notificationUrl', i), 'Notification URL'),
		merchant_website: checkString(this.getNodeParameter('merchantWebsite', i), 'Merchant Website', {
			maxLength: 65535,
		}),
	};
	if (currency) body.currency = currency;
	const usage = checkString(additional.usage, 'Usage', { required: false, maxLength: 255 });
	if (usage) body.usage = usage;
	return { body, password };
}

export async function sendTransfer(this: IExecuteFunctions, i: number, path: string, idName: string) {
	const { body, password } = buildTransferBody.call(this, i, idName);
	const { body: response } = await ezeeWalletRequest.call(this, {
		method: 'POST',
		path,
		body,
		kind: 'moneyMove',
		itemIndex: i,
		reference: `transaction ID "${body[idName] as string}"`,
		sensitiveValues: [password, body.source_wallet_pwd as string],
	});
	const transfer = (response.transfer ?? response) as IDataObject;
	return omitKeys(transfer, new Set(['source_wallet_pwd']));
}

const displayOptions = { show: { resource: ['transfer'], operation: ['create'] } };

export const description = updateDisplayOptions(displayOptions, transferProperties('merchant_transaction_id'));

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	return await sendTransfer.call(this, i, '/transfers_new', 'merchant_transaction_id');
}
