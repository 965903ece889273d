import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { Claim } from './ledger';
import {
	RELEASE_HINT,
	assertSafeToRetry,
	claimKeys,
	ledgerEnabled,
	ledgerOptions,
	readIdempotencyKey,
	settleKeys,
	runsAsAgentTool,
} from './ledger';
import { exceedsAmount } from './money';
import { withStaticParameterCache } from './parameters';
import { isUnknownOutcome } from './transport';
import { FieldError } from './validation';

/** What one operation returns for one item: one or more JSON objects. */
export type OperationResult = IDataObject | IDataObject[];

/**
 * One operation, in its own file: its own fields, and either a per-item `execute` (the router loops,
 * pairs and handles errors) or an `executeAll` that sees every item at once (batch calls).
 */
export interface Operation {
	description: INodeProperties[];
	/**
	 * Set on operations that move money. The router then guards every item with the payment ledger
	 * (ledger.ts; the operation's fields include idempotencyKeyProperty) and, for AI agents, the node's
	 * maximum amount, read with `amount` (the amount of the call, as the operator entered it).
	 */
	moneyMove?: { amount?: (this: IExecuteFunctions, itemIndex: number) => string | undefined };
	/** Operations that manage credentials or keys: never run by an AI agent. */
	notForAgents?: boolean;
	execute?: (this: IExecuteFunctions, itemIndex: number) => Promise<OperationResult>;
	executeAll?: (this: IExecuteFunctions, items: INodeExecutionData[]) => Promise<INodeExecutionData[]>;
}

export type OperationMap = Record<string, Record<string, Operation>>;

/** Every operation's own fields, in map order, for the node's `properties`. */
export function operationFields(operations: OperationMap): INodeProperties[] {
	return Object.values(operations).flatMap((byOperation) =>
		Object.values(byOperation).flatMap((operation) => operation.description),
	);
}

export const PARALLEL_REQUESTS_MAX = 20;

/** The node-level option that lets several items be in flight at once. */
export const executionOptionsProperty: INodeProperties = {
	displayName: 'Execution Options',
	name: 'executionOptions',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [
		{
			displayName: 'Parallel Requests',
			name: 'parallelRequests',
			type: 'number',
			default: 1,
			typeOptions: { minValue: 1, maxValue: PARALLEL_REQUESTS_MAX },
			description:
				'How many items are sent to the provider at the same time. Output order and item pairing are kept, and each item is still sent exactly once.',
		},
		{
			displayName: 'Timeout (Seconds)',
			name: 'timeoutSeconds',
			type: 'number',
			default: 60,
			typeOptions: { minValue: 1, maxValue: 600 },
			description:
				'The longest one request may take, from sending to the last byte of the answer. A money move that reaches it is reported as an unknown outcome.',
		},
		...ledgerOptions,
	],
};

/** Turns any error from an operation into the n8n error for that item, naming field and item. */
export function toNodeError(this: IExecuteFunctions, error: unknown, itemIndex: number): Error {
	const node = this.getNode();
	if (error instanceof FieldError) {
		return new NodeOperationError(node, `Invalid ${error.field} [item ${itemIndex}]: ${error.problem}`, {
			itemIndex,
			description: `Fix the "${error.field}" parameter for item ${itemIndex}. Nothing was sent for this item.`,
		});
	}
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		if (error.context && error.context.itemIndex === undefined) error.context.itemIndex = itemIndex;
		return error;
	}
	return new NodeOperationError(node, error as Error, { itemIndex });
}

/** The JSON of an error item when "Continue On Fail" is on: message, provider code and HTTP status. */
export function errorItemJson(error: Error): IDataObject {
	const json: IDataObject = { error: error.message };
	const context = (error as NodeApiError).context as JsonObject | undefined;
	if (context?.providerCode !== undefined) json.errorCode = context.providerCode;
	// optional, set by providers whose error table has a status (e.g. Kasha: DECLINED / ERROR) and reason
	if (context?.providerStatus !== undefined) json.errorStatus = context.providerStatus;
	if (context?.providerReason !== undefined) json.errorReason = context.providerReason;
	const httpCode = (error as NodeApiError).httpCode;
	if (httpCode) json.httpCode = httpCode;
	const description = (error as NodeApiError).description;
	if (description) json.errorDescription = description;
	return json;
}

/**
 * n8n routes an item to the error output ("Continue (using error output)") only when its JSON has
 * no keys besides error, message and details: there the code, HTTP status and description go in details.
 */
export function errorItemJsonFor(context: IExecuteFunctions, error: Error): IDataObject {
	const json = errorItemJson(error);
	if (context.getNode().onError !== 'continueErrorOutput') return json;
	const { error: message, ...details } = json;
	return { error: message, details };
}

function readParallelism(this: IExecuteFunctions): number {
	let value = 1;
	try {
		value = this.getNodeParameter('executionOptions.parallelRequests', 0, 1) as number;
	} catch {
		value = 1;
	}
	if (!Number.isInteger(value) || value < 1) return 1;
	return Math.min(value, PARALLEL_REQUESTS_MAX);
}

/**
 * Runs the selected operation over the input items. Output order equals input order and every
 * output item is paired with its input item, also when several items are in flight at once.
 * Without "Continue On Fail", the first failure stops new items from being sent.
 */
export async function routeOperation(
	this: IExecuteFunctions,
	operations: OperationMap,
): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0) as string;
	const operationName = this.getNodeParameter('operation', 0) as string;
	const operation = operations[resource]?.[operationName];
	if (!operation) {
		throw new NodeOperationError(
			this.getNode(),
			`The operation "${operationName}" is not supported for "${resource}"`,
		);
	}
	if (operation.executeAll) {
		try {
			const batchContext = items.length > 1 ? withStaticParameterCache(this) : this;
			return [await operation.executeAll.call(batchContext, items)];
		} catch (error) {
			throw toNodeError.call(this, error, 0);
		}
	}
	const execute = operation.execute!;
	const context = items.length > 1 ? withStaticParameterCache(this) : this;
	if (operation.notForAgents && runsAsAgentTool(this)) {
		throw new NodeOperationError(this.getNode(), 'This operation is not available to AI agents', {
			description: 'It manages credentials or keys. Run it in a workflow instead of as a tool.',
		});
	}

	const results: INodeExecutionData[][] = new Array(items.length);
	const continueOnFail = this.continueOnFail();
	let firstFailure: { index: number; error: Error } | undefined;
	const fail = (itemIndex: number, error: Error) => {
		if (continueOnFail) {
			results[itemIndex] = [{ json: errorItemJsonFor(this, error), pairedItem: { item: itemIndex } }];
		} else if (!firstFailure || itemIndex < firstFailure.index) {
			firstFailure = { index: itemIndex, error };
		}
	};

	// Money moves: every item's key (and, for agents, amount) is checked and claimed before anything is sent.
	let claims: Claim[] = items.map(() => ({ state: 'off' as const }));
	const refusedBeforeSending = new Set<number>();
	if (operation.moneyMove) {
		assertSafeToRetry(this);
		const withLedger = ledgerEnabled(this);
		const keys: Array<string | undefined> = Array.from({ length: items.length }, () => undefined);
		for (let i = 0; i < items.length; i++) {
			try {
				if (withLedger) keys[i] = readIdempotencyKey(context, i);
				checkAgentAmount.call(context, operation, i);
			} catch (caught) {
				refusedBeforeSending.add(i);
				keys[i] = undefined;
				fail(i, toNodeError.call(this, caught, i));
			}
		}
		if (firstFailure) throw firstFailure.error; // bad input: nothing is sent for any item
		claims = await claimKeys(context, keys);
	}

	const parallel = Math.min(readParallelism.call(this), Math.max(items.length, 1));
	let next = 0;
	const sent: number[] = [];
	const unknown: number[] = [];
	const toRelease: string[] = [];
	const started = new Set<number>();

	const runItem = async (itemIndex: number) => {
		started.add(itemIndex);
		if (refusedBeforeSending.has(itemIndex)) return;
		const claim = claims[itemIndex];
		if (claim.state === 'held') {
			results[itemIndex] = [
				{ json: { idempotencyKey: claim.key, skipped: true, reason: claim.reason }, pairedItem: { item: itemIndex } },
			];
			return;
		}
		try {
			const output = await execute.call(context, itemIndex);
			const withKey =
				claim.state === 'claimed'
					? (Array.isArray(output) ? output : [output]).map((json) => ({ ...json, idempotencyKey: claim.key }))
					: output;
			results[itemIndex] = this.helpers.constructExecutionMetaData(this.helpers.returnJsonArray(withKey), {
				itemData: { item: itemIndex },
			});
			if (operation.moneyMove) sent.push(itemIndex);
		} catch (caught) {
			const error = toNodeError.call(this, caught, itemIndex);
			if (operation.moneyMove && isUnknownOutcome(caught)) {
				unknown.push(itemIndex);
				if (claim.state === 'claimed') explainHeldKey(error, claim.key);
			}
			else if (claim.state === 'claimed') toRelease.push(claim.key); // refused or never sent: nothing happened
			fail(itemIndex, error);
		}
	};

	const worker = async () => {
		while (!firstFailure && next < items.length) {
			const itemIndex = next++;
			await runItem(itemIndex);
		}
	};
	await Promise.all(Array.from({ length: parallel }, worker));

	if (operation.moneyMove) {
		// keys of items a stop left unsent go back too, so a re-run sends them
		claims.forEach((claim, itemIndex) => {
			if (claim.state === 'claimed' && !started.has(itemIndex)) toRelease.push(claim.key);
		});
		const keep = [...sent, ...unknown]
			.map((itemIndex) => claims[itemIndex])
			.flatMap((claim) => (claim.state === 'claimed' ? [claim.key] : []));
		await settleKeys(this, toRelease, keep);
	}
	if (firstFailure) {
		const failure = firstFailure as { index: number; error: Error };
		if (operation.moneyMove) describePartialRun(failure.error, claims, sent, unknown, ledgerEnabled(this));
		throw failure.error;
	}
	return [results.flat()];
}

/** Refuses an agent's money move above the node's maximum (or without one). */
function checkAgentAmount(this: IExecuteFunctions, operation: Operation, itemIndex: number): void {
	if (!runsAsAgentTool(this)) return;
	let max = '';
	try {
		max = String(this.getNodeParameter('executionOptions.agentMaxAmount', 0, '') ?? '').trim();
	} catch {
		max = '';
	}
	if (!max) {
		throw new FieldError('Max Amount per Call for AI Agents', 'must be set before an AI agent may use this money move');
	}
	const amount = operation.moneyMove?.amount?.call(this, itemIndex);
	if (amount === undefined) return; // operations without an amount of their own (e.g. a refund of a whole payment)
	if (exceedsAmount(amount, max, 'Amount')) {
		throw new FieldError('Amount', `${amount} is above the maximum of ${max} that an AI agent may send with this node`);
	}
}

/** After an unknown outcome the key stays held: says so, and how to send the item again on purpose. */
function explainHeldKey(error: Error, key: string): void {
	const target = error as Error & { description?: string | null };
	const note = `The payment ledger keeps this item's Idempotency Key "${key}", so running the node again skips it. If you find that nothing happened, run it once with Execution Options → Release Idempotency Keys on, or give the item a new key.`;
	target.description = [target.description, note].filter(Boolean).join(' ');
}

/** An item of a run that stopped: its index and, where the ledger claimed one, its Idempotency Key. */
export interface StoppedItem {
	index: number;
	key?: string;
}

const listed = (items: StoppedItem[]) => {
	const sorted = [...items].sort((a, b) => a.index - b.index);
	const names = sorted.map((item) => (item.key !== undefined ? `${item.index} (key "${item.key}")` : String(item.index)));
	return `item${sorted.length > 1 ? 's' : ''} ${names.join(', ')}`;
};

/**
 * Tells the truth about a run that stopped: which items were sent, which are unknown, what a re-run does.
 * The router's wording, shared with operations that send all items themselves (`executeAll` batches).
 */
export function describeStoppedRun(error: Error, sent: StoppedItem[], unknown: StoppedItem[], withLedger: boolean): void {
	const parts: string[] = [];
	if (sent.length) parts.push(`Already sent in this run: ${listed(sent)}.`);
	if (unknown.length) parts.push(`Outcome unknown: ${listed(unknown)}.`);
	if (!parts.length) return;
	parts.push(
		withLedger
			? 'The payment ledger holds their keys: running again sends only the items that were not sent.'
			: 'The payment ledger is off: remove these items before running again, or they are sent twice.',
	);
	if (withLedger && unknown.length && !(error as Error & { description?: string }).description?.includes(RELEASE_HINT)) parts.push(RELEASE_HINT);
	const target = error as Error & { description?: string | null };
	target.description = [target.description, parts.join(' ')].filter(Boolean).join(' ');
}

function describePartialRun(error: Error, claims: Claim[], sent: number[], unknown: number[], withLedger: boolean): void {
	const stopped = (index: number): StoppedItem => {
		const claim = claims[index];
		return claim.state === 'claimed' ? { index, key: claim.key } : { index };
	};
	describeStoppedRun(error, sent.map(stopped), unknown.map(stopped), withLedger);
}
