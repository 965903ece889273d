import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { KashaCallSpec } from '../transport';
import { firstObject, kashaRequest, KASHA_CALLS } from '../transport';
import { readOfferedOptions, resolvePaymentOption, shapeResult, subOptionsOf } from './common';

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
		name: String(option.name ?? option.paymentOptionId),
		value: String(option.name ?? option.paymentOptionId),
		description: `ID ${String(option.paymentOptionId).slice(0, 24)}…`,
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
		name: String(option.name ?? option.id),
		value: String(option.id),
		description: String(option.id),
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
