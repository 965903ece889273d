import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { searchResults } from '../../shared/locator';
import { asText } from '../../shared/validation';
import { shapeResult } from '../actions/answers';
import { readOfferedOptions, resolvePaymentOption, subOptionsOf } from '../actions/choice';
import type { KashaCallSpec } from '../transport';
import { firstObject, kashaRequest, KASHA_CALLS } from '../transport';
import { parameter } from './loadOptions';

// "From list" of the Sub-Option resource locator: the banks and other sub-options of the node's session
// and payment option, read from Kasha ("2. Get Payment Suboptions" / "2. Get Payout Suboptions", reads that
// create nothing) with the node's credential, so only its environment's sub-options are offered.

async function listSubOptions(context: ILoadOptionsFunctions, call: KashaCallSpec, filter?: string): Promise<INodeListSearchResult> {
	const sessionId = parameter(context, 'sessionId');
	const chosen = parameter(context, 'paymentOption');
	if (typeof sessionId !== 'string' || !sessionId || typeof chosen !== 'string' || !chosen) {
		throw new NodeOperationError(context.getNode(), 'Set the Session ID and the Payment Option first');
	}
	const { paymentOptionId } = resolvePaymentOption(chosen, readOfferedOptions(parameter(context, 'sessionPaymentOptions')));
	const { body } = await kashaRequest.call(context, call, { body: { sessionId, paymentOptionId } });
	const options = subOptionsOf(shapeResult(firstObject(body)));
	return searchResults(
		options.map((option: IDataObject) => ({ name: asText(option.name) || asText(option.id), value: asText(option.id) })),
		filter,
	);
}

/** Banks and other sub-options of a payment option, loaded from Kasha with the node's session. */
export async function searchPaymentSubOptions(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	return await listSubOptions(this, KASHA_CALLS.paymentSuboptions, filter);
}

/** Sub-options of a payout option, loaded from Kasha with the node's session. */
export async function searchPayoutSubOptions(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	return await listSubOptions(this, KASHA_CALLS.payoutSuboptions, filter);
}
