import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { collectPages, readLimit, returnAllOrLimit } from '../../../shared/pagination';
import { pick, simplifyProperty } from '../../../shared/output';
import type { OperationResult } from '../../../shared/router';
import { checkEmail } from '../../../shared/validation';
import { listFrom } from '../../codes';
import { KAZAWALLET_CALLS, kazawalletRequest } from '../../transport';
import { cardOutput } from './common';
import { hasMorePages } from './paging';

// Kazawallet API reference, "Get Cards List" (GET /get-merchant-wallets-cards). Paging is not public:
// `page` is sent and more pages are read while the answer says totalPages > page.

/** What Simplify keeps of a card (the fields most workflows map). */
const SIMPLE_CARD = ['id', 'email', 'cardType', 'status', 'statusName', 'locked', 'balance', 'currency', 'money', 'cardNumber'];

const displayOptions = { show: { resource: ['card'], operation: ['getMany'] } };

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
	simplifyProperty(undefined, SIMPLE_CARD.join(', ')),
];

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
	const simplify = this.getNodeParameter('simplify', i, true) as boolean;
	return (limit === undefined ? selected : selected.slice(0, limit)).map((card) => {
		const output = cardOutput(card);
		return simplify ? pick(output, SIMPLE_CARD) : output;
	});
}
