import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { idempotencyKeyProperty } from '../../../shared/ledger';
import type { Operation, OperationResult } from '../../../shared/router';
import { checkInteger, checkOneOf, checkString, checkUrl } from '../../../shared/validation';
import { KPAY_CALLS, kpayRequest } from '../../transport';
import { cardLocator, readId, rials, shopLocator } from '../common';

// Reference: Transactions, Create Transaction (POST /transactions/create)

/** Query parameter that carries the expected amount to the KPAY Trigger (its "Amount Query Parameter"). */
export const CALLBACK_AMOUNT_PARAMETER = 'amount';

const properties: INodeProperties[] = [
	shopLocator({ description: 'The shop the payment is for. Pick it from the list, or enter its ID (Shop → Get Many shows the IDs).' }),
	cardLocator,
	{
		displayName: 'Amount (Rials)',
		name: 'amount',
		type: 'number',
		typeOptions: { minValue: 1, numberPrecision: 0 },
		required: true,
		default: 0,
		description: 'Amount in Iranian Rials, a whole number (10 Rials = 1 Toman)',
	},
	{
		displayName: 'Factor Number',
		name: 'factorNumber',
		type: 'string',
		default: '',
		placeholder: 'INV-1001',
		description:
			'Your invoice or order number, stored with the transaction (Transaction → Get Many shows it). It is also the default Idempotency Key.',
	},
	// defaults to the Factor Number (a top-level field, so the expression resolves item by item)
	idempotencyKeyProperty('factorNumber', 'payment request'),
	{
		displayName: 'Callback URL',
		name: 'callbackUrl',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'https://n8n.example.com/webhook/…/callback',
		description:
			"Where the payer's browser goes after paying, with ?authority=… added by KPAY. Use the Callback URL of a KPAY Trigger to verify payments.",
	},
	{
		displayName: 'Fee Paid By',
		name: 'feeSide',
		type: 'options',
		options: [
			{ name: 'Customer', value: 'customer', description: 'The fee is added to the amount the payer transfers' },
			{ name: 'Merchant', value: 'merchant', description: 'The payer transfers the amount; the fee is deducted from it' },
		],
		default: 'customer',
		description: 'Who pays KPAY\'s fee',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Add Amount to Callback URL',
				name: 'addAmountToCallback',
				type: 'boolean',
				default: true,
				description: `Whether "${CALLBACK_AMOUNT_PARAMETER}=&lt;amount&gt;" is added to the callback URL, so the KPAY Trigger can compare the paid amount with it`,
			},
			{ displayName: 'Description', name: 'description', type: 'string', default: '', description: 'A description of the payment' },
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['transaction'], operation: ['create'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const additional = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
	const amount = checkInteger(this.getNodeParameter('amount', i), 'Amount (Rials)', { min: 1 });
	let callbackUrl = checkUrl(this.getNodeParameter('callbackUrl', i), 'Callback URL');
	if (additional.addAmountToCallback !== false) {
		const url = new URL(callbackUrl);
		url.searchParams.set(CALLBACK_AMOUNT_PARAMETER, String(amount));
		callbackUrl = url.toString();
	}
	const body: IDataObject = {
		shop_id: readId(this, 'shopId', i, 'Shop'),
		card_id: readId(this, 'cardId', i, 'Card'),
		amount,
		callback_url: callbackUrl,
		fee_side: checkOneOf(this.getNodeParameter('feeSide', i, 'customer'), 'Fee Paid By', ['customer', 'merchant']),
	};
	const text = checkString(additional.description, 'Description', { required: false, maxLength: 1000 });
	if (text) body.description = text;
	const factorNumber = checkString(this.getNodeParameter('factorNumber', i, ''), 'Factor Number', { required: false, maxLength: 255 });
	if (factorNumber) body.factor_number = factorNumber;
	// Never resent automatically: a second payment request could be paid twice.
	const { body: transaction } = await kpayRequest.call(this, KPAY_CALLS.createTransaction, {
		method: 'POST',
		path: '/transactions/create',
		body,
		itemIndex: i,
		reference: factorNumber
			? `factor number "${factorNumber}" in Transactions → Get Many`
			: `the newest transactions of the shop in Transactions → Get Many`,
	});
	// KPAY's answer under `response`; beside it what was sent that the answer does not repeat
	return {
		authority: transaction.authority,
		paymentUrl: transaction.payment_url,
		callbackUrl,
		factorNumber: factorNumber || undefined,
		money: rials(transaction.amount ?? amount),
		response: transaction,
	};
}

/** Sent at most once per Idempotency Key (payment ledger); agents are held to the node's maximum (in Rials). */
export const moneyMove: Operation['moneyMove'] = {
	amount(this: IExecuteFunctions, i: number) {
		const amount = this.getNodeParameter('amount', i, '') as unknown;
		return amount === '' || amount === undefined || amount === null ? undefined : String(amount);
	},
};
