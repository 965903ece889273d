import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { collectPages, readLimit, returnAllOrLimit } from '../../../shared/pagination';
import type { OperationResult } from '../../../shared/router';
import { checkEmail } from '../../../shared/validation';
import { listFrom, withCodeNames } from '../../codes';
import { KAZAWALLET_CALLS, kazawalletRequest } from '../../transport';
import { safeCard } from './common';
import { hasMorePages } from './paging';

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

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const limit = readLimit.call(this, i);
	const email = checkEmail(this.getNodeParameter('email', i, ''), 'User Email', false);
	const cards = await collectPages<IDataObject>(async (page) => {
		const { body } = await kazawalletRequest.call(this, KAZAWALLET_CALLS.listCards, {
			method: 'GET',
			path: '/get-merchant-wallets-cards',
			qs: { page },
			itemIndex: i,
		});
		return { entries: listFrom(body, ['cards', 'data']), hasMore: hasMorePages(body, page) };
	}, email ? undefined : limit);
	const selected = email
		? cards.filter((card) => String(card.email ?? card.userEmail ?? '').toLowerCase() === email.toLowerCase())
		: cards;
	return (limit === undefined ? selected : selected.slice(0, limit)).map((card) => withCodeNames(safeCard(card)));
}
