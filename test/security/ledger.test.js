// The payment ledger across n8n's lifecycle, for every money move in ./cases (each provider's `moneyOps`):
// a re-run after a mid-run refusal, Retry On Fail with 3 tries, a second execution with the same input, two
// executions at once, a lost answer, an empty 200, a {} 200 and an answer that drips past the deadline.
// Each scenario records, for the report (test/security/report.js):
//   intended   the movements the operator wanted (one per distinct key)
//   movements  the movements the provider made (the sandbox's state)
//   falseSuccess  output items that claim success although the provider moved nothing for them
//   sentAfterHeld requests sent for items whose key the ledger already held
// Movements per intended movement must be ≤ 1, falseSuccess and sentAfterHeld 0.
const fs = require('fs');
const path = require('path');
const crypto = require('crypto');
const { runWorkflow, node, chain } = require('../harness/n8n');
const { useSandbox } = require('../harness/sandbox');
const { record } = require('../harness/audit');

const box = useSandbox();
const providers = fs
	.readdirSync(path.join(__dirname, 'cases'))
	.filter((file) => file.endsWith('.js'))
	.map((file) => require(`./cases/${file}`));

/** A workflow Start → money move; `nodeId` fixed so that runs are "the same node again". */
async function runMoneyMove(cases, op, { refs, nodeId, settings = {}, options = {}, prepared = {} }) {
	const parameters = { ...op.parameters, ...prepared, idempotencyKey: '={{ $json.ref }}' };
	if (op.reference) parameters[op.reference] = '={{ $json.ref }}';
	if (Object.keys(options).length) parameters.executionOptions = { ...(parameters.executionOptions || {}), ...options };
	const start = node('Start', 'harness.start');
	const target = node('Node', cases.node, parameters, settings);
	target.id = nodeId;
	const result = await runWorkflow({
		nodes: [start, target],
		connections: chain('Start', 'Node'),
		credentials: cases.credentials(box.sandbox),
		input: refs.map((ref) => ({ json: { ref } })),
		workflowId: `ledger-${nodeId}`,
	});
	const items = (result.output('Node') || []).map((item) => item.json);
	return { error: result.nodeError('Node') || result.error, items, result };
}

const successes = (items) => items.filter((item) => !item.skipped && item.error === undefined);
const skipped = (items) => items.filter((item) => item.skipped === true);

function report(cases, op, scenario, figures) {
	const row = { category: 'ledger', provider: cases.provider, operation: op.name, scenario, ...figures };
	record(row);
	return row;
}

function expectSafe(row) {
	expect(row.movements).toBeLessThanOrEqual(row.intended);
	expect(row.falseSuccess).toBe(0);
	expect(row.sentAfterHeld).toBe(0);
}

describe.each(providers.map((p) => [p.provider, p]))('%s', (_name, cases) => {
	for (const op of cases.moneyOps || []) {
		if (op.ledger === false) continue;
		// several items at once need a reference per item and a setup shared by all of them
		const multi = op.reference !== undefined && op.items === undefined;
		const prepare = async () => (op.setup ? (await op.setup(box.sandbox)) || {} : {});
		const requests = () => box.sandbox.count({ provider: cases.provider, path: op.path });
		const uid = () => crypto.randomUUID();
		const refsOf = (n) => Array.from({ length: n }, (_, i) => `L-${uid().slice(0, 8)}-${i}`);

		if (multi) {
			test(`${op.name}: a run refused at item 2 of 4, then run again, moves each payment once`, async () => {
				const prepared = await prepare();
				const refs = refsOf(4);
				const nodeId = uid();
				box.sandbox.injectFault({ provider: cases.provider, path: op.path, kind: 'status', status: 400, body: { error: { message: 'Injected refusal' } }, skip: 2 });
				const first = await runMoneyMove(cases, op, { refs, nodeId, prepared });
				expect(first.error).toBeDefined();
				// the error tells which items were already sent, by key
				expect(first.error.description).toMatch(new RegExp(`Already sent in this run: items 0 \\(key "${refs[0]}"\\), 1 \\(key "${refs[1]}"\\)`));
				const afterFirst = op.movements(box.sandbox);
				const sentBefore = requests();
				const second = await runMoneyMove(cases, op, { refs, nodeId, prepared });
				expect(second.error).toBeUndefined();
				expect(skipped(second.items).map((item) => item.idempotencyKey)).toEqual(refs.slice(0, 2));
				const row = report(cases, op, 're-run after a mid-run refusal', {
					intended: 4,
					movements: op.movements(box.sandbox),
					falseSuccess: Math.max(0, successes(second.items).length - (op.movements(box.sandbox) - afterFirst)),
					sentAfterHeld: requests() - sentBefore - 2,
				});
				expectSafe(row);
				expect(row.movements).toBe(4);
			});

			test(`${op.name}: Retry On Fail (3 tries) after a refused item sends the others once`, async () => {
				const prepared = await prepare();
				const refs = refsOf(3);
				box.sandbox.injectFault({ provider: cases.provider, path: op.path, kind: 'status', status: 400, body: { error: { message: 'Injected refusal' } }, skip: 1 });
				const run = await runMoneyMove(cases, op, { refs, nodeId: uid(), prepared, settings: { retryOnFail: true, maxTries: 3, waitBetweenTries: 0 } });
				expect(run.error).toBeUndefined();
				const row = report(cases, op, 'Retry On Fail, 3 tries', {
					intended: 3,
					movements: op.movements(box.sandbox),
					falseSuccess: 0,
					// try 1: items 0 (sent) and 1 (refused); try 2: item 0 held, 1 and 2 sent
					sentAfterHeld: requests() - 4,
				});
				expectSafe(row);
				expect(row.movements).toBe(3);
			});

			test(`${op.name}: without the ledger, Retry On Fail is refused before anything is sent`, async () => {
				const prepared = await prepare();
				const run = await runMoneyMove(cases, op, { refs: refsOf(1), nodeId: uid(), prepared, options: { paymentLedger: false }, settings: { retryOnFail: true, maxTries: 3, waitBetweenTries: 0 } });
				expect(run.error.message).toMatch(/Retry On Fail is not allowed for a money move without the payment ledger/);
				expect(requests()).toBe(0);
			});

			test(`${op.name}: two executions of the same node at once move each payment once`, async () => {
				const prepared = await prepare();
				const refs = refsOf(3);
				const nodeId = uid();
				const [a, b] = await Promise.all([runMoneyMove(cases, op, { refs, nodeId, prepared }), runMoneyMove(cases, op, { refs, nodeId, prepared })]);
				const reported = successes(a.items).length + successes(b.items).length;
				const row = report(cases, op, 'two executions at once', {
					intended: 3,
					movements: op.movements(box.sandbox),
					falseSuccess: Math.max(0, reported - op.movements(box.sandbox)),
					sentAfterHeld: requests() - 3,
				});
				expectSafe(row);
				expect(skipped(a.items).length + skipped(b.items).length).toBe(3);
			});
		}

		test(`${op.name}: a second execution with the same input sends nothing`, async () => {
			const prepared = await prepare();
			const refs = refsOf(1);
			const nodeId = uid();
			const first = await runMoneyMove(cases, op, { refs, nodeId, prepared });
			expect(first.error).toBeUndefined();
			const sentBefore = requests();
			const second = await runMoneyMove(cases, op, { refs, nodeId, prepared });
			expect(second.error).toBeUndefined();
			expect(second.items).toEqual([expect.objectContaining({ idempotencyKey: refs[0], skipped: true })]);
			const row = report(cases, op, 'second execution, same input', { intended: 1, movements: op.movements(box.sandbox), falseSuccess: 0, sentAfterHeld: requests() - sentBefore });
			expectSafe(row);
			expect(row.movements).toBe(1);
		});

		test(`${op.name}: a lost answer is an unknown outcome, and running again does not send it`, async () => {
			const prepared = await prepare();
			const refs = refsOf(1);
			const nodeId = uid();
			box.sandbox.injectFault({ provider: cases.provider, path: op.path, kind: 'drop-after' });
			const first = await runMoneyMove(cases, op, { refs, nodeId, prepared });
			expect(first.error.message).toMatch(/may or may not have been made: it was not sent again/);
			expect(first.error.description).toMatch(/Release Idempotency Keys/);
			const sentBefore = requests();
			const second = await runMoneyMove(cases, op, { refs, nodeId, prepared });
			expect(second.items[0]).toMatchObject({ skipped: true });
			const row = report(cases, op, 'lost answer, then run again', { intended: 1, movements: op.movements(box.sandbox), falseSuccess: 0, sentAfterHeld: requests() - sentBefore });
			expectSafe(row);
		});

		for (const [scenario, fault] of [
			['empty 200', { kind: 'empty-200' }],
			['{} 200', { kind: 'empty-object-200' }],
		]) {
			test(`${op.name}: ${scenario} is an unknown outcome, never a success`, async () => {
				const prepared = await prepare();
				box.sandbox.injectFault({ provider: cases.provider, path: op.path, ...fault });
				const run = await runMoneyMove(cases, op, { refs: refsOf(1), nodeId: uid(), prepared });
				const movements = op.movements(box.sandbox);
				const row = report(cases, op, scenario, { intended: 1, movements, falseSuccess: Math.max(0, successes(run.items).length - movements), sentAfterHeld: 0 });
				expectSafe(row);
				expect(run.error).toBeDefined();
				expect(run.error.message).toMatch(/may or may not have been made/);
			});
		}

		test(`${op.name}: an answer that drips past the deadline ends as an unknown outcome within it`, async () => {
			const prepared = await prepare();
			box.sandbox.injectFault({ provider: cases.provider, path: op.path, kind: 'drip', intervalMs: 20 });
			const started = Date.now();
			const refs = refsOf(1);
			const nodeId = uid();
			const run = await runMoneyMove(cases, op, { refs, nodeId, prepared, options: { timeoutSeconds: 1 } });
			const elapsed = Date.now() - started;
			expect(run.error.message).toMatch(/no complete answer within 1 s/);
			expect(elapsed).toBeLessThan(10_000);
			const sentBefore = requests();
			const again = await runMoneyMove(cases, op, { refs, nodeId, prepared });
			expect(again.items[0]).toMatchObject({ skipped: true });
			const row = report(cases, op, 'slow drip past the deadline', { intended: 1, movements: op.movements(box.sandbox), falseSuccess: 0, sentAfterHeld: requests() - sentBefore });
			expectSafe(row);
		});
	}
});
