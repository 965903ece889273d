'use strict';
// The docs' commands and example URLs against the code: README.md and docs/*.md may only name npm scripts
// that exist, sandbox control routes the sandbox serves, webhook URLs the example triggers really have, dev
// options scripts/dev.js handles, files that exist; the `try:` lines shown in docs/real-n8n.md must be the
// ones `npm run dev` prints (scripts/n8n-runtime/demos.js) for the default ports; CI installs with npm ci.
// Needs dist/ (the trigger descriptions), like every unit test.

const fs = require('fs');
const path = require('path');

const { listExamples, packageTriggerTypes } = require('../../scripts/n8n-runtime/fixtures');
const { demoPlan } = require('../../scripts/n8n-runtime/demos');
const { DEMOS } = require('../../sandbox/demos');
const PROVIDERS = require('../../sandbox/providers');

const ROOT = path.resolve(__dirname, '..', '..');
const read = (file) => fs.readFileSync(path.join(ROOT, file), 'utf8');
const DOCS = ['README.md', ...fs.readdirSync(path.join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];
const docs = Object.fromEntries(DOCS.map((file) => [file, read(file)]));
const manifest = JSON.parse(read('package.json'));

/** [file, match] for every match of a pattern in the docs. */
const mentions = (pattern) => Object.entries(docs).flatMap(([file, text]) => [...text.matchAll(pattern)].map((match) => [file, match]));

test('every `npm run <script>` in the docs is a script in package.json', () => {
	const missing = mentions(/npm run ([a-z][a-z0-9:-]*)/g)
		.filter(([, match]) => !manifest.scripts[match[1]])
		.map(([file, match]) => `${file}: npm run ${match[1]}`);
	expect(missing).toEqual([]);
});

test('the repository files the dev docs name exist', () => {
	const text = docs['docs/real-n8n.md'] + docs['README.md'];
	const named = new Set([...text.matchAll(/`((?:scripts|sandbox|test|examples|docs|\.ci|\.github)\/[A-Za-z0-9_./-]+)`/g)].map((m) => m[1].replace(/\/$/, '')));
	const missing = [...named].filter((file) => !/[*<]/.test(file) && !fs.existsSync(path.join(ROOT, file)));
	expect(missing).toEqual([]);
	for (const command of text.matchAll(/node (scripts\/[A-Za-z0-9_./-]+\.js)/g)) expect(fs.existsSync(path.join(ROOT, command[1]))).toBe(true);
});

/** Every control route the sandbox serves, as path segments (':x' = any). */
function controlRoutes() {
	const routes = [['reset'], ['faults'], ['requests'], ['webhooks'], ['demos'], ['demo', ':id']];
	for (const module of PROVIDERS) {
		for (const [, pattern] of module.control || []) routes.push([module.name, ...pattern.split('/').filter(Boolean)]);
	}
	return routes;
}

test('every /_control/… route in the docs is served by the sandbox (placeholders match any segment)', () => {
	const routes = controlRoutes();
	const providerNames = PROVIDERS.map((module) => module.name);
	const isParam = (segment) => /^[:<]/.test(segment) || segment === '<provider>';
	const unknown = mentions(/\/_control\/([A-Za-z0-9_<>:/.-]*)/g)
		.map(([file, match]) => [file, match[1].replace(/\.{2,}$/, '').replace(/[./]+$/, '')])
		.filter(([, route]) => {
			const segments = route.split('/').filter(Boolean);
			if (segments.length === 1 && providerNames.includes(segments[0])) return false; // a provider's control prefix, in prose
			return !routes.some(
				(known) => known.length >= segments.length && segments.every((segment, i) => isParam(segment) || known[i].startsWith(':') || known[i] === segment) && (known.length === segments.length || segments.length === 0),
			);
		})
		.map(([file, route]) => `${file}: /_control/${route}`);
	expect(unknown).toEqual([]);
	// the demo ids the docs name are demos
	const demoIds = mentions(/\/_control\/demo\/([a-z0-9-]+)/g).map(([, match]) => match[1]);
	for (const id of demoIds) expect(Object.keys(DEMOS)).toContain(id);
	for (const [, match] of mentions(/`((?:ezeewallet|kasha|kazawallet|kazepay|kpay)-[a-z0-9-]+)`/g)) {
		if (!match[1].endsWith('.json')) expect(Object.keys(DEMOS)).toContain(match[1]);
	}
});

const examples = listExamples();
const triggerTypes = packageTriggerTypes();

test('every production webhook URL in the docs is an example trigger\'s webhook (id and path)', () => {
	const hooks = new Set();
	for (const example of examples) {
		for (const trigger of example.triggers) for (const hook of triggerTypes[trigger.type].webhooks) hooks.add(`${trigger.webhookId}/${hook.path}`);
	}
	const bad = mentions(/\/webhook\/([0-9a-f]{8}-[0-9a-f-]{27})\/([A-Za-z0-9_-]+)/g)
		.filter(([, match]) => !hooks.has(`${match[1]}/${match[2]}`))
		.map(([file, match]) => `${file}: ${match[0]}`);
	expect(bad).toEqual([]);
	// the KPAY card example's URL in the dev docs is its …/callback (not …/crypto)
	const card = examples.find((example) => example.id === 'exKpayCardPaid01');
	if (card) expect(docs['docs/real-n8n.md']).toContain(`/webhook/${card.triggers[0].webhookId}/callback`);
});

test('the try: lines shown in docs/real-n8n.md are exactly what npm run dev prints for the default ports', () => {
	const plan = demoPlan({
		examples,
		sandboxUrl: 'http://127.0.0.1:4010',
		webhookUrl: (id, hookPath, { isFullPath } = {}) => (isFullPath ? `http://127.0.0.1:5678/webhook/${hookPath}` : `http://127.0.0.1:5678/webhook/${id}/${hookPath}`),
		triggerTypes,
	});
	const printed = new Set(plan.map((entry) => entry.curl));
	const shown = [...docs['docs/real-n8n.md'].matchAll(/try: (curl .*)$/gm)].map((match) => match[1]);
	expect(shown.length).toBeGreaterThan(0);
	expect(shown.filter((line) => !printed.has(line))).toEqual([]);
	// and dev.js prints them from that plan, with the title of each demo
	const dev = read('scripts/dev.js');
	expect(dev).toContain("require('./n8n-runtime/demos')");
	expect(dev).toContain('try: ${entry.curl}');
});

test('the dev options the docs mention are handled by scripts/dev.js', () => {
	const dev = read('scripts/dev.js');
	const options = new Set(mentions(/npm run dev -- (--[a-z-]+)/g).map(([, match]) => match[1]));
	for (const option of ['--fresh', '--no-build', '--verbose']) if (docs['docs/real-n8n.md'].includes(`\`${option}\``)) options.add(option);
	expect(options.size).toBeGreaterThan(0);
	for (const option of options) expect(dev).toContain(`'${option}'`);
});

test('CI, the release workflow and the quick start install with npm ci (the lockfile works with it)', () => {
	expect(read('.ci/run')).toMatch(/^npm ci\b/m);
	expect(read('.github/workflows/release.yml')).toMatch(/run: npm ci\b/);
	expect(read('.ci/run')).not.toMatch(/^npm install\b/m);
	expect(docs['README.md']).toMatch(/npm ci && npm run dev/);
	// each suite once in the release workflow: npm test runs the end-to-end tests itself
	const release = read('.github/workflows/release.yml');
	expect(release).toMatch(/run: npm test/);
	expect(release).not.toMatch(/run: npm run test:e2e/);
});
