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
} from '../common';

// Reference: kasha.txt, "2. Get Payment Suboptions" (POST /v2/payment-suboptions, confirmed). Not for card.

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
	const offered = readOfferedOptions(this.getNodeParameter('sessionPaymentOptions', i, []));
	// the session's option list travels on, so the next node can still pick by name
	return { sessionId, paymentOptionName: name, ...shapeResult(body), ...(offered.length ? { paymentOptions: offered } : {}) };
}
