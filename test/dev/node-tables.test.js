'use strict';
// README.md's node tables (resource locators, API dropdowns, trigger event filters) are generated from the
// built nodes by scripts/node-tables.js; this test fails when they drift apart. Needs dist/, like every unit test.
// After changing a node: `npm run build && node scripts/node-tables.js`, then commit README.md.

const fs = require('fs');
const path = require('path');
const { execFileSync, spawnSync } = require('child_process');

const tables = require('../../scripts/node-tables');

const ROOT = path.resolve(__dirname, '..', '..');
const SCRIPT = path.join(ROOT, 'scripts', 'node-tables.js');

test('README.md node tables match the built nodes (`node scripts/node-tables.js --check`)', () => {
	const result = spawnSync(process.execPath, [SCRIPT, '--check'], { cwd: ROOT, encoding: 'utf8' });
	if (result.status !== 0) throw new Error(`${result.stderr}${result.stdout}\nRegenerate: npm run build && node scripts/node-tables.js`);
	expect(result.status).toBe(0);
});

test('the tables cover every node the package declares, each under its display name', () => {
	// in a child process, like the check: loading n8n-workflow through jest's module system is slow
	const block = execFileSync(process.execPath, [SCRIPT, '--print'], { cwd: ROOT, encoding: 'utf8' });
	const names = JSON.parse(
		execFileSync(process.execPath, ['-e', 'console.log(JSON.stringify(require(process.argv[1]).loadNodes().map((n) => n.description.displayName)))', SCRIPT], { cwd: ROOT, encoding: 'utf8' }),
	);
	expect(names.length).toBe(JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).n8n.nodes.length);
	for (const name of names) expect(block).toContain(`\n#### ${name}\n`);
});

test('--check fails on a stale README and names the fix (run against a copy)', () => {
	const copy = fs.mkdtempSync(path.join(require('os').tmpdir(), 'paysuite-node-tables-'));
	try {
		fs.mkdirSync(path.join(copy, 'scripts'), { recursive: true });
		fs.cpSync(path.join(ROOT, 'scripts'), path.join(copy, 'scripts'), { recursive: true });
		fs.copyFileSync(path.join(ROOT, 'package.json'), path.join(copy, 'package.json'));
		fs.symlinkSync(path.join(ROOT, 'dist'), path.join(copy, 'dist'));
		const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
		fs.writeFileSync(path.join(copy, 'README.md'), readme.replace(/\| — \| — \|\n/, '| — | `someField` |\n'));
		const stale = spawnSync(process.execPath, [path.join(copy, 'scripts', 'node-tables.js'), '--check'], { cwd: copy, encoding: 'utf8' });
		expect(stale.status).toBe(1);
		expect(stale.stderr).toMatch(/stale/);
		// writing mode repairs it, then the check passes
		execFileSync(process.execPath, [path.join(copy, 'scripts', 'node-tables.js')], { cwd: copy });
		expect(fs.readFileSync(path.join(copy, 'README.md'), 'utf8')).toBe(readme);
	} finally {
		fs.rmSync(copy, { recursive: true, force: true });
	}
});

// A description with what the providers' nodes will have: the generator must find locators and API dropdowns
// per operation, nested ones too, and leave out fields of other operations.
const description = {
	displayName: 'Example',
	name: 'example',
	group: ['transform'],
	properties: [
		{ displayName: 'Resource', name: 'resource', type: 'options', options: [{ name: 'Card', value: 'card' }, { name: 'Shop', value: 'shop' }], default: 'card' },
		{
			displayName: 'Operation', name: 'operation', type: 'options', displayOptions: { show: { resource: ['card'] } },
			options: [{ name: 'Get', value: 'get', action: 'Get a card' }, { name: 'Lock', value: 'lock', action: 'Lock a card' }], default: 'get',
		},
		{
			displayName: 'Operation', name: 'operation', type: 'options', displayOptions: { show: { resource: ['shop'], '@tool': [false] } },
			options: [{ name: 'Get Many', value: 'getMany', action: 'Get many shops' }], default: 'getMany',
		},
		{
			displayName: 'Operation', name: 'operation', type: 'options', displayOptions: { show: { resource: ['shop'], '@tool': [true] } },
			options: [{ name: 'Get Many', value: 'getMany', action: 'Get many shops' }], default: 'getMany',
		},
		{
			displayName: 'Card', name: 'cardId', type: 'resourceLocator', default: { mode: 'list', value: '' }, displayOptions: { show: { resource: ['card'] } },
			modes: [
				{ displayName: 'From List', name: 'list', type: 'list', typeOptions: { searchListMethod: 'searchCards', searchable: true } },
				{ displayName: 'By ID', name: 'id', type: 'string' },
			],
		},
		{
			displayName: 'Reason Name or ID', name: 'reason', type: 'options', default: '', displayOptions: { show: { resource: ['card'], operation: ['lock'] } },
			typeOptions: { loadOptionsMethod: 'getReasons', loadOptionsDependsOn: ['cardId.value'] },
		},
		{ displayName: 'Plain', name: 'plain', type: 'options', default: 'a', options: [{ name: 'A', value: 'a' }], displayOptions: { hide: { resource: ['shop'] } } },
		{
			displayName: 'Filters', name: 'filters', type: 'collection', default: {}, displayOptions: { show: { resource: ['shop'] } },
			options: [{ displayName: 'Owner', name: 'owner', type: 'resourceLocator', default: { mode: 'url', value: '' }, modes: [{ displayName: 'By URL', name: 'url', type: 'string' }] }],
		},
	],
};

test('per operation: resource locators with modes, API dropdowns with what they reload on, nested fields by path', () => {
	const table = tables.actionTable(description);
	const rows = table.split('\n').filter((line) => line.startsWith('| ') && !line.startsWith('| Resource'));
	expect(rows).toEqual([
		'| Card | Get | Get a card | Card (`cardId`): list (`searchCards`), id | — |',
		'| Card | Lock | Lock a card | Card (`cardId`): list (`searchCards`), id | Reason Name or ID (`reason`) from `getReasons`, reloads on `cardId.value` |',
		'| Shop | Get Many | Get many shops | Filters → Owner (`filters.owner`): url | — |',
	]);
	expect(table).toMatch(/^3 operations; 3 with a resource locator, 1 with a dropdown loaded from the API\./);
});

test('trigger: multi-select fields are its event filters; none is said plainly', () => {
	const trigger = {
		displayName: 'Example Trigger', name: 'exampleTrigger', group: ['trigger'],
		properties: [
			{ displayName: 'Events', name: 'events', type: 'multiOptions', default: ['paid'], options: [{ name: 'Paid', value: 'paid' }, { name: 'Failed', value: 'failed' }] },
			{ displayName: 'Options', name: 'options', type: 'collection', default: {}, options: [{ displayName: 'Ignore Repeats', name: 'ignoreRepeats', type: 'boolean', default: true }] },
		],
	};
	expect(tables.triggerTable(trigger)).toBe(['| Event filter | Values | Default |', '|---|---|---|', '| Events (`events`) | Paid (`paid`), Failed (`failed`) | Paid |'].join('\n'));
	expect(tables.triggerTable({ ...trigger, properties: trigger.properties.slice(1) })).toBe('No event filter: every event starts the workflow.');
});
