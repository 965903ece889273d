'use strict';
// docs/adding-a-provider.md: the parts of the provider contract a program can see, for every provider
// folder in nodes/ (a sixth provider is checked the moment its folder exists).

const fs = require('fs');
const path = require('path');
const { PACKAGE_ROOT } = require('../harness/n8n');

const NODES = path.join(PACKAGE_ROOT, 'nodes');
const DIST = path.join(PACKAGE_ROOT, 'dist');
const providers = fs.readdirSync(NODES).filter((dir) => dir !== 'shared' && fs.statSync(path.join(NODES, dir)).isDirectory());
const exists = (...parts) => fs.existsSync(path.join(...parts));
const read = (...parts) => fs.readFileSync(path.join(...parts), 'utf8');
const classOf = (exported) => Object.values(exported).find((value) => typeof value === 'function' && /^class\s/.test(String(value)));

/** Every .ts file below a folder. */
function sources(dir) {
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const full = path.join(dir, entry.name);
		return entry.isDirectory() ? sources(full) : entry.name.endsWith('.ts') ? [full] : [];
	});
}

test('there are five providers or more', () => {
	expect(providers.length).toBeGreaterThanOrEqual(5);
});

for (const P of providers) {
	describe(`provider ${P}`, () => {
		const dir = path.join(NODES, P);
		const node = new (classOf(require(path.join(DIST, 'nodes', P, `${P}.node.js`))))();
		const credentialName = node.description.credentials[0].name;
		const credentialFile = `${credentialName[0].toUpperCase()}${credentialName.slice(1)}.credentials`;

		test('has the contract\'s files: node, codex, icons, transport, actions/index.ts', () => {
			for (const file of [`${P}.node.ts`, `${P}.node.json`, 'transport.ts', 'actions/index.ts']) expect([file, exists(dir, file)]).toEqual([file, true]);
			expect(typeof node.description.icon === 'object' && node.description.icon.light && node.description.icon.dark).toBeTruthy();
			expect(exists(PACKAGE_ROOT, 'credentials', `${credentialFile}.ts`)).toBe(true);
		});

		test('every resource has its own index.ts with its operation picker; actions/index.ts only assembles', () => {
			const resources = fs.readdirSync(path.join(dir, 'actions'), { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name);
			expect(resources.length).toBeGreaterThan(0);
			for (const resource of resources) {
				expect([resource, exists(dir, 'actions', resource, 'index.ts')]).toEqual([resource, true]);
				const { picker, operations } = require(path.join(DIST, 'nodes', P, 'actions', resource, 'index.js'));
				const pickers = [].concat(picker || []);
				expect([resource, pickers.length > 0 && pickers.every((property) => property.name === 'operation')]).toEqual([resource, true]);
				expect([resource, Object.keys(operations || {}).length > 0]).toEqual([resource, true]);
			}
			expect(/displayName: 'Operation'/.test(read(dir, 'actions', 'index.ts'))).toBe(false);
		});

		test('dropdown and list loaders live in methods/loadOptions.ts and methods/listSearch.ts', () => {
			const methods = node.methods || {};
			for (const kind of ['loadOptions', 'listSearch']) {
				const has = Object.keys(methods[kind] || {}).length > 0;
				expect([kind, exists(dir, 'methods', `${kind}.ts`)]).toEqual([kind, has]);
			}
			const strays = sources(dir).filter((file) => /loadOptions\.ts$|listSearch\.ts$/.test(file) && path.dirname(file) !== path.join(dir, 'methods'));
			expect(strays).toEqual([]);
		});

		test('trigger logic lives beside the trigger node (trigger.ts or trigger/)', () => {
			if (!exists(dir, `${P}Trigger.node.ts`)) return;
			expect(exists(dir, 'trigger.ts') || exists(dir, 'trigger')).toBe(true);
		});

		test('one call table in the shared shape: every entry names its kind and why', () => {
			const transport = require(path.join(DIST, 'nodes', P, 'transport.js'));
			const tables = Object.entries(transport).filter(([name]) => /_CALLS$/.test(name));
			expect(tables.map(([name]) => name)).toHaveLength(1);
			const [, table] = tables[0];
			expect(Object.keys(table).length).toBeGreaterThan(0);
			for (const [call, spec] of Object.entries(table)) {
				expect([call, ['read', 'createOnce', 'moneyMove'].includes(spec.kind), typeof spec.why]).toEqual([call, true, 'string']);
			}
			expect(Object.keys(transport).filter((name) => /_EVIDENCE$/.test(name))).toEqual([]);
		});

		test('one base-URL constant: the credential test and the transport use the same URL per environment', () => {
			const credentialModule = require(path.join(DIST, 'credentials', `${credentialFile}.js`));
			const constants = Object.entries(credentialModule).filter(([name]) => /_BASE_URLS$/.test(name));
			expect(constants.map(([name]) => name)).toHaveLength(1);
			const [, urls] = constants[0];
			const baseUrlOf = Object.entries(credentialModule).find(([name, value]) => /BaseUrl$/.test(name) && typeof value === 'function');
			expect(baseUrlOf).toBeDefined();
			// the transport imports it (no copy of a URL there)
			expect(read(dir, 'transport.ts')).toContain(`credentials/${credentialFile}'`);
			const credential = new (classOf(credentialModule))();
			// the URL the test request goes to: its baseURL, or (a provider with one endpoint) its url
			const baseURL = credential.test.request.baseURL ?? credential.test.request.url;
			expect(typeof baseURL).toBe('string');
			const evaluate = (credentials) => {
				const expression = baseURL.startsWith('={{') ? baseURL.slice(3, -2) : JSON.stringify(baseURL);
				return new Function('$credentials', `return (${expression});`)(credentials);
			};
			for (const [environment, url] of Object.entries(urls)) {
				const credentials = { environment, baseUrl: 'http://127.0.0.1:1/custom', customUrl: 'http://127.0.0.1:1/custom' };
				expect([environment, baseUrlOf[1](credentials)]).toEqual([environment, url]);
				expect([environment, evaluate(credentials)]).toEqual([environment, url]);
			}
			// the custom URL field is named baseUrl (customUrl where the provider's URL field is another one)
			const custom = { environment: 'custom', baseUrl: 'http://127.0.0.1:1/custom', customUrl: 'http://127.0.0.1:1/custom' };
			expect(baseUrlOf[1](custom)).toBe(custom.baseUrl);
			expect(evaluate(custom)).toBe(custom.baseUrl);
		});

		test('comments cite reference sections, not files a reader does not have', () => {
			const citing = sources(dir).filter((file) => /\b[\w-]+\.txt\b/.test(read(file)));
			expect(citing.map((file) => path.relative(PACKAGE_ROOT, file))).toEqual([]);
		});

		test('its tests use the one kit and the standard file names', () => {
			const tests = path.join(PACKAGE_ROOT, 'test', P.toLowerCase());
			expect(exists(tests)).toBe(true);
			expect(exists(tests, 'helpers.js')).toBe(false);
			const wanted = ['operations.test.js', 'validation.test.js', ...(exists(dir, `${P}Trigger.node.ts`) ? ['trigger.test.js'] : [])];
			for (const file of wanted) expect([file, exists(tests, file)]).toEqual([file, true]);
			const usesKit = fs.readdirSync(tests).filter((file) => file.endsWith('.test.js')).some((file) => read(tests, file).includes("harness/provider'"));
			expect(usesKit).toBe(true);
		});
	});
}

test('shared code cites no reference file names either', () => {
	const citing = sources(path.join(NODES, 'shared')).filter((file) => /\b[\w-]+\.txt\b/.test(read(file)));
	expect(citing).toEqual([]);
});

test('every parameter of every node and credential has a plain description, and one-line notices end without a period (issue 15)', () => {
	const pkg = require(path.join(PACKAGE_ROOT, 'package.json'));
	const missing = [];
	const walk = (owner, list, prefix) => {
		for (const property of list || []) {
			if (!property || !property.name) continue;
			// n8n's style: a one-sentence notice has no final period
			if (property.type === 'notice' && /[^.]\.$/.test(property.displayName) && !/\.\s/.test(property.displayName)) missing.push(`${owner}: notice "${property.displayName}" ends with a period`);
			const exempt = ['notice', 'hidden', 'collection', 'fixedCollection'].includes(property.type) || ['resource', 'operation'].includes(property.name);
			if (!exempt && !(typeof property.description === 'string' && property.description.trim())) missing.push(`${owner}: ${prefix}${property.name}`);
			if (property.type === 'collection') walk(owner, property.options, `${prefix}${property.name}.`);
			if (property.type === 'fixedCollection') for (const group of property.options || []) walk(owner, group.values, `${prefix}${property.name}.${group.name}.`);
		}
	};
	for (const file of [...pkg.n8n.nodes, ...pkg.n8n.credentials]) {
		const instance = new (classOf(require(path.join(PACKAGE_ROOT, file))))();
		const description = instance.description || instance;
		walk(description.name, description.properties, '');
	}
	expect(missing).toEqual([]);
});
