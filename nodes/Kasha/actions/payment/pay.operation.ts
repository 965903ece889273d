import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeApiError, NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { idempotencyKeyProperty } from '../../../shared/ledger';
import type { Operation, OperationResult } from '../../../shared/router';
import { moneyOf } from '../../../shared/output';
import { checkString } from '../../../shared/validation';
import { firstObject, kashaRequest, KASHA_CALLS } from '../../transport';
import { shapeResult } from '../answers';
import { readExtraData, requireCardFor } from '../card';
import { resolvePaymentOption, resolveSubOption, subOptionsOf } from '../choice';
import { cardProperty, methodFieldsProperty } from '../fields';
import { sessionProperties } from '../sessionFields';
import { buildSessionBody } from '../session';
import { postPayment } from './post.operation';

// Convenience for the common direct flow of the reference: "1. Initiate a Payment" → "2. Get Payment
// Suboptions" (only when a sub-option is asked for) → "3. Post a Payment", with every id in the output.

const properties: INodeProperties[] = [
	// the Merchant Reference is a top-level field here (not in Additional Fields): n8n resolves
	// `$parameter["merchantReference"]` only for a top-level field, and it is the Idempotency Key's default
	...sessionProperties('paymentInitiate', true),
	{
		displayName: 'Payment Option',
		name: 'paymentOptionName',
		type: 'string',
		required: true,
		default: 'Card',
		description: 'Name (as Kasha lists it, e.g. Card) or paymentOptionId of the option to pay with. The names offered depend on country, currency and amount.',
	},
	{
		displayName: 'Sub-Option',
		name: 'subOption',
		type: 'string',
		default: '',
		placeholder: 'Alfa-Bank',
		description: 'Name or ID of the bank or other sub-option, when the option has them. Leave empty for card.',
	},
	cardProperty,
	methodFieldsProperty,
	// One payment per merchant reference (Kasha wants it unique per transaction): the reference is the key.
	// A decline gives the key back (the ledger), but Kasha may refuse the used reference (3017): pay again
	// after a decline with a new reference, which is a new key.
	idempotencyKeyProperty('merchantReference', 'payment'),
];

const displayOptions = { show: { resource: ['payment'], operation: ['pay'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	// everything is validated before the first request
	const body = buildSessionBody.call(this, i, 'paymentInitiate', true);
	const chosen = checkString(this.getNodeParameter('paymentOptionName', i), 'Payment Option', { maxLength: 1000 });
	const subOption = checkString(this.getNodeParameter('subOption', i, ''), 'Sub-Option', { required: false, maxLength: 255 });
	const { extraData, secrets } = readExtraData.call(this, i, true);
	requireCardFor(chosen, extraData);

	let initiated: unknown;
	try {
		({ body: initiated } = await kashaRequest.call(this, KASHA_CALLS.paymentOptions, { body, itemIndex: i }));
	} catch (error) {
		throw initiateFailed(error, body.merchantReference as string | undefined);
	}
	const session = shapeResult(initiated);
	const sessionId = String(session.sessionId ?? '');
	const transactionId = String(session.transactionId ?? '').replace(/,$/, '');
	const steps: IDataObject = { sessionId, transactionId, merchantReference: body.merchantReference };
	const offered = Array.isArray(session.paymentOptions) ? (session.paymentOptions as IDataObject[]) : [];

	let option: { paymentOptionId: string; name?: string };
	try {
		option = resolvePaymentOption(chosen, offered);
	} catch (error) {
		throw new NodeOperationError(this.getNode(), `Payment option "${chosen}" is not offered for this payment`, {
			itemIndex: i,
			description: `${(error as Error).message}. A session was opened (session ${sessionId}, transaction ${transactionId}) but nothing was paid; it expires after 30 minutes.`,
		});
	}
	Object.assign(steps, { paymentOptionId: option.paymentOptionId, paymentOptionName: option.name });

	let optionId: string | undefined;
	if (subOption) {
		const { body: listed } = await kashaRequest.call(this, KASHA_CALLS.paymentSuboptions, {
			body: { sessionId, paymentOptionId: option.paymentOptionId },
			itemIndex: i,
		});
		let match: IDataObject;
		try {
			match = resolveSubOption(subOption, subOptionsOf(shapeResult(firstObject(listed))));
		} catch (error) {
			throw new NodeOperationError(this.getNode(), `Sub-option "${subOption}" is not offered`, {
				itemIndex: i,
				description: `${(error as Error).message}. Nothing was paid (session ${sessionId}).`,
			});
		}
		optionId = String(match.id);
		Object.assign(steps, { optionId, optionName: match.name });
	}

	try {
		const result = await postPayment.call(this, i, {
			sessionId,
			paymentOptionId: option.paymentOptionId,
			optionId,
			extraData,
			secrets,
			reference: `transaction ID "${transactionId}" with Get Status`,
		});
		const money = moneyOf(body.amount, body.currency, 'major');
		const { response, ...summary } = result;
		return { ...steps, ...summary, transactionId: summary.transactionId ?? transactionId, ...(money ? { money } : {}), response };
	} catch (error) {
		throw withSteps(error, `Session ${sessionId}, transaction ${transactionId}, payment option ${option.name ?? option.paymentOptionId}${optionId ? `, sub-option ${optionId}` : ''}.`, steps);
	}
}

/** Puts the intermediate ids into a failed post's error, so the workflow can look the payment up. */
function withSteps(error: unknown, summary: string, steps: IDataObject): unknown {
	if (error instanceof NodeApiError) {
		error.description = `${error.description ? `${error.description} ` : ''}${summary}`;
		error.context.transactionId = steps.transactionId as string;
		error.context.sessionId = steps.sessionId as string;
	}
	return error;
}

/**
 * Initiate only opens a session: whatever happened to it, nothing was paid, so its failure is never an
 * unknown outcome of the payment (the ledger gives the key back and a re-run initiates again).
 */
function initiateFailed(error: unknown, merchantReference: string | undefined): unknown {
	if (error instanceof NodeApiError && error.context.outcomeUnknown === true) {
		error.context.outcomeUnknown = false;
		error.description = `${error.description ? `${error.description} ` : ''}Only the session may have been opened${merchantReference ? ` (merchant reference "${merchantReference}")` : ''}: nothing was paid. An unused session expires after 30 minutes; Kasha may refuse a second session with the same merchant reference (3017), then use a new one.`;
	}
	return error;
}

/** Sent at most once per Idempotency Key (payment ledger); AI agents are held to the node's maximum. */
export const moneyMove: Operation['moneyMove'] = {
	amount(this: IExecuteFunctions, itemIndex: number) {
		return String(this.getNodeParameter('amount', itemIndex) ?? '').trim();
	},
};
