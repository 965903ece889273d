'use strict';
// The parts of scripts/screenshots.js (npm run screenshots) that decide what is photographed, without a
// browser: which panels each provider gets, how the workflow is built, where pictures may go, and the
// list of fields without a description. The browser run itself is checked by running it (docs/real-n8n.md).

const path = require('path');
const os = require('os');

const { buildWorkflows, parseArgs, wordsReport } = require('../../scripts/screenshots');
const helpers = require('../../scripts/node-tables');

const description = {
	displayName: 'Example',
	name: 'example',
	version: 1,
	group: ['transform'],
	credentials: [{ name: 'exampleApi', required: true }],
	properties: [
		{ displayName: 'Resource', name: 'resource', type: 'options', default: 'card', options: [{ name: 'Card', value: 'card' }, { name: 'Shop', value: 'shop' }] },
		{
			displayName: 'Operation', name: 'operation', type: 'options', default: 'get', displayOptions: { show: { resource: ['card'] } },
			options: [{ name: 'Get', value: 'get', action: 'Get a card' }, { name: 'Lock', value: 'lock', action: 'Lock a card' }, { name: 'Unlock', value: 'unlock', action: 'Unlock a card' }],
		},
		{ displayName: 'Operation', name: 'operation', type: 'options', default: 'getMany', displayOptions: { show: { resource: ['shop'] } }, options: [{ name: 'Get Many', value: 'getMany', action: 'Get many shops' }] },
		{
			displayName: 'Card', name: 'cardId', type: 'resourceLocator', default: { mode: 'id', value: '' }, displayOptions: { show: { resource: ['card'], operation: ['lock'] } },
			modes: [{ displayName: 'By ID', name: 'id', type: 'string' }, { displayName: 'From List', name: 'list', type: 'list', typeOptions: { searchListMethod: 'searchCards' } }],
		},
		{ displayName: 'Reason', name: 'reason', type: 'string', default: '', displayOptions: { show: { operation: ['unlock'] } } },
	],
};
const trigger = { displayName: 'Example Trigger', name: 'exampleTrigger', version: 1, group: ['trigger'], properties: [{ displayName: 'Events', name: 'events', type: 'multiOptions', default: [], options: [], description: 'Which events' }] };

test('each resource\'s first operation and every operation with a locator get a panel; the locator starts in list mode', () => {
	const [plan] = buildWorkflows({ Example: { action: { description }, trigger: { description: trigger } } }, helpers, { exampleApi: { id: 'c1', name: 'Example (sandbox)' } });
	expect(plan.shots.map((shot) => shot.file)).toEqual(['example-trigger', 'example-card-get', 'example-card-lock', 'example-shop-get-many']);
	const lock = plan.workflow.nodes.find((node) => node.name === 'Example Card - Lock');
	expect(lock.parameters).toEqual({ resource: 'card', operation: 'lock', cardId: { __rl: true, mode: 'list', value: '' } });
	expect(lock.credentials).toEqual({ exampleApi: { id: 'c1', name: 'Example (sandbox)' } });
	expect(lock.type).toBe('n8n-nodes-paysuite.example');
	expect(plan.shots.find((shot) => shot.file === 'example-card-lock').open.name).toBe('cardId');
	expect(plan.workflow.nodes.find((node) => node.name === 'Example Trigger').webhookId).toMatch(/^[0-9a-f-]{36}$/);
	// --all: every operation
	const [all] = buildWorkflows({ Example: { action: { description } } }, helpers, {}, undefined, { all: true });
	expect(all.shots.map((shot) => shot.file)).toEqual(['example-card-get', 'example-card-lock', 'example-card-unlock', 'example-shop-get-many']);
});

test('pictures go outside the repository only', () => {
	expect(parseArgs([]).out).toBe(path.join(os.tmpdir(), 'paysuite-screenshots'));
	expect(parseArgs(['/tmp/elsewhere', '--all', '--only', 'kpay,kasha']).only).toEqual(['kpay', 'kasha']);
	expect(() => parseArgs([path.resolve(__dirname, '..', '..', 'screenshots')])).toThrow(/inside the repository/);
	expect(() => parseArgs(['--frobnicate'])).toThrow(/unknown option/);
});

test('descriptions.md names the fields without a description and one-sentence notices ending with a period', () => {
	const withNotice = { ...description, properties: [...description.properties, { displayName: 'Closing is final.', name: 'closeNotice', type: 'notice', default: '' }] };
	const report = wordsReport([{ description: withNotice }, { description: trigger }], [{ displayName: 'Example API', properties: [{ displayName: 'API Key', name: 'apiKey', type: 'string', default: '', description: 'The key' }] }]);
	expect(report).toContain('## Example\n\n- Card (`cardId`)\n- Reason (`reason`)\n- notice "Closing is final." is one sentence ending with a period\n');
	expect(report).toContain('## Example Trigger\n\nEvery field has a description.');
	expect(report).toContain('## Example API (credential)\n\nEvery field has a description.');
});
