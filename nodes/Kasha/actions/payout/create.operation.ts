import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { idempotencyKeyProperty } from '../../../shared/ledger';
import type { Operation, OperationResult } from '../../../shared/router';
import { kashaRequest, KASHA_CALLS } from '../../transport';
import { shapeResult } from '../answers';
import { readExtraData } from '../card';
import { readSessionChoice, readSubOption } from '../choice';
import { methodFieldsProperty, offeredOptionsProperty, paymentOptionProperty, sessionIdProperty, subOptionProperty } from '../fields';
import { amountFixedByInitiate } from '../session';

// Reference: "3. Create Payout". Path inferred (predecessor API's /direct-payout): KASHA_CALLS.createPayout.
// The payout then stays PENDING until Confirm Payout approves or declines it.

const properties: INodeProperties[] = [
	sessionIdProperty,
	offeredOptionsProperty('payout'),
	paymentOptionProperty('getSessionPaymentOptions'),
	subOptionProperty('searchPayoutSubOptions', 'The option from Get Payout Sub-Options, e.g. d_316'),
	{ ...methodFieldsProperty, description: 'The form inputs the sub-option asks for, e.g. the beneficiary’s name' },
	// one payout per session: the session ID is the natural key (the sandbox, like Kasha's payout cashier
	// session, takes one payout per session)
	idempotencyKeyProperty('sessionId', 'payout'),
];

const displayOptions = { show: { resource: ['payout'], operation: ['create'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const { sessionId, paymentOptionId, name } = readSessionChoice.call(this, i);
	const optionId = readSubOption.call(this, i);
	const { extraData, secrets } = readExtraData.call(this, i, false);
	const body: IDataObject = { sessionId, paymentOptionId, extraData };
	if (optionId) body.optionId = optionId;
	const { body: response } = await kashaRequest.call(this, KASHA_CALLS.createPayout, {
		body,
		itemIndex: i,
		reference: `session "${sessionId}" (its transaction ID came with Initiate Payout)`,
		sensitiveValues: secrets,
	});
	const result = shapeResult(response);
	return { sessionId, paymentOptionId, paymentOptionName: name, optionId: optionId || null, transactionId: result.transactionId, response: result };
}

/**
 * Sent at most once per Idempotency Key (payment ledger). It creates a PENDING payout that an approval pays,
 * so it counts as a money move. The amount was fixed by Initiate Payout, so an AI agent is refused.
 */
export const moneyMove: Operation['moneyMove'] = { amount: amountFixedByInitiate('Create Payout') };
