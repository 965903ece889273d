import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/router';
import { kashaRequest, KASHA_CALLS } from '../../transport';
import { shapeResult } from '../answers';
import { readOfferedOptions, readSessionChoice, subOptionsOf } from '../choice';
import { offeredOptionsProperty, paymentOptionProperty, sessionIdProperty } from '../fields';

// Reference: "2. Get Payment Suboptions" (POST /v2/payment-suboptions, confirmed). Not for card.

const properties: INodeProperties[] = [
	sessionIdProperty,
	offeredOptionsProperty('payment'),
	paymentOptionProperty('getSessionPaymentOptions'),
];

const displayOptions = { show: { resource: ['payment'], operation: ['getSubOptions'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const { sessionId, paymentOptionId, name } = readSessionChoice.call(this, i);
	const { body } = await kashaRequest.call(this, KASHA_CALLS.paymentSuboptions, {
		body: { sessionId, paymentOptionId },
		itemIndex: i,
	});
	const response = shapeResult(body);
	const offered = readOfferedOptions(this.getNodeParameter('sessionPaymentOptions', i, []));
	// the session's option list travels on, so the next node can still pick by name
	return {
		sessionId,
		paymentOptionId,
		paymentOptionName: name,
		options: subOptionsOf(response),
		formInputs: response.formInputs ?? [],
		...(offered.length ? { paymentOptions: offered } : {}),
		response,
	};
}
