import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

// Dropdowns of the Kasha node. Kasha has no call that lists sessions, transactions or payment options
// outside a session: a session's options come from Initiate's answer (the incoming item). Its sub-options
// are a resource locator (./listSearch.ts).

import { asText } from '../../shared/validation';
import { readOfferedOptions } from '../actions/choice';

/** A parameter of the node being edited; undefined while it is an expression the editor cannot resolve. */
export function parameter(context: ILoadOptionsFunctions, name: string): unknown {
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
