import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

// Dropdowns of the Kasha node. Kasha has no call that lists sessions, transactions or payment options
// outside a session: a session's options come from Initiate's answer (the incoming item), its sub-options
// from "2. Get Payment Suboptions" / "2. Get Payout Suboptions" (reads), so every list is the
// credential's environment by construction.

import { asText } from '../../shared/validation';
import { shapeResult } from '../actions/answers';
import { readOfferedOptions, resolvePaymentOption, subOptionsOf } from '../actions/choice';
import type { KashaCallSpec } from '../transport';
import { firstObject, kashaRequest, KASHA_CALLS } from '../transport';

function parameter(context: ILoadOptionsFunctions, name: string): unknown {
	const value = context.getCurrentNodeParameter(name);
	// an unresolved expression means the editor has no data for it yet
	return typeof value === 'string' && value.startsWith('=') ? undefined : value;
}

/** The payment options of the session the node works on, listed by name (the value is the name). */
export async function getSessionPaymentOptions(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const offered = readOfferedOptions(parameter(this, 'sessionPaymentOptions'));
	if (!offered.length) {
		throw new NodeOperationError(
			this.getNode(),
			'No payment options to list: run the Initiate step before this node once (its paymentOptions fill the list), or set the option by name or ID with an expression',
		);
	}
	return offered.map((option) => ({
		name: asText(option.name) || asText(option.paymentOptionId),
		value: asText(option.name) || asText(option.paymentOptionId),
		description: `ID ${asText(option.paymentOptionId).slice(0, 24)}…`,
	}));
}

async function listSubOptions(context: ILoadOptionsFunctions, call: KashaCallSpec): Promise<INodePropertyOptions[]> {
	const sessionId = parameter(context, 'sessionId');
	const chosen = parameter(context, 'paymentOption');
	if (typeof sessionId !== 'string' || !sessionId || typeof chosen !== 'string' || !chosen) {
		throw new NodeOperationError(context.getNode(), 'Set the Session ID and the Payment Option first');
	}
	const { paymentOptionId } = resolvePaymentOption(chosen, readOfferedOptions(parameter(context, 'sessionPaymentOptions')));
	const { body } = await kashaRequest.call(context, call, {
		body: { sessionId, paymentOptionId },
	});
	const options = subOptionsOf(shapeResult(firstObject(body)));
	return options.map((option: IDataObject) => ({
		name: asText(option.name) || asText(option.id),
		value: asText(option.id),
		description: asText(option.id),
	}));
}

/** Banks and other sub-options of a payment option, loaded from Kasha with the node's session. */
export async function getPaymentSubOptions(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await listSubOptions(this, KASHA_CALLS.paymentSuboptions);
}

/** Sub-options of a payout option, loaded from Kasha with the node's session. */
export async function getPayoutSubOptions(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await listSubOptions(this, KASHA_CALLS.payoutSuboptions);
}
