import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/router';
import { checkString } from '../../../shared/validation';
import { ezeeWalletRequest } from '../../transport';

// Reference: ezeewallet.txt, "List Transactions" (GET /transaction?ezw_reference_id=): status of one transaction

const properties: INodeProperties[] = [
	{
		displayName: 'eZeeWallet Reference ID',
		name: 'ezwReferenceId',
		type: 'string',
		required: true,
		default: '',
		description: 'The ezw_reference_id returned when the transfer or payout was created',
	},
];

const displayOptions = { show: { resource: ['transaction'], operation: ['get'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const reference = checkString(this.getNodeParameter('ezwReferenceId', i), 'eZeeWallet Reference ID', {
		maxLength: 255,
	});
	const { body } = await ezeeWalletRequest.call(this, {
		method: 'GET',
		path: '/transaction',
		qs: { ezw_reference_id: reference },
		kind: 'read',
		itemIndex: i,
	});
	return body;
}
