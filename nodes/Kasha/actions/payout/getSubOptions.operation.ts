import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/router';
import { kashaRequest, KASHA_CALLS } from '../../transport';
import { shapeResult } from '../answers';
import { readOfferedOptions, readSessionChoice, subOptionsOf } from '../choice';
import { offeredOptionsProperty, paymentOptionProperty, sessionIdProperty } from '../fields';

// Reference: "2. Get Payout Suboptions". Path inferred (named by the reference): KASHA_CALLS.payoutSuboptions.
// Kasha answers an array whose "options" is one object with its formInputs; both are normalised.

const properties: INodeProperties[] = [
	sessionIdProperty,
	offeredOptionsProperty('payout'),
	paymentOptionProperty('getSessionPaymentOptions'),
];

const displayOptions = { show: { resource: ['payout'], operation: ['getSubOptions'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const { sessionId, paymentOptionId, name } = readSessionChoice.call(this, i);
	const { body } = await kashaRequest.call(this, KASHA_CALLS.payoutSuboptions, {
		body: { sessionId, paymentOptionId },
		itemIndex: i,
	});
	const response = shapeResult(body);
	const options = subOptionsOf(response);
	const formInputs = response.formInputs ?? options.flatMap((option) => (Array.isArray(option.formInputs) ? option.formInputs : []));
	const offered = readOfferedOptions(this.getNodeParameter('sessionPaymentOptions', i, []));
	return {
		sessionId,
		paymentOptionId,
		paymentOptionName: name,
		options,
		formInputs,
		...(offered.length ? { paymentOptions: offered } : {}),
		response,
	};
}
