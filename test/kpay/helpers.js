'use strict';
// Shared helpers for the KPAY tests: credentials for the sandbox, state access, control calls.
const kpaySandbox = require('../../sandbox/providers/kpay');

function loginCredentials(sandbox, extra = {}) {
	return { kpayApi: { ...sandbox.credentials().kpay, ...extra } };
}

function apiKeyCredentials(sandbox, apiKey = kpaySandbox.DEMO.shopApiKey) {
	return { kpayApi: { authMode: 'apiKey', environment: 'custom', baseUrl: sandbox.urls().kpay, apiKey } };
}

async function control(sandbox, method, path, body) {
	const response = await fetch(`${sandbox.baseUrl}/_control/kpay${path}`, {
		method,
		headers: { 'content-type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	return await response.json();
}

const count = (sandbox, method, path) => sandbox.count({ provider: 'kpay', method, path });

module.exports = { kpaySandbox, DEMO: kpaySandbox.DEMO, loginCredentials, apiKeyCredentials, control, count };
