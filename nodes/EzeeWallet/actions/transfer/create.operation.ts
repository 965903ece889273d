import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { idempotencyKeyProperty } from '../../../shared/ledger';
import { withMoney } from '../../../shared/output';
import { omitKeys } from '../../../shared/redact';
import type { Operation, OperationResult } from '../../../shared/router';
import { checkEmail, checkString, checkUrl } from '../../../shared/validation';
import { EZEEWALLET_CALLS, ezeeWalletRequest, requireOwnId } from '../../transport';
import type { EndpointVersion } from '../common';
import {
	amountProperties,
	currencyProperty,
	endpointVersionProperty,
	readCurrency,
	readEndpointVersion,
	readMajorAmount,
	readMinorAmount,
	savedLegacyNotice,
	transactionIdFromKey,
} from '../common';

// Reference (eZeeWallet API 1.3.7): "CreateTransfer New Endpoint" (POST /transfers_new) and "CreateTransfer"
// (POST /transfers), the original endpoint. Both take the same body but for the name of the transaction id.

const ENDPOINTS = {
	current: { path: '/transfers_new', idName: 'merchant_transaction_id', call: EZEEWALLET_CALLS.createTransfer },
	legacy: { path: '/transfers', idName: 'transaction_id', call: EZEEWALLET_CALLS.createTransferLegacy },
} as const;

const transferProperties: INodeProperties[] = [
	{
		displayName: 'Merchant Transaction ID',
		name: 'merchantTransactionId',
		type: 'string',
		required: true,
		default: '',
		description:
			'Your unique ID for this transfer (sent as merchant_transaction_id, or transaction_id on the legacy endpoint). eZeeWallet refuses an ID it has seen before, so a re-run cannot charge twice.',
	},
	{
		...idempotencyKeyProperty('merchantTransactionId', 'transfer'),
		hint: 'Must be the Merchant Transaction ID (its default): eZeeWallet receives it as the transaction ID and refuses a repeat (code 408), so eZeeWallet guards it as well as the node',
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
		description: 'The website the consumer pays on, as eZeeWallet shows it to them',
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
function buildTransferBody(this: IExecuteFunctions, i: number, idName: string) {
	const currency = readCurrency.call(this, i, false);
	const password = checkString(this.getNodeParameter('sourceWalletPassword', i), 'Consumer Wallet Password', {
		maxLength: 255,
		keepWhitespace: true,
	});
	const additional = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
	const typedId = checkString(this.getNodeParameter('merchantTransactionId', i), 'Merchant Transaction ID', {
		maxLength: 255,
	});
	const body: IDataObject = {
		[idName]: transactionIdFromKey.call(this, i, typedId),
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

/**
 * Charges the consumer on the chosen endpoint. Output: eZeeWallet's `transfer` (never the wallet
 * password) plus `money` (its amount, in minor units, also in major units).
 */
export async function sendTransfer(this: IExecuteFunctions, i: number, version: EndpointVersion): Promise<OperationResult> {
	const endpoint = ENDPOINTS[version];
	const { body, password } = buildTransferBody.call(this, i, endpoint.idName);
	const id = body[endpoint.idName] as string;
	const reference = `transaction ID "${id}"`;
	const { body: response } = await ezeeWalletRequest.call(this, endpoint.call, {
		method: 'POST',
		path: endpoint.path,
		body,
		itemIndex: i,
		reference,
		sensitiveValues: [password, body.source_wallet_pwd as string],
	});
	const transfer = requireOwnId.call(this, endpoint.call, response.transfer as IDataObject, endpoint.idName, id, { itemIndex: i, reference });
	const answer = omitKeys(transfer, new Set(['source_wallet_pwd']));
	return withMoney(answer, answer.amount, answer.currency ?? body.currency, 'minor');
}

const displayOptions = { show: { resource: ['transfer'], operation: ['create', 'createLegacy'] } };

export const description: INodeProperties[] = [
	endpointVersionProperty('transfer', 'create', 'POST /transfers_new', 'POST /transfers'),
	savedLegacyNotice('transfer', 'createLegacy', 'Create'),
	...updateDisplayOptions(displayOptions, transferProperties),
];

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	return await sendTransfer.call(this, i, readEndpointVersion.call(this, i));
}

/** Sent at most once per Idempotency Key (payment ledger), and eZeeWallet refuses a repeated ID (408). */
export const moneyMove: Operation['moneyMove'] = { amount: readMajorAmount };
