import type { IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { Operation, OperationResult } from '../../../shared/router';
import { KPAY_CALLS, kpayRequest, requireFields } from '../../transport';
import { checkPathSegment } from '../../validators';
import { segment, shopProperty } from '../common';

// Reference: kpay.txt, Shops, "Regenerate API Key" (POST /shops/{id}/regenerate-key → { api_key })

export const description = updateDisplayOptions({ show: { resource: ['shop'], operation: ['regenerateKey'] } }, [
	shopProperty({ description: 'The shop whose API key is replaced. The old key stops working at once.' }),
]);

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const shopId = checkPathSegment(this.getNodeParameter('shopId', i), 'Shop');
	const { body } = await kpayRequest.call(this, {
		method: 'POST',
		path: `/shops/${segment(shopId)}/regenerate-key`,
		// Sent once, no ledger: after a lost answer the old key is gone and the new one unknown; running
		// it again on purpose is the way out (it makes another key that the run does see).
		kind: KPAY_CALLS.regenerateKey,
		evidence: requireFields('api_key'),
		itemIndex: i,
		outcome: 'API key regeneration',
		reference: 'the shop in your KPAY dashboard (its key may have changed)',
	});
	return { shop_id: shopId, ...body };
}

/** It replaces a credential: never run by an AI agent (and not offered to one). */
export const notForAgents: Operation['notForAgents'] = true;
