import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { randomUUID } from 'crypto';
import { NodeOperationError, sleep } from 'n8n-workflow';

/**
 * The payment ledger: a money move is sent at most once per Idempotency Key, across runs, retries and
 * processes. It lives in n8n's own store for processed items (the one behind the Remove Duplicates node,
 * `this.helpers.checkProcessedAndRecord`), which n8n keeps in its database, so every main, worker and
 * webhook process sees the same ledger.
 *
 * What n8n's store does (n8n 2.41, packages/cli/src/deduplication/deduplication-helper.ts): one row per
 * workflow and node holds the MD5 hashes of the recorded values; each call reads the row, adds the new
 * hashes and writes the whole row back. The read and the write are not one transaction, so two calls at
 * the same moment in two processes can both see a key as new. Therefore:
 * - within one process, every claim and release of a node goes through one queue (below), so concurrent
 *   executions in that process (a schedule overlapping itself, a worker running several jobs) see each
 *   other's claims;
 * - across processes (two queue-mode workers claiming the same key in the same few milliseconds) the
 *   store cannot tell; where the provider has its own idempotency the provider is the second guard (each
 *   provider derives its request id from the key), elsewhere that window stays open (docs/ledger.md).
 * - The first claim ever of a node inserts the row; a second insert at that moment fails on the row's
 *   primary key, and the claim is then tried again (the row now exists).
 */

/** How many keys n8n keeps per node (oldest dropped first): far more than one run's items. */
export const LEDGER_MAX_KEYS = 50_000;

const STORE_OPTIONS = { mode: 'entries' as const, maxEntries: LEDGER_MAX_KEYS };

/** Execution Options → Claim Settle Time: how long a claim waits for racing writes before it is confirmed. */
export const DEFAULT_SETTLE_MS = 150;

/** Default of the Idempotency Key parameter: the operation's own reference parameter. */
export function idempotencyKeyProperty(referenceParameter: string | undefined, what = 'payment'): INodeProperties {
	const property: INodeProperties = {
		displayName: 'Idempotency Key',
		name: 'idempotencyKey',
		type: 'string',
		default: '',
		required: true,
		description: `A value unique to this ${what}, e.g. your order or payout ID. The node remembers it (n8n's processed-items store) and never sends the same key twice: re-running the workflow, Retry On Fail or a retried execution skips items whose ${what} was already sent.`,
		hint: referenceParameter
			? `Defaults to the reference field, so a repeated reference is never sent twice. Use a value that is unique per ${what}.`
			: `Use a value that is unique per ${what}.`,
	};
	if (referenceParameter) property.default = `={{ $parameter["${referenceParameter}"] }}`;
	return property;
}

/** Node-level options of the ledger (inside Execution Options). */
export const ledgerOptions: INodeProperties[] = [
	{
		displayName: 'Payment Ledger',
		name: 'paymentLedger',
		type: 'boolean',
		default: true,
		description:
			'Whether money moves are sent at most once per Idempotency Key across runs, retries and processes. Turning it off also turns off Retry On Fail for money moves.',
	},
	{
		displayName: 'Release Idempotency Keys',
		name: 'releaseKeys',
		type: 'boolean',
		default: false,
		description:
			"Whether to forget the input items' Idempotency Keys before sending, so they are sent again. Only for a run after an unknown outcome that you checked with the provider: nothing happened.",
	},
	{
		displayName: 'Claim Settle Time (Ms)',
		name: 'claimSettleMs',
		type: 'number',
		default: 150,
		typeOptions: { minValue: 0, maxValue: 5000 },
		description:
			"How long a run waits after claiming its keys before it confirms them. In queue mode with several workers this is what stops two runs that start at the same moment from both sending a key: keep it above one round trip to n8n's database. 0 in a single n8n process.",
	},
	{
		displayName: 'Max Amount per Call for AI Agents',
		name: 'agentMaxAmount',
		type: 'string',
		default: '',
		placeholder: 'e.g. 50.00',
		description:
			'When an AI agent uses this node as a tool, a money move above this amount (in the currency of the call) is refused. Required for money moves by agents.',
	},
];

/** How an operator sends an item whose outcome was unknown again, once they know nothing happened. */
export const RELEASE_HINT =
	'If you find that nothing happened for an item whose outcome is unknown, run it once with Execution Options → Release Idempotency Keys on, or give it a new key.';

/** What the ledger decided for one item before anything was sent. */
export type Claim =
	| { state: 'claimed'; key: string }
	| { state: 'held'; key: string; reason: string }
	| { state: 'off' };

/** One queue per workflow node in this process: claims and releases never interleave. */
const queues = new Map<string, Promise<unknown>>();

async function serialized<T>(queueKey: string, task: () => Promise<T>): Promise<T> {
	const previous = queues.get(queueKey) ?? Promise.resolve();
	const run = previous.then(task, task);
	const tail = run.then(
		() => undefined,
		() => undefined,
	);
	queues.set(queueKey, tail);
	try {
		return await run;
	} finally {
		if (queues.get(queueKey) === tail) queues.delete(queueKey);
	}
}

function queueKeyOf(context: IExecuteFunctions): string {
	const node = context.getNode();
	return `${context.getWorkflow().id ?? ''}\u0000${node.id ?? node.name}`;
}

function readOption<T>(context: IExecuteFunctions, name: string, fallback: T): T {
	try {
		return context.getNodeParameter(`executionOptions.${name}`, 0, fallback) as T;
	} catch {
		return fallback;
	}
}

/** Whether the node runs as an AI agent's tool (n8n names such node types "<type>Tool"). */
export function runsAsAgentTool(context: IExecuteFunctions): boolean {
	return context.getNode().type.endsWith('Tool');
}

/** Whether the ledger is on for this node (a node option, on by default). */
export function ledgerEnabled(context: IExecuteFunctions): boolean {
	return readOption<boolean>(context, 'paymentLedger', true) !== false;
}

function storeUnavailable(context: IExecuteFunctions, error: unknown): NodeOperationError {
	return new NodeOperationError(
		context.getNode(),
		`The payment ledger could not be reached, so nothing was sent: ${(error as Error).message ?? String(error)}`,
		{
			description:
				"The ledger uses n8n's processed-items store (n8n 1.60 or newer). Run again; if this n8n has no such store, turn off Execution Options → Payment Ledger (money moves are then guarded only within one run).",
		},
	);
}

/**
 * Checks the run before anything is sent: with the ledger off, Retry On Fail would send a money move
 * again, so it is refused; an AI agent may only move money with the ledger on.
 */
export function assertSafeToRetry(context: IExecuteFunctions): void {
	const node = context.getNode();
	if (ledgerEnabled(context)) return;
	if (node.retryOnFail) {
		throw new NodeOperationError(node, 'Retry On Fail is not allowed for a money move without the payment ledger', {
			description:
				'A retry would send the payments of the items that already succeeded again. Turn on Execution Options → Payment Ledger, or turn off Settings → Retry On Fail.',
		});
	}
	if (runsAsAgentTool(context)) {
		throw new NodeOperationError(node, 'An AI agent may only move money with the payment ledger on', {
			description: 'Turn on Execution Options → Payment Ledger for this tool.',
		});
	}
}

/**
 * Claims the keys of all items in one call to n8n's store (the store rewrites one row per call).
 * `keys[i]` undefined means the item has no key (it failed validation and is not sent). Returns one
 * Claim per item: claimed (send it), held (already sent in an earlier run, or twice in this one).
 */
export async function claimKeys(context: IExecuteFunctions, keys: Array<string | undefined>): Promise<Claim[]> {
	if (!ledgerEnabled(context)) return keys.map(() => ({ state: 'off' as const }));
	const firstIndex = new Map<string, number>();
	const unique: string[] = [];
	keys.forEach((key, index) => {
		if (key === undefined || firstIndex.has(key)) return;
		firstIndex.set(key, index);
		unique.push(key);
	});
	const release = readOption<boolean>(context, 'releaseKeys', false) === true;
	const settleMs = readSettleMs(context);
	const { held, raced } = await serialized(queueKeyOf(context), async () =>
		withStoreRetries(context, async () => {
			if (release && unique.length) await context.helpers.removeProcessed(unique, 'node', STORE_OPTIONS);
			return await claimWithTokens(context, unique, settleMs);
		}),
	);
	return keys.map((key, index) => {
		if (key === undefined) return { state: 'off' as const };
		if (firstIndex.get(key) !== index) {
			return {
				state: 'held' as const,
				key,
				reason: `item ${firstIndex.get(key)} of this run has the same Idempotency Key; this one was not sent`,
			};
		}
		if (raced.has(key)) {
			return {
				state: 'held' as const,
				key,
				reason: 'another execution claimed this Idempotency Key at the same moment, so this one did not send it',
			};
		}
		if (held.has(key)) {
			return {
				state: 'held' as const,
				key,
				reason:
					'this Idempotency Key was already sent (or its outcome is unknown) in an earlier run, so it was not sent again',
			};
		}
		return { state: 'claimed' as const, key };
	});
}

function readSettleMs(context: IExecuteFunctions): number {
	const value = Number(readOption<number>(context, 'claimSettleMs', DEFAULT_SETTLE_MS));
	return Number.isFinite(value) && value >= 0 ? Math.min(value, 5000) : DEFAULT_SETTLE_MS;
}

/**
 * Claims keys so that two executions in two processes cannot both win the same key, on a store that
 * reads its row and writes it back without a lock:
 * 1. one call records the keys together with a token per key that only this claim writes
 *    (`<key>\u0000claim:<random>`); keys that come back "processed" are held by someone else;
 * 2. it waits `settleMs`, longer than one read-then-write of the store, so that every write that raced
 *    this one (read before it, written after it) has landed;
 * 3. one call asks for the tokens: a token that is still there means this claim's write survived, and the
 *    key is ours; a token that is gone means a racing write replaced the row. Such keys are claimed again
 *    (with new tokens): a key that is now "processed" was won by the other execution and is held, a key
 *    that is still new (the racing write was about other keys) is ours after the same wait and check.
 * Of two writes that raced, only the one that landed last keeps its token, so at most one execution
 * sends a key. Tokens stay in the store (they age out with the keys).
 */
export async function claimWithTokens(
	context: IExecuteFunctions,
	unique: string[],
	settleMs: number,
): Promise<{ held: Set<string>; raced: Set<string> }> {
	const held = new Set<string>();
	const raced = new Set<string>();
	let pending = unique;
	let first = true;
	for (let round = 1; pending.length; round++) {
		const nonce = randomUUID();
		const tokenOf = (key: string) => `${key}\u0000claim:${nonce}`;
		const outcome = await context.helpers.checkProcessedAndRecord(
			[...pending, ...pending.map(tokenOf)],
			'node',
			STORE_OPTIONS,
		);
		const processed = new Set(outcome.processed.map(String));
		const claimed = pending.filter((key) => !processed.has(key));
		for (const key of pending) if (processed.has(key)) (first ? held : raced).add(key);
		first = false;
		if (!claimed.length) break;
		if (settleMs > 0) await sleep(settleMs);
		const check = await context.helpers.checkProcessedAndRecord(claimed.map(tokenOf), 'node', STORE_OPTIONS);
		const lost = new Set(check.new.map(String));
		pending = claimed.filter((key) => lost.has(tokenOf(key)));
		if (pending.length && round >= 3) {
			// still overwritten after three rounds: send none of them (nothing happened; a re-run claims again)
			for (const key of pending) raced.add(key);
			break;
		}
	}
	return { held, raced };
}

/**
 * n8n's store writes its whole row back on every call, so a call of another process at the same moment
 * can overwrite keys this one just recorded (a lost update). Asking again for the same keys tells: a key
 * that comes back "new" was lost, and that same call records it again. Repeated until every key holds.
 */
async function confirmRecorded(context: IExecuteFunctions, keys: string[]): Promise<number> {
	let restored = 0;
	for (let round = 0; keys.length && round < 3; round++) {
		const check = await context.helpers.checkProcessedAndRecord(keys, 'node', STORE_OPTIONS);
		if (!check.new.length) break;
		restored += check.new.length;
	}
	return restored;
}

async function withStoreRetries<T>(context: IExecuteFunctions, task: () => Promise<T>): Promise<T> {
	for (let attempt = 1; ; attempt++) {
		try {
			return await task();
		} catch (error) {
			// the first claim of a node inserts its row; two such inserts at once: one fails, try again
			if (error instanceof NodeOperationError || attempt >= 3) {
				throw error instanceof NodeOperationError ? error : storeUnavailable(context, error);
			}
			await sleep(50 * attempt);
		}
	}
}

/**
 * After a run: gives back the keys of items the provider definitely refused or that were never sent,
 * and makes sure the keys that must stay held (sent, or outcome unknown) are still in the store.
 */
export async function settleKeys(context: IExecuteFunctions, release: string[], keep: string[]): Promise<void> {
	if (!ledgerEnabled(context) || (!release.length && !keep.length)) return;
	await serialized(queueKeyOf(context), async () =>
		withStoreRetries(context, async () => {
			if (release.length) await context.helpers.removeProcessed(release, 'node', STORE_OPTIONS);
			await confirmRecorded(context, keep);
		}),
	);
}

/** Gives keys back after the provider definitely refused (nothing happened) or nothing was sent. */
export async function releaseKeys(context: IExecuteFunctions, keys: string[]): Promise<void> {
	await settleKeys(context, keys, []);
}

/** The Idempotency Key of an item, trimmed; empty is an error naming the field. */
export function readIdempotencyKey(context: IExecuteFunctions, itemIndex: number): string {
	const raw = context.getNodeParameter('idempotencyKey', itemIndex, '') as unknown;
	const key = raw === undefined || raw === null ? '' : String(raw).trim();
	if (!key) {
		throw new NodeOperationError(
			context.getNode(),
			`Invalid Idempotency Key [item ${itemIndex}]: is empty`,
			{
				itemIndex,
				description: `Set the Idempotency Key of item ${itemIndex} to a value unique per payment (e.g. your order or payout ID). Nothing was sent for this item.`,
			},
		);
	}
	if (key.length > 512) {
		throw new NodeOperationError(context.getNode(), `Invalid Idempotency Key [item ${itemIndex}]: longer than 512 characters`, {
			itemIndex,
			description: `Nothing was sent for item ${itemIndex}.`,
		});
	}
	return key;
}
