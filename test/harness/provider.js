'use strict';
// The one test kit every provider's tests use: one sandbox per test file (state reset per test), the
// provider's credentials on it, a one-node run, the provider's state, its requests, its control routes,
// the editor's dropdown and list-search calls, and a wait for asynchronous effects (notifications).
//
//   const kit = providerKit('kazawallet');
//   test('...', async () => { const { items } = await kit.run({ resource: 'wallet', operation: 'getBalances' }); });

const { runNode, loadOptions, listSearch } = require('./n8n');
const { useSandbox } = require('./sandbox');

/** Sandbox provider name → node type and credential type. */
const PROVIDERS = {
	ezeewallet: { node: 'ezeeWallet', credential: 'ezeeWalletApi' },
	kasha: { node: 'kasha', credential: 'kashaApi' },
	kazawallet: { node: 'kazawallet', credential: 'kazawalletApi' },
	kazepay: { node: 'kazePay', credential: 'kazePayApi' },
	kpay: { node: 'kpay', credential: 'kpayApi' },
};

/** Waits until `check()` returns something truthy, polling every 20 ms; returns that value. */
async function waitFor(check, timeoutMs = 5000, what = 'condition') {
	const until = Date.now() + timeoutMs;
	for (;;) {
		const value = await check();
		if (value) return value;
		if (Date.now() > until) throw new Error(`${what} not reached within ${timeoutMs} ms`);
		await new Promise((resolve) => setTimeout(resolve, 20));
	}
}

function providerKit(provider, sandboxOptions = {}) {
	const names = PROVIDERS[provider];
	if (!names) throw new Error(`unknown provider ${provider}`);
	const handle = useSandbox(sandboxOptions);
	const module_ = require(`../../sandbox/providers/${provider}`);
	const kit = {
		handle,
		provider: module_,
		DEMO: module_.DEMO,
		get sandbox() {
			return handle.sandbox;
		},
		/** `{ <credentialType>: data }` for the sandbox, with overrides. */
		credentials: (overrides = {}) => ({ [names.credential]: { ...handle.sandbox.credentials()[provider], ...overrides } }),
		/** Runs the provider's node once with `parameters` over `items`. */
		run: (parameters, options = {}) =>
			runNode({
				type: options.type ?? names.node,
				parameters,
				credentials: options.credentials ?? kit.credentials(),
				items: options.items ?? [{}],
				continueOnFail: options.continueOnFail,
				nodeExtra: options.nodeExtra,
				nodeId: options.nodeId,
				// { timezone: 'Asia/Tehran' }: the workflow's time zone
				settings: options.settings,
			}),
		/** A dropdown's options, as the editor loads them. */
		loadOptions: (method, parameters = {}, options = {}) =>
			loadOptions({ type: names.node, method, parameters, credentials: options.credentials ?? kit.credentials() }),
		/** A resource locator's "From list" results, as the editor loads them. */
		listSearch: (method, filter, parameters = {}, options = {}) =>
			listSearch({ type: names.node, method, parameters, filter, credentials: options.credentials ?? kit.credentials() }),
		/** The provider's sandbox state (a plain snapshot where the provider module offers one). */
		state: () => (module_.snapshot ? module_.snapshot(handle.sandbox.state(provider)) : handle.sandbox.state(provider)),
		raw: () => handle.sandbox.state(provider),
		count: (filter = {}) => handle.sandbox.count({ provider, ...filter }),
		requests: (path) => handle.sandbox.requests.filter((r) => r.provider === provider && (!path || r.path === path)),
		/** The provider's control routes (`/_control/<provider><path>`): { status, body }. */
		control: async (method, path, body) => {
			const response = await fetch(`${handle.sandbox.baseUrl}/_control/${provider}${path}`, {
				method,
				headers: { 'content-type': 'application/json' },
				body: body === undefined ? undefined : JSON.stringify(body),
			});
			const text = await response.text();
			let parsed = text;
			try {
				parsed = JSON.parse(text);
			} catch {}
			return { status: response.status, body: parsed };
		},
		waitFor,
	};
	return kit;
}

module.exports = { providerKit, waitFor, PROVIDERS };
