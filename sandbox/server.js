'use strict';
// A local, stateful stand-in for the five provider APIs. One HTTP server on 127.0.0.1; each provider
// lives under its own path prefix and keeps its own state. Tests inject faults per request, read the
// request log, and drive provider-side events (a payment completes, a card is spent) through
// /_control endpoints, which also work from another process (the real-n8n end-to-end tests).

const http = require('http');
const { URL } = require('url');

const PROVIDER_MODULES = require('./providers');
const home = require('./home');
const { DEMOS, runDemo } = require('./demos');

function compilePattern(pattern) {
	const names = [];
	const source = pattern
		.split('/')
		.map((segment) => {
			if (segment.startsWith(':')) {
				names.push(segment.slice(1));
				return '([^/]+)';
			}
			return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
		})
		.join('/');
	return { regex: new RegExp(`^${source}/?$`), names };
}

function parseBody(raw, contentType) {
	if (!raw.length) return {};
	const text = raw.toString('utf8');
	if ((contentType || '').includes('application/x-www-form-urlencoded')) {
		return Object.fromEntries(new URLSearchParams(text).entries());
	}
	try {
		return JSON.parse(text);
	} catch {
		return { __unparsable: text };
	}
}

class Sandbox {
	/**
	 * @param {object} [options]
	 * @param {number} [options.port] 0 picks a free port
	 * @param {number} [options.latencyMs] added to every provider request (benchmarks)
	 * @param {object} [options.providerOptions] per-provider options, by provider name
	 */
	constructor(options = {}) {
		this.options = options;
		this.port = options.port ?? 0;
		this.host = '127.0.0.1';
		this.latencyMs = options.latencyMs ?? 0;
		this.keepLog = options.keepLog ?? true;
		this.providers = {};
		for (const module of PROVIDER_MODULES) {
			const routes = module.routes.map(([method, pattern, handler]) => ({
				method,
				handler,
				...compilePattern(pattern),
			}));
			const control = (module.control || []).map(([method, pattern, handler]) => ({
				method,
				handler,
				...compilePattern(pattern),
			}));
			this.providers[module.name] = { module, routes, control, state: undefined };
		}
		this.reset();
		this.server = http.createServer((req, res) => this.handle(req, res));
		this.server.keepAliveTimeout = 30_000;
		this.sockets = new Set();
		this.server.on('connection', (socket) => {
			this.sockets.add(socket);
			socket.on('close', () => this.sockets.delete(socket));
		});
	}

	/** Fresh state for every provider; clears faults, the request log and the webhook log. */
	reset() {
		this.requests = [];
		this.requestCount = 0;
		this.faults = [];
		this.webhooks = [];
		for (const [name, provider] of Object.entries(this.providers)) {
			provider.state = provider.module.createState(this, (this.options.providerOptions || {})[name] || {});
		}
	}

	state(name) {
		return this.providers[name].state;
	}

	async start() {
		await new Promise((resolve, reject) => {
			this.server.once('error', reject);
			this.server.listen(this.port, this.host, resolve);
		});
		this.port = this.server.address().port;
		this.baseUrl = `http://${this.host}:${this.port}`;
		return this;
	}

	async stop() {
		for (const socket of this.sockets) socket.destroy();
		await new Promise((resolve) => this.server.close(() => resolve()));
	}

	/** Base URL of each provider's API, as a credential's custom base URL. */
	urls() {
		const urls = {};
		for (const [name, provider] of Object.entries(this.providers)) {
			urls[name] = `${this.baseUrl}${provider.module.prefix}`;
		}
		return urls;
	}

	/** Demo credentials for each provider, ready to paste into n8n. */
	credentials() {
		const result = {};
		for (const [name, provider] of Object.entries(this.providers)) {
			result[name] = provider.module.demoCredentials(this);
		}
		return result;
	}

	/**
	 * Adds a fault for matching requests.
	 * kind: 'latency' | 'status' | 'html' | 'malformed' | 'drop' | 'drop-after' | 'timeout'
	 * 'malformed' and 'drop-after' let the provider process the request first (money moves), then
	 * spoil or cut the answer; the others act before the provider sees the request.
	 */
	injectFault(fault) {
		this.faults.push({ times: 1, ...fault });
	}

	clearFaults() {
		this.faults = [];
	}

	/** Requests the providers received (faulted ones included), filtered. */
	count(filter = {}) {
		return this.requests.filter(
			(entry) =>
				(!filter.provider || entry.provider === filter.provider) &&
				(!filter.method || entry.method === filter.method) &&
				(!filter.path || (filter.path instanceof RegExp ? filter.path.test(entry.path) : entry.path === filter.path)),
		).length;
	}

	takeFault(provider, method, path) {
		const index = this.faults.findIndex(
			(fault) =>
				fault.times > 0 &&
				(!fault.provider || fault.provider === provider) &&
				(!fault.method || fault.method === method) &&
				(!fault.path || (fault.path instanceof RegExp ? fault.path.test(path) : fault.path === path)),
		);
		if (index < 0) return undefined;
		const fault = this.faults[index];
		// `skip`: let this many matching requests through first (a refusal of the third item of a run)
		if (fault.skip > 0) {
			fault.skip -= 1;
			return undefined;
		}
		fault.times -= 1;
		if (fault.times <= 0) this.faults.splice(index, 1);
		return fault;
	}

	async handle(req, res) {
		const chunks = [];
		for await (const chunk of req) chunks.push(chunk);
		const rawBody = Buffer.concat(chunks);
		const url = new URL(req.url, this.baseUrl);
		const path = url.pathname;
		const query = Object.fromEntries(url.searchParams.entries());
		const body = parseBody(rawBody, req.headers['content-type']);
		const send = (status, payload, headers = {}) => {
			if (res.destroyed) return;
			const text = typeof payload === 'string' ? payload : JSON.stringify(payload ?? {});
			res.writeHead(status, {
				'content-type': typeof payload === 'string' ? 'text/plain' : 'application/json',
				...headers,
			});
			res.end(text);
		};
		try {
			// the home page (GET /), its forms (/_home/…) and HTML pages a person's browser asks for (sandbox/home.js)
			const page = await home.handle(this, { method: req.method, path, query, body, headers: req.headers });
			if (page) {
				res.writeHead(page.status, page.headers || {});
				return res.end(page.body ?? '');
			}
			if (path.startsWith('/_control/')) return send(...(await this.handleControl(req.method, path, body, query)));
			for (const [name, provider] of Object.entries(this.providers)) {
				const prefix = provider.module.prefix;
				if (path !== prefix && !path.startsWith(`${prefix}/`)) continue;
				const subPath = path.slice(prefix.length) || '/';
				this.requestCount++;
				if (this.keepLog) {
					this.requests.push({ provider: name, method: req.method, path: subPath, headers: req.headers, body, at: Date.now() });
				}
				if (this.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, this.latencyMs).unref());
				const fault = this.takeFault(name, req.method, subPath);
				if (fault && (await this.applyFaultBefore(fault, req, res, send))) return;
				const ctx = { req, method: req.method, path: subPath, query, body, rawBody, headers: req.headers, sandbox: this, state: provider.state, params: {} };
				const result = await this.dispatch(provider.routes, ctx);
				if (fault && this.applyFaultAfter(fault, res, send)) return;
				if (result.raw !== undefined) {
					res.writeHead(result.status, result.headers || {});
					return res.end(result.raw);
				}
				return send(result.status, result.body, result.headers);
			}
			return send(404, { error: { message: `No sandbox provider serves ${path}` } });
		} catch (error) {
			return send(500, { error: { message: `Sandbox error: ${error.message}` } });
		}
	}

	async dispatch(routes, ctx) {
		for (const route of routes) {
			if (route.method !== ctx.method) continue;
			const match = route.regex.exec(ctx.path);
			if (!match) continue;
			route.names.forEach((name, index) => (ctx.params[name] = decodeURIComponent(match[index + 1])));
			return await route.handler(ctx);
		}
		return { status: 404, body: { error: { message: `Unknown endpoint ${ctx.method} ${ctx.path}` } } };
	}

	/** Returns true when the fault answered (or dropped) the request. */
	async applyFaultBefore(fault, req, res, send) {
		switch (fault.kind) {
			case 'latency':
				await new Promise((resolve) => setTimeout(resolve, fault.delayMs ?? 100).unref());
				return false;
			case 'status':
				send(fault.status ?? 500, fault.body ?? { error: { message: 'Injected failure' } }, fault.headers);
				return true;
			case 'html':
				res.writeHead(fault.status ?? 502, { 'content-type': 'text/html' });
				res.end('<html><body><h1>502 Bad Gateway</h1></body></html>');
				return true;
			case 'drop':
				req.socket.destroy();
				return true;
			case 'timeout':
				await new Promise((resolve) => setTimeout(resolve, fault.delayMs ?? 2000).unref());
				req.socket.destroy();
				return true;
			// a 200 that carries nothing, and nothing was done: success must need evidence
			case 'empty-200':
				res.writeHead(200, { 'content-type': 'application/json' });
				res.end('');
				return true;
			case 'empty-object-200':
				send(200, {});
				return true;
			default:
				return false;
		}
	}

	applyFaultAfter(fault, res, send) {
		if (fault.kind === 'malformed') {
			res.writeHead(200, { 'content-type': 'application/json' });
			res.end('{"status": "appro');
			return true;
		}
		if (fault.kind === 'drop-after') {
			res.socket.destroy();
			return true;
		}
		if (fault.kind === 'drip') {
			// the request was carried out; the answer then drips one byte at a time (never idle for long)
			res.writeHead(200, { 'content-type': 'application/json' });
			const text = '{"status":"approved","dripping":"' + ' '.repeat(1000) + '"}';
			let position = 0;
			const timer = setInterval(() => {
				if (res.destroyed || position >= text.length) {
					clearInterval(timer);
					if (!res.destroyed) res.end();
					return;
				}
				res.write(text[position++]);
			}, fault.intervalMs ?? 50);
			res.on('close', () => clearInterval(timer));
			return true;
		}
		return false;
	}

	async handleControl(method, path, body) {
		if (path === '/_control/reset' && method === 'POST') {
			this.reset();
			return [200, { ok: true }];
		}
		if (path === '/_control/faults' && method === 'POST') {
			const fault = { ...body };
			if (typeof fault.path === 'string' && fault.path.startsWith('^')) fault.path = new RegExp(fault.path);
			this.injectFault(fault);
			return [200, { ok: true, faults: this.faults.length }];
		}
		if (path === '/_control/faults' && method === 'DELETE') {
			this.clearFaults();
			return [200, { ok: true }];
		}
		if (path === '/_control/requests' && method === 'GET') {
			return [200, { total: this.requestCount, requests: this.requests.map(({ headers, ...entry }) => entry) }];
		}
		if (path === '/_control/webhooks' && method === 'GET') {
			return [200, { webhooks: this.webhooks }];
		}
		// demo events (sandbox/demos.js): {"url": "<the trigger's webhook URL>"}
		if (path === '/_control/demos' && method === 'GET') {
			return [200, { demos: Object.entries(DEMOS).map(([id, demo]) => ({ id, provider: demo.provider, title: demo.title, forged: Boolean(demo.forged), expect: demo.expect })) }];
		}
		const demo = /^\/_control\/demo\/([^/]+)$/.exec(path);
		if (demo && method === 'POST') {
			try {
				return [200, await runDemo(this, decodeURIComponent(demo[1]), body)];
			} catch (error) {
				return [error.status || 500, { error: { message: error.message } }];
			}
		}
		const match = /^\/_control\/([^/]+)(\/.*)$/.exec(path);
		const provider = match && this.providers[match[1]];
		if (provider) {
			const ctx = { method, path: match[2], body, query: {}, sandbox: this, state: provider.state, params: {} };
			const result = await this.dispatch(provider.control, ctx);
			return [result.status, result.body];
		}
		return [404, { error: { message: `Unknown control endpoint ${method} ${path}` } }];
	}

	/**
	 * Sends a notification the way a provider does: a real HTTP POST, JSON or form-encoded.
	 * Records the delivery and its answer in `webhooks`.
	 */
	async sendWebhook(url, payload, { format = 'json', headers = {}, provider } = {}) {
		const body = format === 'form' ? new URLSearchParams(payload).toString() : typeof payload === 'string' ? payload : JSON.stringify(payload);
		const entry = { provider, url, payload, format, at: Date.now() };
		try {
			const response = await fetch(url, {
				method: 'POST',
				headers: {
					'content-type': format === 'form' ? 'application/x-www-form-urlencoded' : 'application/json',
					...headers,
				},
				body,
				signal: AbortSignal.timeout(15_000),
			});
			entry.status = response.status;
			entry.response = await response.text();
		} catch (error) {
			entry.status = 0;
			entry.response = String(error.message || error);
		}
		this.webhooks.push(entry);
		return entry;
	}
}

module.exports = { Sandbox };
