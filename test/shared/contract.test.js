// The parts of the provider contract a program can see (the rest is in docs and review).
const fs = require('fs');
const path = require('path');
const { PACKAGE_ROOT } = require('../harness/n8n');

const pkg = require(path.join(PACKAGE_ROOT, 'package.json'));

test('node files export only their class (helpers live beside them; credentials also export their base-URL constants)', () => {
	for (const file of pkg.n8n.nodes) {
		const exported = require(path.join(PACKAGE_ROOT, file));
		const names = Object.keys(exported);
		expect([file, names.length]).toEqual([file, 1]);
		expect([file, typeof exported[names[0]], /^class\s/.test(String(exported[names[0]]))]).toEqual([file, 'function', true]);
	}
});

test('every operation the router guards as a money move has an Idempotency Key field', () => {
	const providers = fs.readdirSync(path.join(PACKAGE_ROOT, 'dist/nodes')).filter((dir) => fs.existsSync(path.join(PACKAGE_ROOT, 'dist/nodes', dir, 'actions/index.js')));
	let moneyMoves = 0;
	for (const provider of providers) {
		const { operations } = require(path.join(PACKAGE_ROOT, 'dist/nodes', provider, 'actions/index.js'));
		for (const [resource, byOperation] of Object.entries(operations)) {
			for (const [name, operation] of Object.entries(byOperation)) {
				if (operation.moneyMove === undefined) continue;
				moneyMoves++;
				const hasKey = operation.description.some((p) => p.name === 'idempotencyKey');
				expect([provider, resource, name, hasKey]).toEqual([provider, resource, name, true]);
			}
		}
	}
	expect(moneyMoves).toBeGreaterThan(15);
});
