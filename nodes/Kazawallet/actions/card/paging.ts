import type { IDataObject } from 'n8n-workflow';

// Kazawallet's card lists are paged (`page` is sent); how the answer says more pages follow is not public:
// `totalPages` (or total_pages / pages) at the top or under `pagination` is read (assumed, see docs/kazawallet.md).

/** Whether the answer says another page follows (page/totalPages at the top or under pagination). */
export function hasMorePages(body: IDataObject, page: number): boolean {
	const pagination = (body.pagination ?? body) as IDataObject;
	const total = Number(pagination.totalPages ?? pagination.total_pages ?? pagination.pages ?? 0);
	return Number.isFinite(total) && total > page;
}
