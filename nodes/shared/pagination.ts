import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { checkInteger } from './validation';

/** Return All / Limit, as every n8n list operation has them. */
export const returnAllOrLimit: INodeProperties[] = [
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of results to return',
		displayOptions: { show: { returnAll: [false] } },
	},
];

/** Hard stop for "Return All", so a provider that keeps saying "more" cannot loop forever. */
export const MAX_PAGES = 1000;

/** The limit for an item: undefined when Return All is on. */
export function readLimit(this: IExecuteFunctions, itemIndex: number): number | undefined {
	if (this.getNodeParameter('returnAll', itemIndex, false) as boolean) return undefined;
	return checkInteger(this.getNodeParameter('limit', itemIndex, 50), 'Limit', { min: 1 });
}

/**
 * Walks pages from `firstPage` until the provider says there are no more or the limit is reached.
 * `fetchPage` returns the page's entries and whether another page exists.
 */
export async function collectPages<T>(
	fetchPage: (page: number) => Promise<{ entries: T[]; hasMore: boolean }>,
	limit: number | undefined,
	firstPage = 1,
): Promise<T[]> {
	const collected: T[] = [];
	for (let page = firstPage; page < firstPage + MAX_PAGES; page++) {
		const { entries, hasMore } = await fetchPage(page);
		collected.push(...entries);
		if (limit !== undefined && collected.length >= limit) return collected.slice(0, limit);
		if (!hasMore || entries.length === 0) break;
	}
	return collected;
}
