import { timingSafeEqual } from 'crypto';
import type { IDataObject, INodeProperties, INodeType, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

/**
 * Helpers every trigger composes, in this order: read the raw body, verify, de-duplicate, emit.
 * A notification that fails verification is answered 401/403 and never starts the workflow.
 */

/** The request body exactly as received (n8n keeps it as `rawBody`). */
export function getRawBody(context: IWebhookFunctions): Buffer {
	const request = context.getRequestObject() as { rawBody?: Buffer | string; body?: unknown };
	if (Buffer.isBuffer(request.rawBody)) return request.rawBody;
	if (typeof request.rawBody === 'string') return Buffer.from(request.rawBody, 'utf8');
	const body = request.body;
	if (typeof body === 'string') return Buffer.from(body, 'utf8');
	return Buffer.from(body === undefined ? '' : JSON.stringify(body), 'utf8');
}

/**
 * The notification's fields whether it came as JSON or form-encoded. n8n parses both content types
 * into the body; a raw body that n8n left unparsed is parsed here.
 */
export function getBodyFields(context: IWebhookFunctions): IDataObject {
	const body = context.getBodyData() as unknown;
	if (body && typeof body === 'object' && !Buffer.isBuffer(body) && Object.keys(body).length > 0) {
		return body as IDataObject;
	}
	const raw = getRawBody(context).toString('utf8').trim();
	if (!raw) return {};
	if (raw.startsWith('{')) {
		try {
			const parsed = JSON.parse(raw) as unknown;
			return parsed && typeof parsed === 'object' ? (parsed as IDataObject) : {};
		} catch {
			return {};
		}
	}
	return Object.fromEntries(new URLSearchParams(raw).entries());
}

/**
 * Constant-time comparison of a received signature with the expected one. Signatures are digests of a
 * fixed, public length, so a length mismatch is answered at once; equal lengths compare in constant time.
 */
export function safeEqual(received: string, expected: string): boolean {
	const a = Buffer.from(received, 'utf8');
	const b = Buffer.from(expected, 'utf8');
	return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Answers the request directly and tells n8n not to start the workflow. 429 and 503 are retryable
 * answers (the provider redelivers later): they carry Retry-After.
 */
export function reject(
	context: IWebhookFunctions,
	statusCode: 400 | 401 | 403 | 404 | 409 | 413 | 429 | 503,
	message: string,
	retryAfterSeconds = 60,
): IWebhookResponseData {
	const response = context.getResponseObject();
	if (statusCode === 429 || statusCode === 503) response.set('Retry-After', String(retryAfterSeconds));
	response.status(statusCode).json({ error: message });
	return { noWebhookResponse: true };
}

/**
 * The "Ignore Repeated Notifications" trigger option, the same in every trigger; `what` says which
 * signed or confirmed values make a repeat ("same signed ID and confirmed status").
 */
export function ignoreRepeatsOption(what: string): INodeProperties {
	return {
		displayName: 'Ignore Repeated Notifications',
		name: 'ignoreRepeats',
		type: 'boolean',
		default: true,
		description: `Whether a notification already received (${what}) is acknowledged without starting the workflow again`,
	};
}

/** Whether the trigger's options leave repeat detection on (the default). */
export function ignoresRepeats(options: IDataObject): boolean {
	return options.ignoreRepeats !== false;
}

/** The largest notification body any trigger accepts (providers send a few kilobytes). */
export const MAX_NOTIFICATION_BYTES = 64 * 1024;

/** Answers 413 (and the workflow does not start) when the raw body is over the cap; else undefined. */
export function refuseLargeBody(
	context: IWebhookFunctions,
	maxBytes = MAX_NOTIFICATION_BYTES,
): IWebhookResponseData | undefined {
	const length = getRawBody(context).length;
	if (length > maxBytes) return reject(context, 413, `notification body too large (${length} bytes, at most ${maxBytes})`);
	return undefined;
}

/**
 * How many authenticated provider calls one incoming request may cause. Every cheap check (size, shape,
 * signature where there is one) comes before the first call; a request that would need more calls than
 * this is answered with a retryable 503 instead of calling further.
 */
export const LOOKUP_BUDGET = 3;

export class LookupBudget {
	private used = 0;

	constructor(readonly max = LOOKUP_BUDGET) {}

	/** Takes one call from the budget; false when none is left (answer 503, call nothing). */
	take(): boolean {
		if (this.used >= this.max) return false;
		this.used++;
		return true;
	}

	get spent(): number {
		return this.used;
	}
}

/** Answers the request with a JSON body; the workflow starts only if `data` is given. */
export function acknowledge(
	context: IWebhookFunctions,
	body: IDataObject,
	data?: IDataObject[],
): IWebhookResponseData {
	const response = context.getResponseObject();
	response.status(200).json(body);
	if (!data) return { noWebhookResponse: true };
	return { noWebhookResponse: true, workflowData: [context.helpers.returnJsonArray(data)] };
}

/**
 * The sender's address. With no trusted proxy it is the socket peer. Behind `trustedProxies` proxies
 * (each appending the address it received from to X-Forwarded-For), it is read from the right: the
 * entry the outermost trusted proxy wrote. Entries further left were written by the client and are
 * never trusted.
 */
export function senderIp(context: IWebhookFunctions, trustedProxies: number): string {
	const request = context.getRequestObject() as {
		socket?: { remoteAddress?: string };
		connection?: { remoteAddress?: string };
		headers: Record<string, string | string[] | undefined>;
	};
	const peer = request.socket?.remoteAddress ?? request.connection?.remoteAddress ?? '';
	const proxies = Number.isInteger(trustedProxies) && trustedProxies > 0 ? trustedProxies : 0;
	let ip = peer;
	if (proxies > 0) {
		const header = request.headers['x-forwarded-for'];
		const forwarded = (Array.isArray(header) ? header.join(',') : (header ?? ''))
			.split(',')
			.map((entry) => entry.trim())
			.filter(Boolean);
		const hops = [...forwarded, peer];
		ip = hops[Math.max(hops.length - 1 - proxies, 0)];
	}
	return ip.replace(/^::ffff:/, '');
}

/** Parses a comma- or newline-separated list of addresses. */
export function parseIpList(list: string): string[] {
	return list
		.split(/[\s,]+/)
		.map((entry) => entry.trim())
		.filter(Boolean);
}

interface SeenEvents {
	seen?: Record<string, number>;
}

export const DEDUPE_DEFAULTS = {
	/** Events remembered at the most per trigger node. */
	maxEntries: 5000,
	/** How long an event is remembered: longer than any provider's redelivery schedule. */
	ttlMs: 7 * 24 * 60 * 60 * 1000,
};

/**
 * The events this process has seen, per workflow and trigger node: one object per node, shared by every
 * request this process handles.
 */
const processSeen = new Map<string, Record<string, number>>();

/** Forgets what this process remembers (what a restart does); the workflow's static data stays. */
export function forgetProcessMemory(): void {
	processSeen.clear();
}

function prune(seen: Record<string, number>, now: number): void {
	const keys = Object.keys(seen);
	for (const key of keys) if (now - seen[key] >= DEDUPE_DEFAULTS.ttlMs) delete seen[key];
	const left = Object.keys(seen);
	if (left.length > DEDUPE_DEFAULTS.maxEntries) {
		const oldestFirst = left.sort((a, b) => seen[a] - seen[b]);
		for (const stale of oldestFirst.slice(0, left.length - DEDUPE_DEFAULTS.maxEntries)) delete seen[stale];
	}
}

/**
 * Records an event key; returns false when the key was already recorded (a repeat).
 *
 * n8n loads a workflow's static data from its database at the start of every webhook request and writes
 * the whole object back after it (packages/cli/src/webhooks/live-webhooks.ts), so two requests handled
 * at once each see the other's key missing, and the later save overwrites the earlier one. Two layers
 * make that hold:
 * 1. In this process, one object per trigger node holds every key seen (JavaScript runs one request's
 *    check-and-record at a time, so concurrent copies of one event: exactly one is new).
 * 2. That same object is put into each request's static data, merged with what the database held, so
 *    whichever request's save lands last writes every key this process has seen, and a restart or
 *    another process finds them in the database.
 * Across processes (queue mode with several webhook processors), two copies of one event that reach two
 * processes within the same moment can both be new; each process's next save carries its keys.
 */
export function rememberEvent(context: IWebhookFunctions, key: string, now = Date.now()): boolean {
	const scope = `${context.getWorkflow().id ?? ''}\u0000${context.getNode().name}`;
	let shared = processSeen.get(scope);
	if (!shared) {
		shared = {};
		processSeen.set(scope, shared);
	}
	const store = context.getWorkflowStaticData('node') as SeenEvents;
	const persisted = store.seen;
	if (persisted && typeof persisted === 'object' && persisted !== shared) {
		for (const [seenKey, at] of Object.entries(persisted)) {
			if (typeof at === 'number' && !(shared[seenKey] >= at)) shared[seenKey] = at;
		}
	}
	prune(shared, now);
	const repeat = shared[key] !== undefined && now - shared[key] < DEDUPE_DEFAULTS.ttlMs;
	if (!repeat) shared[key] = now;
	store.seen = shared;
	return !repeat;
}

/**
 * Lifecycle for providers that take the notification URL with each request (eZeeWallet, Kasha, KPAY):
 * there is no remote registration to create, check or delete.
 */
export const urlPerRequestWebhookMethods: INodeType['webhookMethods'] = {
	default: {
		async checkExists() {
			return true;
		},
		async create() {
			return true;
		},
		async delete() {
			return true;
		},
	},
};
