import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { readLimit, returnAllOrLimit } from '../../../shared/pagination';
import type { OperationResult } from '../../../shared/router';
import { KPAY_CALLS, kpayRequest } from '../../transport';
import { maskCards, showFullCardNumberOption } from '../common';

// Reference: Cards, List Cards (GET /cards → { cards, total }; one page, no paging parameters)

export const description = updateDisplayOptions({ show: { resource: ['card'], operation: ['getMany'] } }, [
	...returnAllOrLimit,
	showFullCardNumberOption,
]);

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const limit = readLimit.call(this, i);
	const showFull = this.getNodeParameter('revealCardData', i, false) as boolean;
	const { body } = await kpayRequest.call(this, KPAY_CALLS.listCards, { method: 'GET', path: '/cards', itemIndex: i });
	const cards = ((body.cards ?? []) as IDataObject[]).map((card) => maskCards(card, showFull));
	return limit === undefined ? cards : cards.slice(0, limit);
}
