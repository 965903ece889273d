import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/router';
import { checkString } from '../../../shared/validation';
import { kashaRequest, KASHA_CALLS } from '../../transport';
import {
	offeredOptionsProperty,
	paymentOptionProperty,
	readSessionChoice,
	sessionIdProperty,
	shapeResult,
	withCashierLink,
} from '../common';

// Reference: kasha.txt, "Hybrid Payment": session + preselected option → hosted cashier link.
// Path assumed: KASHA_ENDPOINTS.hybridPayment

const properties: INodeProperties[] = [
	sessionIdProperty,
	offeredOptionsProperty('payment'),
	paymentOptionProperty('getSessionPaymentOptions'),
	{
		displayName: 'Sub-Option Name or ID',
		name: 'optionId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getPaymentSubOptions', loadOptionsDependsOn: ['sessionId', 'paymentOption'] },
		default: '',
		description:
			'Only when the option has sub-options (banks); not for card. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
];

const displayOptions = { show: { resource: ['payment'], operation: ['createHybridLink'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const { sessionId, paymentOptionId, name } = readSessionChoice.call(this, i);
	const optionId = checkString(this.getNodeParameter('optionId', i, ''), 'Sub-Option', { required: false, maxLength: 255 });
	const body: IDataObject = { sessionId, paymentOptionId };
	if (optionId) body.optionId = optionId;
	const { body: response } = await kashaRequest.call(this, KASHA_CALLS.hybridPayment, { body, itemIndex: i });
	return { sessionId, paymentOptionId, paymentOptionName: name, ...(optionId ? { optionId } : {}), ...withCashierLink(shapeResult(response)) };
}
