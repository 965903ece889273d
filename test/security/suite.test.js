// Reliability and security suite across every provider that has a case file in ./cases: forged webhooks,
// faults on money moves, bad input, duplicate delivery. Figures go to the audit log and are printed as a
// table by test/security/report.js after the whole test run (which also scans everything seen for secrets).
const fs = require('fs');
const path = require('path');
const { runNode, startTrigger, node, post } = require('../harness/n8n');
const { useSandbox } = require('../harness/sandbox');
const { record, seen } = require('../harness/audit');

const box = useSandbox();
const providers = fs
	.readdirSync(path.join(__dirname, 'cases'))
	.filter((file) => file.endsWith('.js'))
	.map((file) => require(`./cases/${file}`));

const FAULTS = [
	{ kind: 'status', status: 500 },
	{ kind: 'status', status: 503 },
	{ kind: 'status', status: 429 },
	{ kind: 'html' },
	{ kind: 'drop' },
	{ kind: 'drop-after' },
	{ kind: 'malformed' },
	{ kind: 'timeout', delayMs: 300 },
];

async function send(url, forged) {
	if (forged.method === 'GET') {
		// a browser coming back to a callback URL: query string (object, arrays repeat a key, or a raw `search`), redirect not followed
		const target = new URL(url);
		if (forged.search !== undefined) target.search = forged.search;
		for (const [key, value] of Object.entries(forged.query || {})) for (const entry of [].concat(value)) target.searchParams.append(key, entry);
		const response = await fetch(target, { redirect: 'manual', headers: forged.headers || {} });
		const text = await response.text();
		const location = response.headers.get('location');
		seen('webhook-response', { status: response.status, text, location });
		return { status: response.status, location };
	}
	// a POST to the webhook URL with a query string (e.g. a signed webhook URL): `search`
	if (forged.search !== undefined) url = `${url}${forged.search}`;
	if (forged.raw !== undefined) {
		const response = await fetch(url, { method: 'POST', headers: { 'content-type': forged.contentType || 'application/json', ...(forged.headers || {}) }, body: forged.raw });
		return { status: response.status };
	}
	return await post(url, forged.payload, { format: forged.format, headers: forged.headers, method: forged.method });
}

describe.each(providers.map((p) => [p.provider, p]))('%s', (_name, cases) => {
	const credentials = () => cases.credentials(box.sandbox);

	for (const trigger of cases.triggers || []) {
		// a trigger may use its own credentials (e.g. the same provider with and without a signature key)
		const triggerCredentials = () => (trigger.credentials ? trigger.credentials(box.sandbox) : credentials());
		test(`${trigger.name}: forged, replayed and wrong-IP notifications start nothing`, async () => {
			const started = await startTrigger({ trigger: node(trigger.name, trigger.type, trigger.parameters), credentials: triggerCredentials() });
			let tried = 0;
			let accepted = 0;
			let forgedExecutions = 0;
			// amplification: provider calls one forged request caused (counted after its build step, which may
			// itself prepare real transactions), against `forged.maxCalls` or the trigger's `maxCallsPerRequest`
			let mostCalls = 0;
			let overBudget = 0;
			try {
				if (trigger.setup) await trigger.setup(box.sandbox, started);
				for (const forged of trigger.forged) {
					const before = started.executions.length;
					const delivery = typeof forged.build === 'function' ? await forged.build(box.sandbox) : forged;
					const callsBefore = box.sandbox.count({ provider: cases.provider });
					const response = await send(started.url(delivery.webhook ?? forged.webhook), delivery);
					await started.settle();
					tried++;
					const calls = box.sandbox.count({ provider: cases.provider }) - callsBefore;
					mostCalls = Math.max(mostCalls, calls);
					const limit = forged.maxCalls ?? trigger.maxCallsPerRequest;
					if (limit !== undefined && calls > limit) {
						overBudget++;
						console.error(`${trigger.name}: forgery "${forged.name}" caused ${calls} provider calls (at most ${limit})`);
					}
					// accepted: an execution started, or an answer that says "accepted" (2xx, or a redirect
					// other than to the trigger's failure URL when it answers browsers with redirects)
					const ran = started.executions.length - before;
					forgedExecutions += ran;
					const redirect = response.status >= 300 && response.status < 400;
					if (ran > 0 || (response.status >= 200 && response.status < 300 && !forged.acknowledgedWithoutRun) || (redirect && !(trigger.failureRedirect && String(response.location || '').startsWith(trigger.failureRedirect)))) {
						accepted++;
						console.error(`${trigger.name}: forgery "${forged.name}" accepted (${response.status} ${response.location || ''}, executions ${ran})`);
					}
				}
				// a valid event, then replays of it: only the first may run
				const valid = await trigger.valid(1, box.sandbox);
				await send(started.url(valid.webhook), valid);
				await started.settle();
				const beforeReplay = started.executions.length - forgedExecutions;
				for (let i = 0; i < 3; i++) {
					await send(started.url(valid.webhook), valid);
					tried++;
				}
				// optional: the same event replayed with changes that do not make it another event (e.g. unsigned fields)
				for (const replay of trigger.replays ? await trigger.replays(valid, box.sandbox) : []) {
					await send(started.url(replay.webhook ?? valid.webhook), replay);
					tried++;
				}
				await started.settle();
				expect(beforeReplay).toBe(1);
				expect(started.executions).toHaveLength(1 + forgedExecutions);
			} finally {
				await started.close();
			}
			if (trigger.wrongIp) {
				const guarded = await startTrigger({ trigger: node(trigger.name, trigger.type, { ...trigger.parameters, ...trigger.wrongIp.parameters }), credentials: triggerCredentials() });
				try {
					const response = await send(guarded.url(trigger.wrongIp.webhook), trigger.wrongIp);
					tried++;
					if (response.status < 300) accepted++;
					await guarded.settle();
					forgedExecutions += guarded.executions.length;
					expect(guarded.executions).toHaveLength(0);
				} finally {
					await guarded.close();
				}
			}
			record({ category: 'forged', provider: cases.provider, trigger: trigger.name, tried, accepted, executions: forgedExecutions, mostCallsPerRequest: mostCalls });
			expect(overBudget).toBe(0);
			expect(accepted).toBe(0);
			expect(forgedExecutions).toBe(0);
		});

		test(`${trigger.name}: the same valid event delivered many times, also concurrently, runs once`, async () => {
			const started = await startTrigger({ trigger: node(trigger.name, trigger.type, trigger.parameters), credentials: triggerCredentials() });
			try {
				if (trigger.setup) await trigger.setup(box.sandbox, started);
				const events = [await trigger.valid(10, box.sandbox), await trigger.valid(11, box.sandbox)];
				let deliveries = 0;
				for (const valid of events) {
					await Promise.all(Array.from({ length: 5 }, () => send(started.url(valid.webhook), valid)));
					for (let i = 0; i < 3; i++) await send(started.url(valid.webhook), valid);
					deliveries += 8;
				}
				await started.settle();
				record({ category: 'duplicates', provider: cases.provider, trigger: trigger.name, uniqueEvents: events.length, deliveries, executions: started.executions.length });
				expect(started.executions).toHaveLength(events.length);
			} finally {
				await started.close();
			}
		});
	}

	for (const op of cases.moneyOps || []) {
		test.each(FAULTS.map((fault) => [JSON.stringify(fault), fault]))(`money move "${op.name}" under fault %s: at most one movement, clear error`, async (_label, fault) => {
			// setup (optional) prepares the sandbox (e.g. a paid transaction to verify); what it returns joins the parameters
			const prepared = op.setup ? await op.setup(box.sandbox) : undefined;
			box.sandbox.injectFault({ provider: cases.provider, path: op.path, ...fault });
			const result = await runNode({ type: cases.node, parameters: { ...op.parameters, ...(prepared || {}) }, credentials: credentials(), items: op.items || [{}] });
			const sent = box.sandbox.count({ provider: cases.provider, path: op.path });
			const movements = op.movements(box.sandbox);
			record({ category: 'faults', provider: cases.provider, operation: op.name, fault: fault.kind + (fault.status ? ` ${fault.status}` : ''), intended: 1, movements, sent, error: Boolean(result.error) });
			expect(sent).toBe(1);
			expect(movements).toBeLessThanOrEqual(1);
			if (movements === 0 || ['drop-after', 'malformed'].includes(fault.kind)) {
				expect(result.error).toBeDefined();
				if (fault.kind !== 'status' || fault.status !== 429) expect(result.error.message).toMatch(/may or may not have been made: it was not sent again\. (Look up|Check)/);
			}
		});
	}

	for (const read of cases.reads || []) {
		test(`read "${read.name}" recovers from a 503 and a dropped connection by retrying`, async () => {
			// setup (optional) prepares the sandbox (e.g. a transaction to look up); what it returns joins the parameters
			const prepared = read.setup ? await read.setup(box.sandbox) : undefined;
			box.sandbox.injectFault({ provider: cases.provider, path: read.path, kind: 'status', status: 503 });
			box.sandbox.injectFault({ provider: cases.provider, path: read.path, kind: 'drop' });
			const result = await runNode({ type: cases.node, parameters: { ...read.parameters, ...(prepared || {}) }, credentials: credentials() });
			record({ category: 'reads', provider: cases.provider, operation: read.name, recovered: !result.error, attempts: box.sandbox.count({ provider: cases.provider, path: read.path }) });
			expect(result.error).toBeUndefined();
			expect(box.sandbox.count({ provider: cases.provider, path: read.path })).toBe(3);
		});
	}

	if ((cases.badInput || []).length) {
		test('bad input: a clear error naming field and item, and no request sent', async () => {
			let clear = 0;
			for (const [field, parameters] of cases.badInput) {
				const result = await runNode({ type: cases.node, parameters, credentials: credentials(), items: [{}, {}] });
				const message = result.error ? result.error.message : '';
				if (result.error && result.error.name === 'NodeOperationError' && message.startsWith(`Invalid ${field} [item 0]:`)) clear++;
				else console.error(`not clear for ${field}: ${message}`);
			}
			const sent = box.sandbox.count({ provider: cases.provider });
			record({ category: 'badInput', provider: cases.provider, tried: cases.badInput.length, clear, sent });
			expect(clear).toBe(cases.badInput.length);
			expect(sent).toBe(0);
		});
	}
});
