import type { IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/router';
import { checkString } from '../../../shared/validation';
import { kpayRequest } from '../../transport';
import { segment, shopProperty } from '../common';

// Reference: kpay.txt, Shops, "Regenerate API Key" (POST /shops/{id}/regenerate-key → { api_key })

export const description = updateDisplayOptions({ show: { resource: ['shop'], operation: ['regenerateKey'] } }, [
	shopProperty({ description: 'The shop whose API key is replaced. The old key stops working at once.' }),
]);

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const shopId = checkString(this.getNodeParameter('shopId', i), 'Shop');
	const { body } = await kpayRequest.call(this, {
		method: 'POST',
		path: `/shops/${segment(shopId)}/regenerate-key`,
		kind: 'moneyMove',
		itemIndex: i,
		outcome: 'API key regeneration',
		reference: 'the shop in your KPAY dashboard (its key may have changed)',
	});
	return { shop_id: shopId, ...body };
}
