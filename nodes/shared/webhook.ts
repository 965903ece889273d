import { timingSafeEqual } from 'crypto';
import type { IDataObject, INodeType, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

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

/** Answers the request directly and tells n8n not to start the workflow. */
export function reject(
	context: IWebhookFunctions,
	statusCode: 401 | 403 | 400 | 404 | 409 | 413,
	message: string,
): IWebhookResponseData {
	const response = context.getResponseObject();
	response.status(statusCode).json({ error: message });
	return { noWebhookResponse: true };
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

/** The sender's address: the socket peer, or the first X-Forwarded-For hop when n8n sits behind a proxy. */
export function senderIp(context: IWebhookFunctions, trustForwardedFor: boolean): string {
	const request = context.getRequestObject() as {
		ip?: string;
		socket?: { remoteAddress?: string };
		headers: Record<string, string | string[] | undefined>;
	};
	let ip = request.ip ?? request.socket?.remoteAddress ?? '';
	const forwarded = request.headers['x-forwarded-for'];
	if (trustForwardedFor && forwarded) {
		ip = (Array.isArray(forwarded) ? forwarded[0] : forwarded).split(',')[0].trim();
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
 * Records an event key in the workflow's static data (kept by n8n in its database, so it is shared by
 * every main, worker and webhook process). Returns false when the key was already recorded.
 */
export function rememberEvent(context: IWebhookFunctions, key: string, now = Date.now()): boolean {
	const store = context.getWorkflowStaticData('node') as SeenEvents;
	const seen = (store.seen ??= {});
	if (seen[key] !== undefined && now - seen[key] < DEDUPE_DEFAULTS.ttlMs) return false;
	seen[key] = now;
	const keys = Object.keys(seen);
	if (keys.length > DEDUPE_DEFAULTS.maxEntries) {
		const oldestFirst = keys.sort((a, b) => seen[a] - seen[b]);
		for (const stale of oldestFirst.slice(0, keys.length - DEDUPE_DEFAULTS.maxEntries)) delete seen[stale];
	}
	return true;
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
