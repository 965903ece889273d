import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IWebhookFunctions,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError, sleep } from 'n8n-workflow';

import { redactText } from './redact';

/** Every n8n context that may call a provider. */
export type ApiContext = IExecuteFunctions | ILoadOptionsFunctions | IHookFunctions | IWebhookFunctions;

/** A provider's failure, in the provider's words. */
export interface ProviderError {
	code?: string | number;
	message: string;
	/** Plain-language explanation and what to do about it. */
	description?: string;
}

/** What the shared request path needs to know about one provider. */
export interface ProviderApi {
	displayName: string;
	credentialType: string;
	baseUrl(credentials: ICredentialDataDecryptedObject): string;
	/** The provider's error in this response, or undefined when the response is a success. */
	parseError(statusCode: number, body: unknown): ProviderError | undefined;
	/** Credential fields whose values must never appear in an error. */
	secretFields: string[];
	/**
	 * For credentials that log in with `preAuthentication` (an expirable token): let a 401 reach n8n as
	 * an error so n8n renews the token once and repeats the request. A 401 that remains is mapped with
	 * `parseError` like any provider refusal (nothing happened, so it is never an "unknown outcome").
	 * A function decides per credential (e.g. only in the login mode). Default false.
	 */
	renewOn401?: boolean | ((credentials: ICredentialDataDecryptedObject) => boolean);
}

export interface ApiRequest {
	method: IHttpRequestMethods;
	/** Path below the credential's base URL, or an absolute URL. */
	path: string;
	body?: IDataObject | IDataObject[] | string;
	qs?: IDataObject;
	headers?: IDataObject;
	/**
	 * What the call does, which decides how it is sent (see CallKind). Each provider classifies its calls
	 * in one table in its transport.ts.
	 */
	kind: CallKind;
	/**
	 * For calls sent once: what a success answer must carry (an id, a status). Returns undefined when the
	 * answer is evidence of success, or the name of what is missing. An answer without the evidence is an
	 * unknown outcome, never a success. Money moves also need a non-empty answer even without this.
	 */
	evidence?: (body: unknown) => string | undefined;
	itemIndex?: number;
	/** How the operator can look the movement up, e.g. 'merchant reference "abc"'. */
	reference?: string;
	/** What a sent-once call does, for the unknown-outcome message: "payment" unless given (e.g. "shop creation"). */
	outcome?: string;
	/** Values sent in this request that must never appear in an error (passwords, card numbers). */
	sensitiveValues?: string[];
	/** Overall deadline for one attempt, from sending to the last byte of the answer (default 60 s). */
	timeoutMs?: number;
	/** Credentials already read by the caller. */
	credentials?: ICredentialDataDecryptedObject;
	/**
	 * Send without the credential's authentication (public endpoints such as a login or sign-up that
	 * take their own secrets). The credential still supplies the base URL. Default false.
	 */
	withoutAuthentication?: boolean;
}

/**
 * How a call is sent:
 * - `read`: changes nothing; retried with backoff on network errors, 429 and 5xx.
 * - `createOnce`: creates or changes something (a card, a shop, a registration) but moves no money; sent
 *   once, and a lost answer is an unknown outcome (the caller may reconcile by looking the object up).
 * - `moneyMove`: moves money; sent once, an unknown outcome is never reported as success or failure, and
 *   the node's payment ledger (ledger.ts) guards it across runs.
 */
export type CallKind = 'read' | 'createOnce' | 'moneyMove';

/**
 * One entry of a provider's call table (`<P>_CALLS` in its transport.ts): EVERY call the provider's
 * nodes make is named there with its kind, why it has that kind and, for calls sent once, the evidence
 * a success answer must carry. Call sites name the entry; they never pass a kind or evidence of their own
 * (`callRequest`), so no call can be sent as another kind.
 */
export interface CallSpec {
	kind: CallKind;
	/** Why the call has this kind (docs/<provider>.md repeats it). */
	why: string;
	/** For calls sent once: what the reference says a success answer carries. */
	evidence?: (body: unknown) => string | undefined;
	/** What a sent-once call does, for its unknown-outcome message ("payout", "card creation"). */
	outcome?: string;
}

/** A provider's call table: call name → CallSpec. */
export type CallTable = Record<string, CallSpec>;

/** A request from its call-table entry: kind, evidence and outcome come from the table. */
export function callRequest(
	spec: CallSpec,
	request: Omit<ApiRequest, 'kind' | 'evidence'>,
): ApiRequest {
	return { outcome: spec.outcome, ...request, kind: spec.kind, evidence: spec.evidence };
}

const presentValue = (value: unknown) => (typeof value === 'string' ? value.trim() !== '' : typeof value === 'number');

/**
 * An evidence check: every group needs one of its fields present (a non-empty string or a number) in the
 * object `fieldsOf(body)` returns (by default the body itself, or its first element for arrays).
 * `requireFields(['id'], ['status', 'state'])` → "id and status or state" when both are missing.
 */
export function requireFields(
	...groups: Array<[string, ...string[]]>
): (body: unknown) => string | undefined {
	return requireFieldsIn((body) => (Array.isArray(body) ? body[0] : body) as IDataObject | undefined, ...groups);
}

export function requireFieldsIn(
	fieldsOf: (body: unknown) => IDataObject | undefined,
	...groups: Array<[string, ...string[]]>
): (body: unknown) => string | undefined {
	return (body) => {
		const fields = fieldsOf(body) ?? {};
		const missing = groups.filter((group) => !group.some((name) => presentValue(fields[name])));
		return missing.length ? missing.map((group) => group.join(' or ')).join(' and ') : undefined;
	};
}

/** Whether a call of this kind is sent at most once (never retried automatically). */
export function isSentOnce(kind: CallKind): boolean {
	return kind !== 'read';
}

/** Marks an error whose call may or may not have acted at the provider (the ledger keeps its key). */
export function isUnknownOutcome(error: unknown): boolean {
	const context = (error as { context?: { outcomeUnknown?: unknown } } | undefined)?.context;
	return context?.outcomeUnknown === true;
}

/** True when a parsed answer carries nothing: undefined, null, '', {} or []. */
export function isEmptyAnswer(body: unknown): boolean {
	if (body === undefined || body === null || body === '') return true;
	if (Array.isArray(body)) return body.length === 0;
	if (typeof body === 'object') return Object.keys(body as object).length === 0;
	return false;
}

export interface ApiResponse<T = unknown> {
	statusCode: number;
	headers: Record<string, string | string[] | undefined>;
	body: T;
}

/** Retry policy for calls that do not move money. */
export const READ_RETRY = {
	attempts: 4,
	baseDelayMs: 250,
	maxDelayMs: 4000,
};

/** The overall deadline of one request (not an idle timeout): a stuck or dripping answer ends here. */
export const DEFAULT_TIMEOUT_MS = 60_000;

function isRetryableStatus(statusCode: number): boolean {
	return statusCode === 429 || statusCode >= 500;
}

function backoffMs(attempt: number, retryAfter?: string | string[]): number {
	const header = Array.isArray(retryAfter) ? retryAfter[0] : retryAfter;
	const seconds = header !== undefined ? Number(header) : NaN;
	if (Number.isFinite(seconds) && seconds >= 0) return Math.min(seconds * 1000, READ_RETRY.maxDelayMs);
	const exponential = READ_RETRY.baseDelayMs * 2 ** (attempt - 1);
	return Math.min(exponential + Math.floor(Math.random() * READ_RETRY.baseDelayMs), READ_RETRY.maxDelayMs);
}

/** Credentials read once per node run and reused by every request of that run. */
const credentialCache = new WeakMap<object, Promise<ICredentialDataDecryptedObject>>();

function readCredentials(context: ApiContext, type: string): Promise<ICredentialDataDecryptedObject> {
	let cached = credentialCache.get(context);
	if (!cached) {
		cached = context.getCredentials(type) as Promise<ICredentialDataDecryptedObject>;
		credentialCache.set(context, cached);
		cached.catch(() => credentialCache.delete(context));
	}
	return cached;
}

/**
 * The last guard against ids that climb or reshape a URL path: every segment of a relative path (and of
 * an absolute URL's path), decoded, must be non-empty and not "." or "..", and hold no "/", "\\", "?" or
 * "#". Returns what is wrong, or undefined. (A trailing "/" is allowed.)
 */
export function unsafePathSegment(path: string): string | undefined {
	let pathname = path;
	const absolute = /^https?:\/\/[^/]+(.*)$/.exec(path);
	if (absolute) pathname = absolute[1].split(/[?#]/)[0];
	const segments = pathname.replace(/^\/+/, '').split('/');
	if (segments.length > 1 && segments[segments.length - 1] === '') segments.pop();
	for (const [index, raw] of segments.entries()) {
		if (segments.length === 1 && raw === '') return undefined; // the base URL itself
		let segment: string;
		try {
			segment = decodeURIComponent(raw);
		} catch {
			return `path segment ${index + 1} is not valid URL encoding`;
		}
		if (segment === '' || segment === '.' || segment === '..') return `path segment ${index + 1} is ${segment === '' ? 'empty' : `"${segment}"`}`;
		if (/[/\\?#]/.test(segment)) return `path segment ${index + 1} contains "/", "\\", "?" or "#"`;
	}
	return undefined;
}

/** Parses a response body that should be JSON: `ok` false (and the text as `value`) when it is not; an empty body is `{}`. */
function parseJsonBody(body: unknown): { ok: boolean; value: unknown } {
	if (body === undefined || body === null || body === '') return { ok: true, value: {} };
	if (Buffer.isBuffer(body)) body = body.toString('utf8');
	if (typeof body !== 'string') return { ok: true, value: body };
	try {
		return { ok: true, value: JSON.parse(body) };
	} catch {
		return { ok: false, value: body };
	}
}

function secretsOf(api: ProviderApi, credentials: ICredentialDataDecryptedObject, request: ApiRequest) {
	return [
		...api.secretFields.map((field) => credentials[field] as string | undefined),
		...(request.sensitiveValues ?? []),
	];
}

/**
 * The wording of an unknown outcome, shared by every provider (KazePay's envelope transport too): what
 * happened, that it was not sent again, how to look it up, and how to send it again on purpose.
 */
export function unknownOutcomeMessage(
	request: Pick<ApiRequest, 'reference' | 'outcome' | 'kind'>,
	what: string,
): string {
	const lookup = request.reference ? ` Look up ${request.reference}` : ' Check the provider dashboard';
	return `${what} The ${request.outcome ?? 'payment'} may or may not have been made: it was not sent again.${lookup} before running this item again.`;
}

/**
 * The answer of a request n8n let throw because of a 401 (see ProviderApi.renewOn401), or undefined
 * for any other failure. n8n wraps the HTTP error in a NodeApiError; the response may sit on the error
 * or on its cause. A failed login in `preAuthentication` may carry `httpCode: '401'` and a `body`.
 */
function unauthorizedAnswer(error: unknown): { body: unknown } | undefined {
	type Answer = { status?: number; data?: unknown };
	type Failure = { httpCode?: string | null; response?: Answer; body?: unknown; cause?: Failure; context?: { data?: unknown } };
	const failure = (error ?? {}) as Failure;
	const cause = failure.cause ?? {};
	const status = failure.response?.status ?? cause.response?.status ?? Number(failure.httpCode ?? cause.httpCode);
	if (status !== 401) return undefined;
	return {
		body: failure.response?.data ?? cause.response?.data ?? cause.body ?? failure.body ?? failure.context?.data ?? {},
	};
}

/** For public endpoints only (ApiRequest.withoutAuthentication): no credential is applied. */
async function sendWithoutAuthentication(this: ApiContext, options: IHttpRequestOptions): Promise<unknown> {
	return await this.helpers.httpRequest(options);
}

/**
 * The one request path for every provider: authentication through the n8n credential, retries for
 * reads only, and provider failures turned into NodeApiError with the HTTP status, the provider's code
 * and a plain-language message. Secrets are removed from anything that ends up in an error.
 */
export async function apiRequest<T = IDataObject>(
	this: ApiContext,
	api: ProviderApi,
	request: ApiRequest,
): Promise<ApiResponse<T>> {
	const credentials = request.credentials ?? (await readCredentials(this, api.credentialType));
	const renewOn401 =
		!request.withoutAuthentication &&
		(typeof api.renewOn401 === 'function' ? api.renewOn401(credentials) : api.renewOn401 === true);
	const badSegment = unsafePathSegment(request.path);
	if (badSegment !== undefined) {
		throw new NodeOperationError(this.getNode(), `Refused to send: ${badSegment}`, {
			itemIndex: request.itemIndex,
			description: 'An id that goes into the request URL must not be empty, "." or "..", nor contain "/", "\\", "?" or "#". Nothing was sent.',
		});
	}
	const url = /^https?:\/\//.test(request.path)
		? request.path
		: `${api.baseUrl(credentials).replace(/\/+$/, '')}/${request.path.replace(/^\/+/, '')}`;

	const deadlineMs = request.timeoutMs ?? nodeTimeoutMs(this) ?? DEFAULT_TIMEOUT_MS;
	const options: IHttpRequestOptions = {
		method: request.method,
		url,
		qs: request.qs,
		headers: { 'Content-Type': 'application/json', ...(request.headers ?? {}) },
		body: request.body,
		json: true,
		returnFullResponse: true,
		ignoreHttpStatusErrors: renewOn401 ? { ignore: true, except: [401] } : true,
		// idle timeout; the overall deadline is the abort signal of each attempt
		timeout: deadlineMs,
	};

	return (await sendWithPolicy.call(this, api, request, options, credentials, deadlineMs, renewOn401)) as ApiResponse<T>;
}

/** Builds the NodeApiError of a failed call, secrets removed; `unknown` marks an unknown outcome. */
export function providerFailure(
	context: ApiContext,
	api: Pick<ProviderApi, 'displayName'>,
	secrets: Array<string | undefined>,
	itemIndex: number | undefined,
	message: string,
	extra: { description?: string; httpCode?: string; code?: unknown; unknown?: boolean } = {},
): NodeApiError {
	const error = new NodeApiError(
		context.getNode(),
		{ message: redactText(message, secrets), code: extra.code as string } as JsonObject,
		{
			message: redactText(message, secrets),
			description: extra.description ? redactText(extra.description, secrets) : undefined,
			httpCode: extra.httpCode,
			itemIndex,
		},
	);
	if (extra.code !== undefined) error.context.providerCode = String(extra.code);
	error.context.provider = api.displayName;
	if (extra.unknown) error.context.outcomeUnknown = true;
	return error;
}

/** The node's Execution Options → Timeout, where the node has it. */
function nodeTimeoutMs(context: ApiContext): number | undefined {
	try {
		const seconds = (context as IExecuteFunctions).getNodeParameter('executionOptions.timeoutSeconds', 0, 0) as number;
		return Number.isFinite(seconds) && seconds > 0 ? Math.min(seconds, 600) * 1000 : undefined;
	} catch {
		return undefined;
	}
}

/**
 * The overall deadline of one attempt. n8n replaces a request's own abort signal with the execution's
 * cancel signal, and its timeout is an idle timeout, so the deadline races the request: when it passes,
 * the call ends as an unknown outcome (a money move) or a retry (a read), whatever the socket still does.
 */
function withDeadline<T>(request: Promise<T>, deadlineMs: number): { result: Promise<T>; expired: () => boolean } {
	const signal = AbortSignal.timeout(deadlineMs);
	const deadline = new Promise<never>((_resolve, reject) => {
		signal.addEventListener('abort', () => reject(new Error(`deadline of ${deadlineMs} ms passed`)), { once: true });
	});
	return { result: Promise.race([request, deadline]), expired: () => signal.aborted };
}

async function sendWithPolicy(
	this: ApiContext,
	api: ProviderApi,
	request: ApiRequest,
	options: IHttpRequestOptions,
	credentials: ICredentialDataDecryptedObject,
	deadlineMs: number,
	renewOn401: boolean,
): Promise<ApiResponse> {
	const secrets = secretsOf(api, credentials, request);
	const sentOnce = isSentOnce(request.kind);
	const fail = (message: string, extra: { description?: string; httpCode?: string; code?: unknown } = {}) =>
		providerFailure(this, api, secrets, request.itemIndex, message, extra);
	const unknown = (what: string, extra: { description?: string; httpCode?: string; code?: unknown } = {}) =>
		providerFailure(this, api, secrets, request.itemIndex, unknownOutcomeMessage(request, what), { ...extra, unknown: true });

	// inside a trigger's webhook a read is not retried: the provider redelivers, and every call counts
	// against the request's lookup budget (webhook.ts)
	const inWebhook = typeof (this as IWebhookFunctions).getRequestObject === 'function';
	const maxAttempts = sentOnce || inWebhook ? 1 : READ_RETRY.attempts;
	for (let attempt = 1; ; attempt++) {
		let response: { statusCode: number; headers: Record<string, string>; body: unknown };
		let expired = () => false;
		try {
			// a fresh copy per attempt: authentication mutates the options
			const attemptOptions = { ...options, headers: { ...options.headers } };
			const sending = request.withoutAuthentication
				? sendWithoutAuthentication.call(this, attemptOptions)
				: this.helpers.httpRequestWithAuthentication.call(this, api.credentialType, attemptOptions, {
						// the credentials already read: n8n does not decrypt them again for every request, and
						// a token it renews lands in this same object for the next request
						credentialsDecrypted: { id: '', name: api.credentialType, type: api.credentialType, data: credentials },
					});
			const attempt = withDeadline(sending, deadlineMs);
			expired = attempt.expired;
			response = (await attempt.result) as typeof response;
		} catch (error) {
			const refused = renewOn401 && !expired() ? unauthorizedAnswer(error) : undefined;
			if (!refused) {
				const timedOut = expired();
				const reason = timedOut
					? `no complete answer within ${Number((deadlineMs / 1000).toFixed(1))} s`
					: redactText((error as Error).message ?? String(error), secrets);
				if (sentOnce) {
					throw unknown(`The connection to ${api.displayName} failed (${reason}).`, {
						description: 'The request may have reached the provider before the connection failed.',
					});
				}
				if (attempt < maxAttempts) {
					await sleep(backoffMs(attempt));
					continue;
				}
				throw fail(`Could not reach ${api.displayName}: ${reason}`, {
					description: `Tried ${attempt} times. Check the base URL in the credential and the network.`,
				});
			}
			// Still refused after n8n renewed the token (or the login itself was refused): nothing happened.
			response = { statusCode: 401, headers: {}, body: refused.body };
		}

		const { statusCode } = response;
		if (isRetryableStatus(statusCode) && attempt < maxAttempts) {
			await sleep(backoffMs(attempt, response.headers?.['retry-after']));
			continue;
		}

		const parsed = parseJsonBody(response.body);
		const providerError = parsed.ok ? api.parseError(statusCode, parsed.value) : undefined;
		if (providerError) {
			const message = `${api.displayName}: ${providerError.message}`;
			const extra = { description: providerError.description, httpCode: String(statusCode), code: providerError.code };
			// a 5xx on a call sent once leaves the outcome unknown, whatever the body says
			if (sentOnce && statusCode >= 500) throw unknown(`${message}.`, extra);
			throw fail(message, extra);
		}
		if (statusCode >= 400) {
			const generic =
				statusCode === 429
					? 'too many requests; wait a moment and try again'
					: statusCode >= 500
						? `the service had an internal error (HTTP ${statusCode})`
						: `the request was refused (HTTP ${statusCode})`;
			const message = `${api.displayName}: ${generic}`;
			if (sentOnce && statusCode >= 500) throw unknown(`${message}.`, { httpCode: String(statusCode) });
			throw fail(message, { httpCode: String(statusCode) });
		}
		if (!parsed.ok) {
			const what = `${api.displayName} answered with something that is not JSON (HTTP ${statusCode}).`;
			if (sentOnce) throw unknown(what, { httpCode: String(statusCode) });
			throw fail(what, { httpCode: String(statusCode) });
		}
		if (sentOnce) {
			// success needs evidence: an empty answer, or one without what the reference says it carries
			const missing =
				request.kind === 'moneyMove' && isEmptyAnswer(parsed.value)
					? 'an empty answer'
					: request.evidence?.(parsed.value);
			if (missing) {
				throw unknown(
					`${api.displayName} answered HTTP ${statusCode} without evidence of success (${missing.startsWith('an empty') ? missing : `no ${missing}`}).`,
					{ httpCode: String(statusCode), description: 'A success answer carries what the provider documents (an id, a status); this one did not, so the node cannot tell whether the call acted.' },
				);
			}
		}
		return { statusCode, headers: response.headers ?? {}, body: parsed.value };
	}
}
