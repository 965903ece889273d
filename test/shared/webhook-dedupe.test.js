// De-duplication of provider notifications under n8n's real lifecycle: n8n loads the workflow's static
// data for every webhook request and saves it back after it, so concurrent requests each see their own
// copy (the harness does the same, see startTrigger). The shared rememberEvent must still let exactly one
// copy of an event run, keep every key when distinct events arrive together, and survive a restart.
const path = require('path');
const { startTrigger, node, post, PACKAGE_ROOT } = require('../harness/n8n');

const { forgetProcessMemory } = require(path.join(PACKAGE_ROOT, 'dist/nodes/shared/webhook.js'));

let trigger;
afterEach(async () => {
	if (trigger) await trigger.close();
	trigger = undefined;
});

const start = async () => {
	trigger = await startTrigger({ trigger: node('Trigger', 'harness.dedupeTrigger') });
	return trigger;
};
const send = (id) => post(trigger.url(), { id });
const seenInDatabase = () => Object.keys((trigger.database.staticData['node:Trigger'] || {}).seen || {});

test('10 concurrent copies of one event: 1 execution', async () => {
	await start();
	await Promise.all(Array.from({ length: 10 }, () => send('e-1')));
	await trigger.settle();
	expect(trigger.executions).toHaveLength(1);
});

test('5 distinct events at once, then each redelivered: 5 executions, and the database holds all 5 keys', async () => {
	await start();
	await Promise.all(['a', 'b', 'c', 'd', 'e'].map(send));
	await trigger.settle();
	expect(seenInDatabase().sort()).toEqual(['a', 'b', 'c', 'd', 'e']);
	for (const id of ['a', 'b', 'c', 'd', 'e']) await send(id);
	await trigger.settle();
	expect(trigger.executions).toHaveLength(5);
});

test('a restart between delivery and redelivery: the keys come back from the database', async () => {
	await start();
	await Promise.all(['r1', 'r2', 'r3'].map(send));
	await trigger.settle();
	forgetProcessMemory(); // what a restart does to this process's memory
	for (const id of ['r1', 'r2', 'r3']) await send(id);
	await send('r4');
	await trigger.settle();
	expect(trigger.executions.map((e) => e.items[0].id).sort()).toEqual(['r1', 'r2', 'r3', 'r4']);
});

test('the harness is honest: a plain static-data store loses keys to concurrent requests, as in n8n', async () => {
	trigger = await startTrigger({ trigger: node('Trigger', 'harness.naiveDedupeTrigger') });
	await Promise.all(['x1', 'x2', 'x3', 'x4', 'x5'].map(send));
	await trigger.settle();
	// each request saved the copy it loaded plus its own key: the last save wins
	expect(seenInDatabase().length).toBeLessThan(5);
	for (const id of ['x1', 'x2', 'x3', 'x4', 'x5']) await send(id);
	await trigger.settle();
	expect(trigger.executions.length).toBeGreaterThan(5);
});
