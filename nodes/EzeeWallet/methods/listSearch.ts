import type { IDataObject, ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';

import { searchResults } from '../../shared/locator';
import { moneyOf } from '../../shared/output';
import { collectPages } from '../../shared/pagination';
import { listTransfersPage, toRfc3339 } from '../actions/transfer/getMany.operation';

/** How far back "From List" looks for transfers, and how many it loads at most. */
export const TRANSFER_LIST_DAYS = 90;
const TRANSFER_LIST_MAX = 300;

const text = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? String(value) : '');

/** "order-1 · 12.34 EUR · approved · alice@example.com", from a TransferNew of "ListTransfers". */
function transferName(transfer: IDataObject): string {
	const money = moneyOf(transfer.amount, transfer.currency, 'minor');
	return [
		text(transfer.merchant_transaction_id) || text(transfer.transaction_id) || text(transfer.ezw_reference_id),
		money ? `${money.amount} ${money.currency}` : '',
		text(transfer.status),
		text(transfer.consumer_email),
	]
		.filter(Boolean)
		.join(' · ');
}

/**
 * Transfers of the last 90 days ("ListTransfers" by date range), in eZeeWallet's order, for the transfer
 * locators; the typed filter matches the merchant transaction ID, amount, status, consumer email or the
 * eZeeWallet reference ID. The credential's environment decides which eZeeWallet is asked, so the list
 * holds only that environment's transfers. eZeeWallet cannot list payouts or consumers.
 */
export async function searchTransfers(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const now = Date.now();
	const day = 24 * 3600 * 1000;
	const start = new Date(now - TRANSFER_LIST_DAYS * day);
	// a day ahead: dates are sent to the second, and the provider's clock may run behind ours
	const end = new Date(now + day);
	const qs = { start_date: toRfc3339(start), end_date: toRfc3339(end) };
	const transfers = await collectPages<IDataObject>((page) => listTransfersPage.call(this, qs, page), TRANSFER_LIST_MAX);
	const items: INodeListSearchItems[] = transfers
		.filter((transfer) => text(transfer.ezw_reference_id))
		.map((transfer) => ({ name: transferName(transfer), value: text(transfer.ezw_reference_id) }));
	return searchResults(items, filter);
}
