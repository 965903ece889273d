import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import {
	RELEASE_HINT,
	assertSafeToRetry,
	claimKeys,
	ledgerEnabled,
	readIdempotencyKey,
	releaseKeys,
	runsAsAgentTool,
} from '../../../shared/ledger';
import { redactFields } from '../../../shared/redact';
import { errorItemJsonFor, toNodeError } from '../../../shared/router';
import { isUnknownOutcome, providerFailure, unknownOutcomeMessage } from '../../../shared/transport';
import { checkEmail, checkInteger, checkString, checkUrl, FieldError } from '../../../shared/validation';
import { EZEEWALLET_CALLS, EZEEWALLET_EVIDENCE, ezeeWalletApi, ezeeWalletRequest } from '../../transport';
import { amountProperties, currencyProperty, readCurrency, readMinorAmount } from '../common';

/** The recipient fields of one payout (single or one line of a batch). */
export const recipientProperties: INodeProperties[] = [
	{
		displayName: 'Consumer Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		required: true,
		default: '',
		description: 'Email address of the eZeeWallet consumer who receives the money',
	},
	...amountProperties,
	currencyProperty(true),
	{
		displayName: 'Merchant Reference',
		name: 'merchantReference',
		type: 'string',
		default: '',
		description: 'Your reference for this payout: the way to find it again (in notifications and the dashboard)',
	},
];

/** Reads one recipient from an item: { email, amount (minor units), currency, merchant_reference }. */
export function readRecipient(this: IExecuteFunctions, i: number): IDataObject {
	const currency = readCurrency.call(this, i, true);
	const recipient: IDataObject = {
		email: checkEmail(this.getNodeParameter('email', i), 'Consumer Email'),
		amount: readMinorAmount.call(this, i, currency),
		currency,
	};
	const reference = checkString(this.getNodeParameter('merchantReference', i, ''), 'Merchant Reference', {
		required: false,
		maxLength: 255,
	});
	if (reference) recipient.merchant_reference = reference;
	return recipient;
}

export function readNotificationUrl(this: IExecuteFunctions, i: number): string {
	const options = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
	return checkUrl(options.notificationUrl, 'Notification URL', false);
}

export const batchOptions: INodeProperties = {
	displayName: 'Options',
	name: 'batchOptions',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [
		{
			displayName: 'Recipients per Request',
			name: 'batchSize',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 10000 },
			default: 1000,
			description: 'Input items are sent as batches of this many recipients, one request per batch',
		},
	],
};

/** One recipient of a batch: its input item, what is sent, its merchant reference and Idempotency Key. */
interface BatchEntry {
	index: number;
	recipient: IDataObject;
	reference: string;
	key?: string;
}

const keyOf = (entry: BatchEntry) => (entry.key !== undefined ? [entry.key] : []);

/** "items 0 (key "a"), 1 (key "b")", as the router lists the items of a run that stopped. */
function listed(entries: BatchEntry[]): string {
	const sorted = [...entries].sort((a, b) => a.index - b.index);
	const names = sorted.map((entry) => (entry.key !== undefined ? `${entry.index} (key "${entry.key}")` : String(entry.index)));
	return `item${sorted.length > 1 ? 's' : ''} ${names.join(', ')}`;
}

/** Tells the truth about a batch run that stopped: which items were sent, which are unknown, what a re-run does. */
function describeStop(error: Error, sent: BatchEntry[], unknown: BatchEntry[], withLedger: boolean): void {
	const parts: string[] = [];
	if (sent.length) parts.push(`Already sent in this run: ${listed(sent)}.`);
	if (unknown.length) parts.push(`Outcome unknown: ${listed(unknown)}.`);
	if (!parts.length) return;
	parts.push(
		withLedger
			? 'The payment ledger holds their keys: running again sends only the items that were not sent.'
			: 'The payment ledger is off: remove these items before running again, or they are paid twice.',
	);
	if (withLedger && unknown.length) parts.push(RELEASE_HINT);
	const target = error as Error & { description?: string | null };
	target.description = [target.description, parts.join(' ')].filter(Boolean).join(' ');
}

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
 *    fields go under `payout`, never over the item's own fields; failed items carry only the error
 *    (so "Continue (using error output)" sends them to the error output).
 */
export async function executeBatchPayout(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	path: string,
): Promise<INodeExecutionData[]> {
	const node = this.getNode();
	if (runsAsAgentTool(this)) {
		throw new NodeOperationError(node, 'Batch payouts are not available to AI agents', {
			description: 'Let an agent pay one consumer at a time with Payout → Create, which has a maximum amount per call.',
		});
	}
	assertSafeToRetry(this);
	const legacy = path === '/batch_payouts';
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
		const request = {
			kind: legacy ? EZEEWALLET_CALLS.createBatchPayoutLegacy : EZEEWALLET_CALLS.createBatchPayout,
			reference: `the payout${chunk.length > 1 ? 's' : ''} with merchant reference${chunk.length > 1 ? 's' : ''} ${references}`,
			outcome: 'batch payout',
		};
		let body: IDataObject;
		try {
			({ body } = await ezeeWalletRequest.call(this, {
				...request,
				method: 'POST',
				path,
				body: { payout_requests: chunk.map((entry) => entry.recipient) },
				evidence: legacy ? EZEEWALLET_EVIDENCE.batchPayoutLegacy : EZEEWALLET_EVIDENCE.batchPayout,
				itemIndex: firstItem,
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

		const succeed = (entry: BatchEntry, payout: IDataObject) => {
			sent.push(entry);
			const json: IDataObject = { ...entry.recipient, batch, payout: redactFields(payout) };
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
					unknownOutcomeMessage({ ...request, reference: `payout with merchant reference "${entry.reference}"`, outcome: 'payout' }, what),
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
		describeStop(stop, sent, unknown, withLedger);
		throw stop;
	}
	return results.flat();
}
