// The payment ledger as the router applies it, on eZeeWallet's single payout (the reference money move):
// keys claimed before sending, duplicates in one run, release after a definite refusal, the partial-run
// error, Release Idempotency Keys, the ledger switched off, and AI agents (the node run as "<type>Tool").
const crypto = require('crypto');
const { runNode } = require('../harness/n8n');
const { useSandbox } = require('../harness/sandbox');
const { processedData } = require('../harness/processed-data');

const box = useSandbox();
const payouts = () => box.sandbox.state('ezeewallet').payouts;
const base = { resource: 'payout', operation: 'create', email: 'carol@example.com', amount: '1', currency: 'USD', merchantReference: '={{ $json.ref }}' };
const run = (extra = {}) =>
	runNode({ type: extra.type || 'ezeeWallet', parameters: { ...base, ...(extra.parameters || {}) }, credentials: { ezeeWalletApi: box.sandbox.credentials().ezeewallet }, items: extra.items || [{ ref: 'r-1' }], nodeId: extra.nodeId, continueOnFail: extra.continueOnFail });

test('the key defaults to the merchant reference and goes with the output', async () => {
	const result = await run({ items: [{ ref: 'a-1' }, { ref: 'a-2' }] });
	expect(result.error).toBeUndefined();
	expect(result.items.map((item) => item.idempotencyKey)).toEqual(['a-1', 'a-2']);
	expect(payouts()).toHaveLength(2);
});

test('an empty key is refused before anything is sent, naming the item', async () => {
	const result = await run({ items: [{ ref: 'b-1' }, { ref: '' }] });
	expect(result.error.message).toBe('Invalid Idempotency Key [item 1]: is empty');
	expect(box.sandbox.count({ provider: 'ezeewallet' })).toBe(0);
});

test('two items with the same key in one run: the second is held, not sent', async () => {
	const result = await run({ items: [{ ref: 'c-1' }, { ref: 'c-1' }] });
	expect(result.items[1]).toEqual({ idempotencyKey: 'c-1', skipped: true, reason: 'item 0 of this run has the same Idempotency Key; this one was not sent' });
	expect(payouts()).toHaveLength(1);
});

test('a definite refusal gives the key back: fixed and run again, the item is sent', async () => {
	const nodeId = crypto.randomUUID();
	const refused = await run({ nodeId, parameters: { email: 'nobody@example.com' }, items: [{ ref: 'd-1' }] });
	expect(refused.error.message).toMatch(/Target wallet account not found/);
	const fixed = await run({ nodeId, items: [{ ref: 'd-1' }] });
	expect(fixed.error).toBeUndefined();
	expect(fixed.items[0].skipped).toBeUndefined();
	expect(payouts()).toHaveLength(1);
});

test('with Continue On Fail, a refused item becomes an error item and the others are sent; the refused key is released', async () => {
	const nodeId = crypto.randomUUID();
	box.sandbox.injectFault({ provider: 'ezeewallet', path: '/single_payouts_new', kind: 'status', status: 400, body: { error: { message: 'Injected refusal' } }, skip: 1 });
	const result = await run({ nodeId, continueOnFail: true, items: [{ ref: 'e-1' }, { ref: 'e-2' }, { ref: 'e-3' }] });
	expect(result.items[1].error).toMatch(/Injected refusal/);
	expect(payouts()).toHaveLength(2);
	const again = await run({ nodeId, continueOnFail: true, items: [{ ref: 'e-1' }, { ref: 'e-2' }, { ref: 'e-3' }] });
	expect(again.items.map((item) => item.skipped === true)).toEqual([true, false, true]);
	expect(payouts()).toHaveLength(3);
});

test('Release Idempotency Keys sends a held key again (after the operator checked nothing happened)', async () => {
	const nodeId = crypto.randomUUID();
	box.sandbox.injectFault({ provider: 'ezeewallet', path: '/single_payouts_new', kind: 'drop' }); // dropped before processing
	const lost = await run({ nodeId, items: [{ ref: 'f-1' }] });
	expect(lost.error.message).toMatch(/may or may not have been made/);
	expect((await run({ nodeId, items: [{ ref: 'f-1' }] })).items[0].skipped).toBe(true);
	const released = await run({ nodeId, parameters: { executionOptions: { releaseKeys: true } }, items: [{ ref: 'f-1' }] });
	expect(released.items[0].skipped).toBeUndefined();
	expect(payouts()).toHaveLength(1);
});

test("the ledger lives in n8n's processed-items store, with a few calls per run whatever the number of items", async () => {
	const store = processedData();
	const calls = async (n, nodeId = crypto.randomUUID()) => {
		const before = store.calls;
		await run({ nodeId, items: Array.from({ length: n }, (_, i) => ({ ref: `g-${n}-${i}` })) });
		return { calls: store.calls - before, nodeId };
	};
	const small = await calls(2);
	const large = await calls(40);
	// claim, confirm the claim, confirm what stays held: 3 calls for 2 items and for 40
	expect(small.calls).toBe(3);
	expect(large.calls).toBe(3);
	// each key and the claim token that proves this run's write survived (ledger.ts, claimWithTokens)
	expect(store.countFor('test-workflow', large.nodeId)).toBe(80);
	expect(store.has('test-workflow', large.nodeId, 'g-40-7')).toBe(true);
});

test("a claim that another process's write overwrote (a lost update in n8n's store) is recorded again before sending", async () => {
	const store = processedData();
	const nodeId = crypto.randomUUID();
	store.loseNextUpdates(1); // the claim's write is lost
	const first = await run({ nodeId, items: [{ ref: 'lost-1' }, { ref: 'lost-2' }] });
	expect(first.error).toBeUndefined();
	expect(store.has('test-workflow', nodeId, 'lost-1')).toBe(true);
	const again = await run({ nodeId, items: [{ ref: 'lost-1' }, { ref: 'lost-2' }] });
	expect(again.items.every((item) => item.skipped === true)).toBe(true);
	expect(payouts()).toHaveLength(2);
});

test('keys lost from the store while the run was sending are recorded again at the end', async () => {
	const store = processedData();
	const nodeId = crypto.randomUUID();
	// claim and confirm land; then another process overwrites the row while the items are being sent
	const original = store.checkProcessedAndRecord.bind(store);
	let call = 0;
	store.checkProcessedAndRecord = async (...args) => {
		call++;
		const result = await original(...args);
		if (call === 2) store.rows.delete(`test-workflow|n:${nodeId}`);
		return result;
	};
	try {
		await run({ nodeId, items: [{ ref: 'late-1' }] });
	} finally {
		store.checkProcessedAndRecord = original;
	}
	expect(store.has('test-workflow', nodeId, 'late-1')).toBe(true);
	expect((await run({ nodeId, items: [{ ref: 'late-1' }] })).items[0].skipped).toBe(true);
});

test('with the ledger off, a repeated run pays again (what the ledger prevents)', async () => {
	const nodeId = crypto.randomUUID();
	const off = { executionOptions: { paymentLedger: false } };
	await run({ nodeId, parameters: off, items: [{ ref: 'h-1' }] });
	await run({ nodeId, parameters: off, items: [{ ref: 'h-1' }] });
	expect(payouts()).toHaveLength(2);
});

describe('as an AI agent tool', () => {
	test('a money move needs a maximum amount', async () => {
		const result = await run({ type: 'ezeeWalletTool', items: [{ ref: 'i-1' }] });
		expect(result.error.message).toMatch(/^Invalid Max Amount per Call for AI Agents \[item 0\]: must be set/);
		expect(box.sandbox.count({ provider: 'ezeewallet' })).toBe(0);
	});

	test('above the maximum is refused before anything is sent; at the maximum is sent', async () => {
		const options = { executionOptions: { agentMaxAmount: '5.00' } };
		const above = await run({ type: 'ezeeWalletTool', parameters: { ...options, amount: '5.01' }, items: [{ ref: 'j-1' }] });
		expect(above.error.message).toBe('Invalid Amount [item 0]: 5.01 is above the maximum of 5.00 that an AI agent may send with this node');
		expect(box.sandbox.count({ provider: 'ezeewallet' })).toBe(0);
		const at = await run({ type: 'ezeeWalletTool', parameters: { ...options, amount: '5' }, items: [{ ref: 'j-2' }] });
		expect(at.error).toBeUndefined();
		expect(payouts()).toHaveLength(1);
	});

	test('an agent may not move money with the ledger off', async () => {
		const result = await run({ type: 'ezeeWalletTool', parameters: { executionOptions: { agentMaxAmount: '5', paymentLedger: false } } });
		expect(result.error.message).toBe('An AI agent may only move money with the payment ledger on');
	});

	test('reads are not limited', async () => {
		const result = await runNode({ type: 'ezeeWalletTool', parameters: { resource: 'account', operation: 'get', email: 'alice@example.com' }, credentials: { ezeeWalletApi: box.sandbox.credentials().ezeewallet } });
		expect(result.error).toBeUndefined();
	});
});
