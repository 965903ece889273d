'use strict';
// Shared helpers for the Kazawallet tests: credentials, a one-node run, and the sandbox's state.
const { runNode } = require('../harness/n8n');
const { useSandbox } = require('../harness/sandbox');
const kazawallet = require('../../sandbox/providers/kazawallet');

function setup() {
	const handle = useSandbox();
	const api = {
		handle,
		get sandbox() {
			return handle.sandbox;
		},
		credentials: () => ({ kazawalletApi: handle.sandbox.credentials().kazawallet }),
		/** Runs the Kazawallet node once with `parameters` over `items`. */
		run: (parameters, options = {}) =>
			runNode({ type: 'kazawallet', parameters, credentials: options.credentials ?? api.credentials(), items: options.items ?? [{}], continueOnFail: options.continueOnFail }),
		/** A plain snapshot of the sandbox's Kazawallet state (balances as decimal strings). */
		state: () => kazawallet.snapshot(handle.sandbox.state('kazawallet')),
		raw: () => handle.sandbox.state('kazawallet'),
		count: (filter = {}) => handle.sandbox.count({ provider: 'kazawallet', ...filter }),
		requests: (path) => handle.sandbox.requests.filter((r) => r.provider === 'kazawallet' && (!path || r.path === path)),
		control: async (method, path, body) => {
			const response = await fetch(`${handle.sandbox.baseUrl}/_control/kazawallet${path}`, {
				method,
				headers: { 'content-type': 'application/json' },
				body: body === undefined ? undefined : JSON.stringify(body),
			});
			return { status: response.status, body: await response.json() };
		},
	};
	return api;
}

module.exports = { setup, kazawallet, DEMO: kazawallet.DEMO };
