import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { idempotencyKeyProperty } from '../../../shared/ledger';
import type { Operation, OperationResult } from '../../../shared/router';
import { firstObject, kashaRequest, KASHA_CALLS } from '../../transport';
import { directPaymentAction, shapeResult } from '../answers';
import { cardSummary, readExtraData, requireCardFor } from '../card';
import { readSessionChoice, readSubOption } from '../choice';
import { cardProperty, methodFieldsProperty, offeredOptionsProperty, paymentOptionProperty, sessionIdProperty, subOptionProperty } from '../fields';
import { amountFixedByInitiate } from '../session';

// Reference: "3. Post a Payment" (POST /v2/direct-payment, confirmed). Completes the
// session (one payment per session). Card data goes in extraData and is never echoed.

const properties: INodeProperties[] = [
	sessionIdProperty,
	offeredOptionsProperty('payment'),
	paymentOptionProperty('getSessionPaymentOptions'),
	subOptionProperty('searchPaymentSubOptions', 'The bank or other sub-option, when the option has them (not for card)'),
	cardProperty,
	methodFieldsProperty,
	// Kasha allows one payment per session ("only 1 payment is allowed for each session"): the session ID is
	// the natural key, and Kasha refuses a second post on it (3017 / 3008), the second guard
	idempotencyKeyProperty('sessionId', 'payment'),
];

const displayOptions = { show: { resource: ['payment'], operation: ['post'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/** Sends the direct payment; shared with Pay (Initiate and Post). */
export async function postPayment(
	this: IExecuteFunctions,
	i: number,
	request: { sessionId: string; paymentOptionId: string; optionId?: string; extraData: IDataObject; secrets: string[]; reference: string },
): Promise<IDataObject> {
	const { body } = await kashaRequest.call(this, KASHA_CALLS.directPayment, {
		body: {
			sessionId: request.sessionId,
			paymentOptionId: request.paymentOptionId,
			optionId: request.optionId || null,
			extraData: request.extraData,
		},
		itemIndex: i,
		reference: request.reference,
		sensitiveValues: request.secrets,
	});
	const response = shapeResult(body);
	delete response.extraData;
	// 300 and 081-084 are not failures: the workflow has something to do (redirect, show a QR code, ...)
	const action = directPaymentAction(firstObject(body).statusCode);
	const card = cardSummary(request.extraData);
	return {
		transactionId: response.transactionId,
		...(response.status !== undefined ? { status: response.status } : {}),
		...(action ? { action } : {}),
		...(card ? { card } : {}),
		response,
	};
}

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const { sessionId, paymentOptionId, name } = readSessionChoice.call(this, i);
	const optionId = readSubOption.call(this, i);
	const { extraData, secrets } = readExtraData.call(this, i, true);
	requireCardFor(name, extraData);
	const result = await postPayment.call(this, i, {
		sessionId,
		paymentOptionId,
		optionId,
		extraData,
		secrets,
		reference: `session "${sessionId}" with Get Status (its transaction ID came with Initiate)`,
	});
	return { sessionId, paymentOptionId, paymentOptionName: name, optionId: optionId || null, ...result };
}

/**
 * Sent at most once per Idempotency Key (payment ledger). The amount was fixed by Initiate, so an AI agent
 * is refused (amountFixedByInitiate).
 */
export const moneyMove: Operation['moneyMove'] = { amount: amountFixedByInitiate('Post') };
