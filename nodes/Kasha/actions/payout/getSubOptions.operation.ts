import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/router';
import { kashaRequest, KASHA_CALLS } from '../../transport';
import {
	offeredOptionsProperty,
	paymentOptionProperty,
	readOfferedOptions,
	readSessionChoice,
	sessionIdProperty,
	shapeResult,
	subOptionsOf,
} from '../common';

// Reference: kasha.txt, "2. Get Payout Suboptions". Path inferred (named by the reference): KASHA_ENDPOINTS.payoutSuboptions.
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
	const result = shapeResult(body);
	const options = subOptionsOf(result);
	const formInputs = result.formInputs ?? options.flatMap((option) => (Array.isArray(option.formInputs) ? option.formInputs : []));
	const offered = readOfferedOptions(this.getNodeParameter('sessionPaymentOptions', i, []));
	return {
		sessionId,
		paymentOptionName: name,
		...result,
		options,
		formInputs,
		...(offered.length ? { paymentOptions: offered } : {}),
	};
}
