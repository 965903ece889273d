import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { collectPages, readLimit, returnAllOrLimit } from '../../../shared/pagination';
import type { OperationResult } from '../../../shared/router';
import { checkEmail } from '../../../shared/validation';
import { KAZAWALLET_CALLS, kazawalletRequest, listFrom, withCodeNames } from '../../transport';
import { safeCard } from './common';

// Reference: kazawallet.txt, "Get Cards List" (GET /get-merchant-wallets-cards). Paging is not public:
// `page` is sent and more pages are read while the answer says totalPages > page.

const properties: INodeProperties[] = [
	...returnAllOrLimit,
	{
		displayName: 'User Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		default: '',
		description: 'Only the cards of this user. Leave empty for every card.',
	},
];

const displayOptions = { show: { resource: ['card'], operation: ['getMany'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/** Whether the answer says another page follows (page/totalPages at the top or under pagination). */
export function hasMorePages(body: IDataObject, page: number): boolean {
	const pagination = (body.pagination ?? body) as IDataObject;
	const total = Number(pagination.totalPages ?? pagination.total_pages ?? pagination.pages ?? 0);
	return Number.isFinite(total) && total > page;
}

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const limit = readLimit.call(this, i);
	const email = checkEmail(this.getNodeParameter('email', i, ''), 'User Email', false);
	const cards = await collectPages<IDataObject>(async (page) => {
		const { body } = await kazawalletRequest.call(this, {
			method: 'GET',
			path: '/get-merchant-wallets-cards',
			qs: { page },
			kind: KAZAWALLET_CALLS.listCards,
			itemIndex: i,
		});
		return { entries: listFrom(body, ['cards', 'data']), hasMore: hasMorePages(body, page) };
	}, email ? undefined : limit);
	const selected = email
		? cards.filter((card) => String(card.email ?? card.userEmail ?? '').toLowerCase() === email.toLowerCase())
		: cards;
	return (limit === undefined ? selected : selected.slice(0, limit)).map((card) => withCodeNames(safeCard(card)));
}
