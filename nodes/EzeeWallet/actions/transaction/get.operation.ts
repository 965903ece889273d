import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { readLocator } from '../../../shared/locator';
import { withMoney } from '../../../shared/output';
import type { OperationResult } from '../../../shared/router';
import { checkString } from '../../../shared/validation';
import { EZEEWALLET_CALLS, ezeeWalletRequest } from '../../transport';
import { transferLocator } from '../common';

// Reference (eZeeWallet API 1.3.7): "List Transactions" (GET /transaction?ezw_reference_id=): status of one transaction

const properties: INodeProperties[] = [
	transferLocator(
		'Transaction',
		'The transfer or payout: pick a transfer of the last 90 days, or enter the eZeeWallet reference ID (ezw_reference_id) that creating the transfer or payout returned. eZeeWallet cannot list payouts.',
	),
];

const displayOptions = { show: { resource: ['transaction'], operation: ['get'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/** eZeeWallet's answer (ezw_reference_id, status, type), plus `money` when it carries an amount and currency. */
export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const reference = checkString(readLocator(this, 'ezwReferenceId', i, 'Transaction'), 'Transaction', { maxLength: 255 });
	const { body } = await ezeeWalletRequest.call(this, EZEEWALLET_CALLS.getTransaction, {
		method: 'GET',
		path: '/transaction',
		qs: { ezw_reference_id: reference },
		itemIndex: i,
	});
	return withMoney(body, body.amount, body.currency, 'minor');
}
