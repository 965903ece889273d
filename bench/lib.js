'use strict';
// Shared pieces for the benchmarks: a sandbox in its own process (so it does not share the event loop
// with what is measured), a keep-alive HTTP client for the plain-loop baseline, and timing helpers.
const { spawn } = require('child_process');
const http = require('http');
const path = require('path');

async function startSandboxProcess({ latencyMs = 0 } = {}) {
	const child = spawn(process.execPath, [path.join(__dirname, '..', 'sandbox', 'cli.js')], {
		env: { ...process.env, SANDBOX_PORT: '0', SANDBOX_LATENCY_MS: String(latencyMs), SANDBOX_KEEP_LOG: '0' },
		stdio: ['ignore', 'pipe', 'inherit'],
	});
	const baseUrl = await new Promise((resolve, reject) => {
		let text = '';
		child.stdout.on('data', (chunk) => {
			text += chunk;
			const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(text);
			if (match) resolve(match[1]);
		});
		child.once('exit', (code) => reject(new Error(`sandbox exited with ${code}`)));
	});
	const control = async (method, route, body) => {
		const response = await fetch(`${baseUrl}/_control${route}`, { method, headers: { 'content-type': 'application/json' }, body: body ? JSON.stringify(body) : undefined });
		return await response.json();
	};
	return {
		baseUrl,
		control,
		reset: () => control('POST', '/reset'),
		requestCount: async () => (await control('GET', '/requests')).total,
		stop: () => new Promise((resolve) => {
			child.once('exit', resolve);
			child.kill('SIGTERM');
		}),
	};
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

/** A plain keep-alive JSON POST: the baseline an n8n node is compared with. */
function postJson(url, body, headers = {}) {
	const data = Buffer.from(JSON.stringify(body));
	const target = new URL(url);
	return new Promise((resolve, reject) => {
		const req = http.request(
			{ host: target.hostname, port: target.port, path: target.pathname + target.search, method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': data.length, ...headers } },
			(res) => {
				const chunks = [];
				res.on('data', (chunk) => chunks.push(chunk));
				res.on('end', () => resolve({ status: res.statusCode, body: JSON.parse(Buffer.concat(chunks).toString() || '{}') }));
			},
		);
		req.on('error', reject);
		req.end(data);
	});
}

async function time(fn) {
	const start = process.hrtime.bigint();
	const result = await fn();
	return { ms: Number(process.hrtime.bigint() - start) / 1e6, result };
}

function ops(count, fn) {
	const start = process.hrtime.bigint();
	for (let i = 0; i < count; i++) fn(i);
	const seconds = Number(process.hrtime.bigint() - start) / 1e9;
	return Math.round(count / seconds);
}

module.exports = { startSandboxProcess, postJson, time, ops };
