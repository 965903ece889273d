// Two executions in two processes claiming the same key at the same moment, on a copy of n8n's
// processed-items store that has n8n's race (read the row, then write it back, no lock). The ledger's
// per-process queue cannot help across processes; the claim tokens and the settle wait must.
const path = require('path');
const { PACKAGE_ROOT } = require('../harness/n8n');
const { InMemoryProcessedData } = require('../harness/processed-data');

const ledger = require(path.join(PACKAGE_ROOT, 'dist/nodes/shared/ledger.js'));

/** An execute context of "the same node" in a process of its own, on a shared store. */
function processOn(store) {
	const contextData = { workflow: { id: 'wf' }, node: { id: 'payout-node' } };
	return {
		helpers: {
			checkProcessedAndRecord: (items, scope, options) => store.checkProcessedAndRecord(items, scope, contextData, options),
			removeProcessed: (items, scope, options) => store.removeProcessed(items, scope, contextData, options),
		},
	};
}

const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function race(settleMs, rounds) {
	let doubles = 0;
	let nobody = 0;
	for (let round = 0; round < rounds; round++) {
		const store = new InMemoryProcessedData();
		await store.checkProcessedAndRecord(['warm-up'], 'node', { workflow: { id: 'wf' }, node: { id: 'payout-node' } }, { mode: 'entries' }); // the row exists
		const key = `k-${round}`;
		const offset = round % 3; // 0, 1 or 2 macrotasks apart
		const claim = async (delay) => {
			for (let i = 0; i < delay; i++) await new Promise((resolve) => setImmediate(resolve));
			const { held, raced } = await ledger.claimWithTokens(processOn(store), [key], settleMs);
			return !held.has(key) && !raced.has(key);
		};
		const [a, b] = await Promise.all([claim(0), claim(offset)]);
		if (a && b) doubles++;
		if (!a && !b) nobody++;
	}
	return { doubles, nobody };
}

test('n8n’s store alone lets two processes both record the same key as new (the race the ledger must close)', async () => {
	let doubles = 0;
	for (let round = 0; round < 10; round++) {
		const store = new InMemoryProcessedData();
		const contextData = { workflow: { id: 'wf' }, node: { id: 'payout-node' } };
		await store.checkProcessedAndRecord(['warm-up'], 'node', contextData, { mode: 'entries' });
		const [a, b] = await Promise.all([0, 1].map(() => store.checkProcessedAndRecord([`k-${round}`], 'node', contextData, { mode: 'entries' })));
		if (a.new.length && b.new.length) doubles++;
	}
	expect(doubles).toBe(10);
});

test('with claim tokens and the settle wait, at most one process wins a key, and someone always does', async () => {
	const { doubles, nobody } = await race(20, 30);
	expect(doubles).toBe(0);
	expect(nobody).toBe(0);
});

test('a racing write about other keys does not make a claim lose: it is claimed again and won', async () => {
	const store = new InMemoryProcessedData();
	await store.checkProcessedAndRecord(['warm-up'], 'node', { workflow: { id: 'wf' }, node: { id: 'payout-node' } }, { mode: 'entries' });
	const a = processOn(store);
	const b = processOn(store);
	const [mine, theirs] = await Promise.all([ledger.claimWithTokens(a, ['mine'], 20), ledger.claimWithTokens(b, ['theirs'], 20)]);
	expect([...mine.held, ...mine.raced]).toEqual([]);
	expect([...theirs.held, ...theirs.raced]).toEqual([]);
	expect(store.has('wf', 'payout-node', 'mine')).toBe(true);
	expect(store.has('wf', 'payout-node', 'theirs')).toBe(true);
	await wait(1);
});
