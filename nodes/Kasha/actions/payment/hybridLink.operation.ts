import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/router';
import { kashaRequest, KASHA_CALLS } from '../../transport';
import { shapeResult, withCashierLink } from '../answers';
import { readSessionChoice, readSubOption } from '../choice';
import { offeredOptionsProperty, paymentOptionProperty, sessionIdProperty, subOptionProperty } from '../fields';

// Reference: "Hybrid Payment": session + preselected option → hosted cashier link.
// Path assumed: KASHA_CALLS.hybridPayment

const properties: INodeProperties[] = [
	sessionIdProperty,
	offeredOptionsProperty('payment'),
	paymentOptionProperty('getSessionPaymentOptions'),
	subOptionProperty('searchPaymentSubOptions', 'Only when the option has sub-options (banks); not for card'),
];

const displayOptions = { show: { resource: ['payment'], operation: ['createHybridLink'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const { sessionId, paymentOptionId, name } = readSessionChoice.call(this, i);
	const optionId = readSubOption.call(this, i);
	const body: IDataObject = { sessionId, paymentOptionId };
	if (optionId) body.optionId = optionId;
	const { body: answer } = await kashaRequest.call(this, KASHA_CALLS.hybridPayment, { body, itemIndex: i });
	const response = withCashierLink(shapeResult(answer));
	return {
		sessionId,
		paymentOptionId,
		paymentOptionName: name,
		...(optionId ? { optionId } : {}),
		transactionId: response.transactionId,
		url: response.url,
		response,
	};
}
