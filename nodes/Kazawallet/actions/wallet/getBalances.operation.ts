import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/router';
import { withMoney } from '../../../shared/output';
import { listFrom } from '../../codes';
import { KAZAWALLET_CALLS, kazawalletRequest } from '../../transport';
import { checkWalletCurrency } from '../common';

// Kazawallet API reference, "Get Balance" (GET /get-merchant-wallets) → { success, wallets: [ { currency, amount } ] }

const properties: INodeProperties[] = [
	{
		displayName: 'Currency',
		name: 'currency',
		type: 'string',
		default: '',
		placeholder: 'USD',
		description: 'Only the wallet in this currency. Leave empty for every wallet (one item each).',
	},
];

const displayOptions = { show: { resource: ['wallet'], operation: ['getBalances'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const wanted = String(this.getNodeParameter('currency', i, '') ?? '').trim();
	const currency = wanted ? checkWalletCurrency(wanted) : '';
	const { body } = await kazawalletRequest.call(this, KAZAWALLET_CALLS.getBalances, {
		method: 'GET',
		path: '/get-merchant-wallets',
		itemIndex: i,
	});
	const wallets = listFrom(body, ['wallets', 'data']);
	const selected = currency
		? wallets.filter((wallet) => String(wallet.currency ?? '').toUpperCase() === currency)
		: wallets;
	// each wallet as Kazawallet gives it, plus its balance as money
	return selected.map((wallet): IDataObject => withMoney(wallet, wallet.amount, wallet.currency, 'major'));
}
