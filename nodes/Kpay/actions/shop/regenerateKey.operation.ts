import type { IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { Operation, OperationResult } from '../../../shared/router';
import { KPAY_CALLS, kpayRequest } from '../../transport';
import { readId, segment, shopLocator } from '../common';

// Reference: Shops, Regenerate API Key (POST /shops/{id}/regenerate-key → { api_key })

export const description = updateDisplayOptions({ show: { resource: ['shop'], operation: ['regenerateKey'] } }, [
	shopLocator({ description: 'The shop whose API key is replaced. The old key stops working at once.' }),
]);

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	// the shared request path refuses IDs that would climb or reshape the URL path
	const shopId = readId(this, 'shopId', i, 'Shop');
	const { body } = await kpayRequest.call(this, KPAY_CALLS.regenerateKey, {
		method: 'POST',
		path: `/shops/${segment(shopId)}/regenerate-key`,
		// Sent once, no ledger: after a lost answer the old key is gone and the new one unknown; running
		// it again on purpose is the way out (it makes another key that the run does see).
		itemIndex: i,
		reference: 'the shop in your KPAY dashboard (its key may have changed)',
	});
	// KPAY's answer (the new key) under `response`, beside the shop it belongs to
	return { shopId, response: body };
}

/** It replaces a credential: never run by an AI agent (and not offered to one). */
export const notForAgents: Operation['notForAgents'] = true;
