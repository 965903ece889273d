// Faults on the wire: reads are retried and recover; money moves are sent exactly once and an unknown
// outcome says so and tells the operator what to look up before re-running.
const { providerKit } = require('../harness/provider');

const kit = providerKit('ezeewallet');
const box = kit.handle;
const run = (parameters, extra = {}) => kit.run(parameters, extra);
const account = { resource: 'account', operation: 'get', email: 'alice@example.com' };
const payout = { resource: 'payout', operation: 'create', email: 'carol@example.com', amount: '5', currency: 'USD', merchantReference: 'fault-ref-1' };
const carolUsd = () => box.sandbox.state('ezeewallet').consumers['carol@example.com'].wallets.USD;

describe('reads are retried', () => {
	test.each([
		['a 503', { kind: 'status', status: 503 }],
		['a 429 with Retry-After', { kind: 'status', status: 429, headers: { 'retry-after': '0' } }],
		['an HTML error page', { kind: 'html' }],
		['a dropped connection', { kind: 'drop' }],
	])('%s on a read is retried and succeeds', async (_name, fault) => {
		box.sandbox.injectFault({ provider: 'ezeewallet', path: '/account', ...fault });
		const result = await run(account);
		expect(result.error).toBeUndefined();
		expect(result.items[0].wallet_account_number).toBe(1001);
		expect(box.sandbox.count({ path: '/account' })).toBe(2);
	});

	test('a read that keeps failing stops after 4 attempts with a clear error', async () => {
		box.sandbox.injectFault({ provider: 'ezeewallet', path: '/account', kind: 'status', status: 500, times: 10 });
		const result = await run(account);
		expect(box.sandbox.count({ path: '/account' })).toBe(4);
		expect(result.error.message).toBe('eZeeWallet: Injected failure');
		expect(result.error.httpCode).toBe('500');
	});
});

describe('money moves are never sent twice', () => {
	test.each([
		['a 500 before processing', { kind: 'status', status: 500 }, 0],
		['a 502 HTML page', { kind: 'html' }, 0],
		['a 429', { kind: 'status', status: 429 }, 0],
		['a connection dropped before processing', { kind: 'drop' }, 0],
		['a connection dropped after the payout was made', { kind: 'drop-after' }, 500],
		['an unreadable answer after the payout was made', { kind: 'malformed' }, 500],
	])('%s: sent once, error names the reference', async (_name, fault, moved) => {
		box.sandbox.injectFault({ provider: 'ezeewallet', path: '/single_payouts_new', ...fault });
		const result = await run(payout);
		expect(box.sandbox.count({ path: '/single_payouts_new' })).toBe(1);
		expect(carolUsd()).toBe(moved);
		expect(box.sandbox.state('ezeewallet').payouts).toHaveLength(moved ? 1 : 0);
		expect(result.error).toBeDefined();
		if (fault.kind !== 'status' || fault.status !== 429) {
			expect(result.error.message).toMatch(/may or may not have been made: it was not sent again\. Look up payout with merchant reference "fault-ref-1" before running this item again\./);
		}
	});

	test('a money move that the provider refused (4xx) is a definite failure, not an unknown outcome', async () => {
		const result = await run({ ...payout, email: 'nobody@example.com' });
		expect(result.error.message).toBe('eZeeWallet: Target wallet account not found (code 405)');
		expect(result.error.message).not.toMatch(/may or may not/);
	});

	test('a batch whose second chunk fails: the first chunk is not re-sent and the error says what was paid', async () => {
		const items = Array.from({ length: 4 }, () => ({}));
		const params = { resource: 'payout', operation: 'createBatch', email: 'carol@example.com', amount: '1', currency: 'USD', merchantReference: '={{ "chunk-" + $itemIndex }}', batchOptions: { batchSize: 2 } };
		// fail the 2nd batch request only
		const original = box.sandbox.takeFault.bind(box.sandbox);
		let seen = 0;
		box.sandbox.takeFault = (provider, method, path) => (path === '/batch_payouts_new' && ++seen === 2 ? { kind: 'status', status: 500 } : original(provider, method, path));
		try {
			const result = await run(params, { items });
			expect(box.sandbox.count({ path: '/batch_payouts_new' })).toBe(2);
			expect(carolUsd()).toBe(200);
			// a 500 on a money move: the second chunk's outcome is unknown; the first was paid
			expect(result.error.message).toMatch(/may or may not have been made/);
			expect(result.error.description).toMatch(/Already sent in this run: items 0 \(key "chunk-0"\), 1 \(key "chunk-1"\)\. Outcome unknown: items 2 \(key "chunk-2"\), 3 \(key "chunk-3"\)\./);
		} finally {
			box.sandbox.takeFault = original;
		}
	});
});
