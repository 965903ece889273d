import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import {
	assertSafeToRetry,
	claimKeys,
	ledgerEnabled,
	readIdempotencyKey,
	releaseKeys,
	runsAsAgentTool,
} from '../../../shared/ledger';
import { moneyOf } from '../../../shared/output';
import { redactFields } from '../../../shared/redact';
import type { StoppedItem } from '../../../shared/router';
import { describeStoppedRun, errorItemJsonFor, toNodeError } from '../../../shared/router';
import { isUnknownOutcome, providerFailure, unknownOutcomeMessage } from '../../../shared/transport';
import { checkInteger, FieldError } from '../../../shared/validation';
import { EZEEWALLET_CALLS, ezeeWalletApi, ezeeWalletRequest } from '../../transport';
import type { EndpointVersion } from '../common';
import { readRecipient } from './common';

// Reference (eZeeWallet API 1.3.7): "Batch Payouts New Endpoint" (POST /batch_payouts_new) and "Batch Payouts"
// (POST /batch_payouts), the original endpoint: one request pays many consumers.

const ENDPOINTS = {
	current: { path: '/batch_payouts_new', call: EZEEWALLET_CALLS.createBatchPayout },
	legacy: { path: '/batch_payouts', call: EZEEWALLET_CALLS.createBatchPayoutLegacy },
} as const;

/** One recipient of a batch: its input item, what is sent, its merchant reference and Idempotency Key. */
interface BatchEntry extends StoppedItem {
	recipient: IDataObject;
	reference: string;
	key?: string;
}

const keyOf = (entry: BatchEntry) => (entry.key !== undefined ? [entry.key] : []);

/**
 * Batch payout over all input items (executeAll: the router's per-item ledger does not apply, so this
 * does the same itself):
 * 1. every item is validated first, including a merchant reference unique in the run (each result
 *    line is paired to its item by it) and its Idempotency Key;
 * 2. all keys are claimed in one call to n8n's processed-items store; items whose key is held are not
 *    sent and come out as skipped;
 * 3. one request per chunk. A definite refusal gives the chunk's keys back; an unknown outcome keeps
 *    them. Result lines (new endpoint) are paired to items by their merchant_reference (and e-mail):
 *    an item without exactly one matching line is an unknown outcome, never a guess. eZeeWallet's
 *    fields go under `response`, never over the item's own fields; failed items carry only the error
 *    (so "Continue (using error output)" sends them to the error output).
 */
export async function executeBatchPayout(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	version: EndpointVersion,
): Promise<INodeExecutionData[]> {
	const node = this.getNode();
	if (runsAsAgentTool(this)) {
		throw new NodeOperationError(node, 'Batch payouts are not available to AI agents', {
			description: 'Let an agent pay one consumer at a time with Payout → Create, which has a maximum amount per call.',
		});
	}
	assertSafeToRetry(this);
	const legacy = version === 'legacy';
	const endpoint = ENDPOINTS[version];
	const continueOnFail = this.continueOnFail();
	const withLedger = ledgerEnabled(this);
	const results: INodeExecutionData[][] = items.map(() => []);
	const output = (index: number, json: IDataObject) => {
		results[index] = [{ json, pairedItem: { item: index } }];
	};
	const failItem = (entry: { index: number; key?: string; reference?: string }, error: Error) => {
		const json = errorItemJsonFor(this, error);
		const extra: IDataObject = {};
		if (entry.reference !== undefined) extra.merchant_reference = entry.reference;
		if (entry.key !== undefined) extra.idempotencyKey = entry.key;
		// the error output takes items whose JSON has only error and details
		if (json.details && typeof json.details === 'object') Object.assign(json.details as IDataObject, extra);
		else Object.assign(json, extra);
		output(entry.index, json);
	};

	const options = this.getNodeParameter('batchOptions', 0, {}) as IDataObject;
	const batchSize = checkInteger(options.batchSize ?? 1000, 'Recipients per Request', { min: 1, max: 10000 });

	// 1. validate every item before anything is sent
	const entries: BatchEntry[] = [];
	const itemOfReference = new Map<string, number>();
	for (let i = 0; i < items.length; i++) {
		try {
			const recipient = readRecipient.call(this, i);
			const reference = recipient.merchant_reference as string | undefined;
			if (!reference) {
				throw new FieldError('Merchant Reference', 'is required for batch payouts: each result line is paired to its item by it');
			}
			const first = itemOfReference.get(reference);
			if (first !== undefined) {
				throw new FieldError(
					'Merchant Reference',
					`"${reference}" is also the reference of item ${first}: each result line is paired to its item by it, so it must be unique in the run`,
				);
			}
			const key = withLedger ? readIdempotencyKey(this, i) : undefined;
			itemOfReference.set(reference, i);
			entries.push({ index: i, recipient, reference, key });
		} catch (caught) {
			const error = toNodeError.call(this, caught, i);
			if (!continueOnFail) throw error;
			failItem({ index: i }, error);
		}
	}

	// 2. claim every key in one call; held keys are not sent
	const claims = await claimKeys(this, entries.map((entry) => entry.key));
	const toSend: BatchEntry[] = [];
	entries.forEach((entry, position) => {
		const claim = claims[position];
		if (claim.state === 'held') output(entry.index, { idempotencyKey: claim.key, skipped: true, reason: claim.reason });
		else toSend.push(entry);
	});

	// 3. one request per chunk
	const sent: BatchEntry[] = [];
	const unknown: BatchEntry[] = [];
	const toRelease: string[] = [];
	let stop: Error | undefined;
	let reached = 0;
	for (let start = 0, batch = 1; start < toSend.length && !stop; start += batchSize, batch++) {
		const chunk = toSend.slice(start, start + batchSize);
		reached = start + chunk.length;
		const firstItem = chunk[0].index;
		const named = chunk.slice(0, 5).map((entry) => `"${entry.reference}"`).join(', ');
		const references = chunk.length > 5 ? `${named} and ${chunk.length - 5} more (items ${firstItem} to ${chunk[chunk.length - 1].index})` : named;
		const reference = `the payout${chunk.length > 1 ? 's' : ''} with merchant reference${chunk.length > 1 ? 's' : ''} ${references}`;
		let body: IDataObject;
		try {
			({ body } = await ezeeWalletRequest.call(this, endpoint.call, {
				method: 'POST',
				path: endpoint.path,
				body: { payout_requests: chunk.map((entry) => entry.recipient) },
				itemIndex: firstItem,
				reference,
			}));
		} catch (caught) {
			const error = toNodeError.call(this, caught, firstItem);
			if (isUnknownOutcome(caught)) unknown.push(...chunk);
			else toRelease.push(...chunk.flatMap(keyOf)); // refused: nothing was paid
			if (!continueOnFail) {
				stop = error;
				break;
			}
			for (const entry of chunk) failItem(entry, error);
			continue;
		}

		const status = String(body.status);
		if (status === 'failed') {
			// the batch's documented failure status: eZeeWallet paid none of it
			const error = providerFailure(this, ezeeWalletApi, [], firstItem, `eZeeWallet: the batch payout failed (status "failed")`, {
				description: 'eZeeWallet did not pay this batch. Their Idempotency Keys were given back, so running again sends them again.',
			});
			toRelease.push(...chunk.flatMap(keyOf));
			if (!continueOnFail) {
				stop = error;
				break;
			}
			for (const entry of chunk) failItem(entry, error);
			continue;
		}

		const succeed = (entry: BatchEntry, response: IDataObject) => {
			sent.push(entry);
			// what was sent for the item, eZeeWallet's line under `response`, and `money` (major units)
			const json: IDataObject = { ...entry.recipient, batch, response: redactFields(response) };
			const money = moneyOf(entry.recipient.amount, entry.recipient.currency, 'minor');
			if (money) json.money = money;
			if (entry.key !== undefined) json.idempotencyKey = entry.key;
			output(entry.index, json);
		};
		if (legacy) {
			// the legacy endpoint answers one id and status for the whole batch
			for (const entry of chunk) succeed(entry, { batch_unique_id: body.unique_id, status: body.status });
			continue;
		}

		const linesOf = new Map<string, IDataObject[]>();
		for (const line of body.unique_ids as unknown[]) {
			if (!line || typeof line !== 'object' || Array.isArray(line)) continue;
			const reference = (line as IDataObject).merchant_reference;
			if (typeof reference !== 'string' && typeof reference !== 'number') continue;
			const list = linesOf.get(String(reference)) ?? [];
			list.push(line as IDataObject);
			linesOf.set(String(reference), list);
		}
		let chunkFailure: Error | undefined;
		for (const entry of chunk) {
			const matches = linesOf.get(entry.reference) ?? [];
			const line = matches.length === 1 ? matches[0] : undefined;
			const sameRecipient =
				line !== undefined &&
				(line.email === undefined || String(line.email).toLowerCase() === String(entry.recipient.email).toLowerCase());
			if (!line || !sameRecipient) {
				// refuse to guess: eZeeWallet took the batch, but which line is this item's cannot be told
				const what = !line
					? `eZeeWallet accepted the batch (status "${status}") but its answer has ${matches.length ? 'several result lines' : 'no result line'} with merchant reference "${entry.reference}".`
					: `eZeeWallet accepted the batch (status "${status}") but its result line with merchant reference "${entry.reference}" names another consumer.`;
				const error = providerFailure(
					this,
					ezeeWalletApi,
					[],
					entry.index,
					unknownOutcomeMessage({ kind: endpoint.call.kind, reference: `payout with merchant reference "${entry.reference}"`, outcome: 'payout' }, what),
					{ unknown: true },
				);
				unknown.push(entry);
				chunkFailure ??= error;
				if (continueOnFail) failItem(entry, error);
				continue;
			}
			const lineStatus = line.status === undefined ? undefined : String(line.status);
			if (line.error !== undefined || lineStatus === 'failed' || lineStatus === 'declined') {
				// eZeeWallet refused this line: nothing was paid to this recipient
				const reason = (line.error as IDataObject | undefined)?.message ?? lineStatus ?? 'refused';
				const error = providerFailure(this, ezeeWalletApi, [], entry.index, `eZeeWallet: the payout with merchant reference "${entry.reference}" failed (${String(reason)})`, {
					code: (line.error as IDataObject | undefined)?.code,
				});
				toRelease.push(...keyOf(entry));
				chunkFailure ??= error;
				if (continueOnFail) failItem(entry, error);
				continue;
			}
			succeed(entry, { ...line, status: line.status ?? body.status });
		}
		if (chunkFailure && !continueOnFail) stop = chunkFailure;
	}

	// keys of items a stop left unsent go back, so a re-run sends them
	for (const entry of toSend.slice(reached)) toRelease.push(...keyOf(entry));
	await releaseKeys(this, toRelease);
	if (stop) {
		describeStoppedRun(stop, sent, unknown, withLedger);
		throw stop;
	}
	return results.flat();
}
