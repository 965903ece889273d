#!/usr/bin/env node
'use strict';
// `npm run screenshots [-- <folder>]`: pictures of n8n's editor with every node of the package, to look at
// the panels the way a person sees them (labels, descriptions, notices, dropdowns, layout).
//   1. builds the package and installs it into a throw-away real n8n (scripts/n8n-runtime, like `npm run dev`),
//      starts the provider sandbox and creates one credential per provider pointing at it;
//   2. imports one workflow per provider: its trigger, and its action node once per resource (first
//      operation) and once per operation that has a resource locator or a dropdown loaded from the API;
//   3. opens the editor in headless Chromium (Debian's `chromium`, installed with apt-get when missing and
//      allowed) at 1440x900, logged in as the owner, and takes for every node its panel (scrolled page by
//      page when it is longer than the window), the first locator or API dropdown opened, every trigger
//      panel, and each credential's dialog: the sandbox credential and a new one with the defaults.
// Pictures go OUTSIDE the repository: /tmp/paysuite-screenshots by default, or the folder given; the folder
// is emptied of earlier *.png first. An index.md there lists every picture with what it shows.
// Options: --all (every operation, not only the representative ones), --no-build, --only <provider[,provider]>
// (e.g. --only kpay), --keep (leave n8n and the sandbox
// running until Ctrl-C, to look by hand), --verbose. Every server it starts is stopped at the end.

const fs = require('fs');
const os = require('os');
const path = require('path');
const crypto = require('crypto');
const { execFileSync, spawnSync } = require('child_process');

const { ensureRuntime } = require('./n8n-runtime/ensure');
const { N8nInstance, freePort, sleep, REPO_ROOT, PACKAGE_NAME } = require('./n8n-runtime/instance');

const OWNER = { email: 'screenshots@paysuite.local', password: 'PaySuite-shots-2026' };
const VIEWPORT = { width: 1440, height: 900 };
const DEFAULT_OUT = path.join(os.tmpdir(), 'paysuite-screenshots');

const log = (line) => console.log(`[screenshots] ${line}`);

function parseArgs(argv) {
	const options = { build: true, only: undefined, keep: false, verbose: false, all: false, out: DEFAULT_OUT };
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		if (arg === '--no-build') options.build = false;
		else if (arg === '--keep') options.keep = true;
		else if (arg === '--verbose') options.verbose = true;
		else if (arg === '--all') options.all = true;
		else if (arg === '--only') options.only = argv[++i].toLowerCase().split(',');
		else if (arg.startsWith('--only=')) options.only = arg.slice(7).toLowerCase().split(',');
		else if (!arg.startsWith('--')) options.out = path.resolve(arg);
		else throw new Error(`unknown option ${arg}`);
	}
	const inside = path.relative(REPO_ROOT, options.out);
	if (!inside.startsWith('..') && !path.isAbsolute(inside)) throw new Error(`${options.out} is inside the repository: pictures are kept outside it`);
	return options;
}

/** Debian's chromium: found on PATH, else installed with apt-get (as root), else an error saying how. */
function ensureChromium() {
	const find = () => {
		for (const name of ['chromium', 'chromium-browser']) {
			const found = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).stdout.trim();
			if (found) return found;
		}
		return undefined;
	};
	if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
	let found = find();
	if (found) return found;
	const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
	if (!isRoot) throw new Error('chromium is not installed: run `sudo apt-get install -y chromium` (or set CHROMIUM_PATH)');
	log('installing Debian\'s chromium with apt-get (once)…');
	execFileSync('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
	found = find();
	if (!found) throw new Error('apt-get installed chromium but it is not on PATH');
	return found;
}

/** The package's nodes from dist/, grouped by provider folder: { EzeeWallet: { action, trigger } }. */
function packageNodes() {
	const { loadNodes, fieldsFor, resourcesOf, operationsOf } = require('./node-tables');
	const providers = {};
	for (const { file, description } of loadNodes()) {
		const folder = path.basename(path.dirname(file));
		providers[folder] = providers[folder] || {};
		const trigger = (description.group || []).includes('trigger');
		providers[folder][trigger ? 'trigger' : 'action'] = { file, description };
	}
	return { providers, fieldsFor, resourcesOf, operationsOf };
}

const isPicker = ({ field }) =>
	field.type === 'resourceLocator' || ((field.type === 'options' || field.type === 'multiOptions') && Boolean(field.typeOptions && (field.typeOptions.loadOptionsMethod || field.typeOptions.loadOptions)));

/**
 * The action-node configurations worth a picture: every resource's first operation, and every operation
 * with a resource locator or API dropdown (its first top-level one is opened).
 */
function panelsOf(action, helpers, { all = false } = {}) {
	const { properties } = action.description;
	const panels = [];
	for (const resource of helpers.resourcesOf(properties)) {
		helpers.operationsOf(properties, resource.value).forEach((operation, index) => {
			const context = { resource: resource.value, operation: operation.value };
			const pickers = helpers.fieldsFor(properties, context).filter(isPicker);
			const topLevel = pickers.find((entry) => entry.keys.length === 1);
			if (all || index === 0 || pickers.length > 0) {
				panels.push({ resource: resource.value, operation: operation.value, title: `${resource.name} → ${operation.name}`, open: topLevel && topLevel.field });
			}
		});
	}
	return panels;
}

const slug = (text) => String(text).replace(/([a-z])([A-Z])/g, '$1-$2').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').toLowerCase();

/** One workflow per provider: trigger + one action node per panel, laid out in a grid. */
function buildWorkflows(providers, helpers, credentialsByType, only, { all = false } = {}) {
	const workflows = [];
	for (const [folder, { action, trigger }] of Object.entries(providers)) {
		if (only && !only.includes(folder.toLowerCase())) continue;
		const nodes = [];
		const shots = [];
		const credentialsFor = (description) => {
			const credentials = {};
			for (const { name } of description.credentials || []) {
				if (credentialsByType[name]) credentials[name] = credentialsByType[name];
			}
			return credentials;
		};
		const add = (description, name, parameters, extra = {}) => {
			const id = crypto.randomUUID();
			const index = nodes.length;
			nodes.push({
				id,
				name,
				type: `${PACKAGE_NAME}.${description.name}`,
				typeVersion: Array.isArray(description.version) ? Math.max(...description.version) : description.version,
				position: [(index % 5) * 260, Math.floor(index / 5) * 220],
				parameters,
				credentials: credentialsFor(description),
				...extra,
			});
			return id;
		};
		if (trigger) {
			const id = add(trigger.description, trigger.description.displayName, {}, { webhookId: crypto.randomUUID() });
			shots.push({ nodeId: id, nodeName: trigger.description.displayName, file: `${folder.toLowerCase()}-trigger`, title: `${trigger.description.displayName} panel` });
		}
		if (action) {
			for (const panel of panelsOf(action, helpers, { all })) {
				const name = `${action.description.displayName} ${panel.title.replace('→', '-')}`;
				const parameters = { resource: panel.resource, operation: panel.operation };
				// the locator to open starts in its From List mode, so a click opens the searchable list
				if (panel.open && panel.open.type === 'resourceLocator' && (panel.open.modes || []).some((mode) => mode.name === 'list')) {
					parameters[panel.open.name] = { __rl: true, mode: 'list', value: '' };
				}
				const id = add(action.description, name, parameters);
				shots.push({ nodeId: id, nodeName: name, file: `${folder.toLowerCase()}-${slug(panel.resource)}-${slug(panel.operation)}`, title: `${action.description.displayName}: ${panel.title}`, open: panel.open });
			}
		}
		workflows.push({ folder, workflow: { name: `Screenshots: ${folder}`, nodes, connections: {}, settings: { executionOrder: 'v1' } }, shots });
	}
	return workflows;
}

/** Closes whatever n8n pops up over the canvas on a first visit (tours, banners, callouts). */
async function dismissPopups(page) {
	for (const selector of ['[data-test-id="banner-close-button"]', 'button:has-text("Got it")', 'button:has-text("Dismiss")', 'button:has-text("Maybe later")']) {
		const buttons = page.locator(selector);
		const count = await buttons.count().catch(() => 0);
		for (let i = 0; i < count; i++) await buttons.nth(i).click({ timeout: 1000 }).catch(() => {});
	}
}

/**
 * Screenshots of the page while an area scrolls page by page: [files]. The scrolling element is the first
 * element matching one of the selectors, or its nearest ancestor that scrolls.
 */
async function scrolledShots(page, selectors, base, out) {
	const files = [];
	const metrics = await page.evaluate((list) => {
		let element;
		for (const selector of list) if (!element) element = document.querySelector(selector);
		const scrolls = (e) => e.scrollHeight > e.clientHeight + 4 && /(auto|scroll)/.test(getComputedStyle(e).overflowY);
		while (element && !scrolls(element)) element = element.parentElement;
		if (!element) return undefined;
		element.setAttribute('data-paysuite-scroller', '1');
		element.scrollTop = 0;
		return { scrollHeight: element.scrollHeight, clientHeight: element.clientHeight };
	}, [].concat(selectors));
	const first = path.join(out, `${base}.png`);
	await page.screenshot({ path: first });
	files.push(first);
	if (!metrics) return files;
	const step = Math.max(200, metrics.clientHeight - 80);
	for (let top = step, part = 2; top < metrics.scrollHeight - metrics.clientHeight + step && part <= 8; top += step, part++) {
		await page.evaluate((y) => {
			document.querySelector('[data-paysuite-scroller="1"]').scrollTop = y;
		}, top);
		await sleep(300);
		const file = path.join(out, `${base}-part${part}.png`);
		await page.screenshot({ path: file });
		files.push(file);
	}
	await page.evaluate(() => {
		const element = document.querySelector('[data-paysuite-scroller="1"]');
		if (element) {
			element.scrollTop = 0;
			element.removeAttribute('data-paysuite-scroller');
		}
	});
	return files;
}

/** Opens a locator's list or an API dropdown in the open panel; true when something opened. */
async function openPicker(page, field) {
	if (field.type === 'resourceLocator') {
		const locator = page.locator(`[data-test-id="resource-locator-${field.name}"]`).first();
		if (!(await locator.count())) return false;
		await locator.scrollIntoViewIfNeeded();
		await locator.locator('[data-test-id="rlc-input"], [data-test-id="rlc-input-container"], input').first().click({ timeout: 5000 });
		await page.locator('[data-test-id="resource-locator-dropdown"]').first().waitFor({ state: 'visible', timeout: 10_000 }).catch(() => {});
	} else {
		const input = page.locator(`[data-test-id="parameter-input-${field.name}"]`).first();
		if (!(await input.count())) return false;
		await input.scrollIntoViewIfNeeded();
		// a list that failed to load is a disabled input that says so ("Error fetching options from …")
		const shown = await input
			.evaluate((element) => [...element.querySelectorAll('input')].map((i) => `${i.value} ${i.placeholder}`).join(' ') + element.innerText)
			.catch(() => '');
		const error = /error fetching options[^\n]*/i.exec(shown);
		if (error) throw new Error(`the dropdown shows "${error[0].trim()}" (nothing to open; the panel's picture shows it)`);
		await input.locator('input').first().click({ timeout: 5000 });
	}
	await sleep(2500); // the list loads from the sandbox
	return true;
}

/** Opens the workflow's canvas and waits until its nodes are drawn. */
async function openCanvas(page, n8n, workflowId, nodeCount) {
	for (let attempt = 1; ; attempt++) {
		await page.goto(`${n8n.baseUrl}/workflow/${workflowId}`, { waitUntil: 'domcontentloaded' });
		try {
			await page.waitForFunction((count) => document.querySelectorAll('[data-test-id="canvas-node"]').length >= count, nodeCount, { timeout: 60_000 });
			await sleep(1000);
			await dismissPopups(page);
			return;
		} catch (error) {
			if (attempt >= 2) throw new Error(`the canvas of workflow ${workflowId} did not show its ${nodeCount} nodes`);
		}
	}
}

async function closePanel(page) {
	const close = page.locator('[data-test-id="ndv-close-button"]').first();
	if (await close.isVisible().catch(() => false)) await close.click().catch(() => {});
	else await page.keyboard.press('Escape');
	await page.locator('[data-test-id="ndv"]').first().waitFor({ state: 'hidden', timeout: 5000 }).catch(() => {});
}

async function shootWorkflow(page, n8n, { workflowId, shots, folder, workflow }, out, index) {
	await openCanvas(page, n8n, workflowId, workflow.nodes.length);
	const canvas = path.join(out, `${folder.toLowerCase()}-canvas.png`);
	await page.screenshot({ path: canvas });
	index.push({ file: canvas, title: `${folder}: every node on the canvas` });
	for (const shot of shots) {
		const ndv = page.locator('[data-test-id="ndv"]').first();
		try {
			const node = page.locator(`[data-test-id="canvas-node"][data-node-name="${shot.nodeName.replace(/"/g, '\\"')}"]`).first();
			await node.dblclick({ timeout: 10_000 });
			await ndv.waitFor({ state: 'visible', timeout: 15_000 });
			await page.locator('[data-test-id="node-parameters"]').first().waitFor({ state: 'visible', timeout: 15_000 });
		} catch (error) {
			log(`  ${shot.title}: the panel did not open (${error.message.split('\n')[0]})`);
			const file = path.join(out, `${shot.file}-FAILED.png`);
			await page.screenshot({ path: file });
			index.push({ file, title: `${shot.title} (panel did not open)` });
			await closePanel(page);
			continue;
		}
		await page.mouse.move(VIEWPORT.width - 60, VIEWPORT.height - 120); // off the fields: no hover toolbars in the pictures
		await sleep(1200); // dropdowns load their labels, notices render
		const files = await scrolledShots(page, '[data-test-id="node-parameters"]', shot.file, out);
		files.forEach((file, i) => index.push({ file, title: files.length > 1 ? `${shot.title} (${i + 1}/${files.length})` : shot.title }));
		log(`  ${shot.title}: ${files.length} picture(s)`);
		if (shot.open) {
			try {
				if (await openPicker(page, shot.open)) {
					const file = path.join(out, `${shot.file}-open-${slug(shot.open.name)}.png`);
					await page.screenshot({ path: file });
					index.push({ file, title: `${shot.title}: ${shot.open.displayName} opened` });
					await page.keyboard.press('Escape');
					await sleep(300);
				}
			} catch (error) {
				log(`  ${shot.title}: could not open ${shot.open.name}: ${error.message.split('\n')[0]}`);
			}
		}
		await closePanel(page);
	}
}

const CREDENTIAL_SCROLL = ['[data-test-id="editCredential-modal"] [data-test-id^="parameter-input"]', '[data-test-id="editCredential-modal"] input'];

async function closeModal(page) {
	await page.keyboard.press('Escape');
	await page.locator('[data-test-id="editCredential-modal"]').first().waitFor({ state: 'hidden', timeout: 5000 }).catch(() => {});
}

/** The credential dialogs: the sandbox credential (filled) and a new one of the same type (defaults). */
async function shootCredentials(page, n8n, credentials, out, index) {
	const modal = page.locator('[data-test-id="editCredential-modal"]').first();
	for (const credential of credentials) {
		const base = slug(credential.type);
		try {
			await page.goto(`${n8n.baseUrl}/home/credentials/${credential.id}`, { waitUntil: 'domcontentloaded' });
			await modal.waitFor({ state: 'visible', timeout: 60_000 });
			await sleep(2500); // the connection test runs when the dialog opens
			const files = await scrolledShots(page, CREDENTIAL_SCROLL, `credential-${base}-sandbox`, out);
			files.forEach((file, i) => index.push({ file, title: `${credential.name}: the sandbox credential (${i + 1}/${files.length})` }));
			log(`  ${credential.name}: ${files.length} picture(s)`);
		} catch (error) {
			log(`  ${credential.name}: the dialog did not open: ${error.message.split('\n')[0]}`);
		}
		await closeModal(page);
		// a new credential of this type, as someone creating one sees it first
		try {
			await page.goto(`${n8n.baseUrl}/home/credentials/create`, { waitUntil: 'domcontentloaded' });
			const select = page.locator('[data-test-id="new-credential-type-select"]').first();
			await select.waitFor({ state: 'visible', timeout: 60_000 });
			await select.locator('input').first().fill(credential.displayName);
			await sleep(800);
			await page.locator('[data-test-id="new-credential-type-select-option"]').filter({ hasText: credential.displayName }).first().click({ timeout: 5000 });
			await page.locator('[data-test-id="new-credential-type-button"]').click({ timeout: 5000 });
			await modal.waitFor({ state: 'visible', timeout: 20_000 });
			await sleep(1500);
			await page.mouse.move(VIEWPORT.width - 60, VIEWPORT.height - 60);
			const files = await scrolledShots(page, CREDENTIAL_SCROLL, `credential-${base}-new`, out);
			files.forEach((file, i) => index.push({ file, title: `${credential.displayName}: a new credential, defaults (${i + 1}/${files.length})` }));
			log(`  ${credential.displayName} (new): ${files.length} picture(s)`);
			// its first choice list (environment, authentication) opened: what a user can pick
			for (const name of ['environment', 'authentication']) {
				const input = page.locator(`[data-test-id="editCredential-modal"] [data-test-id="parameter-input-${name}"]`).first();
				if (!(await input.count())) continue;
				await input.scrollIntoViewIfNeeded();
				// the list opens on the click even when playwright then times out waiting for the input to settle
				await input.locator('input').first().click({ timeout: 5000 }).catch(() => {});
				await sleep(600);
				const file = path.join(out, `credential-${base}-new-open-${name}.png`);
				await page.screenshot({ path: file });
				index.push({ file, title: `${credential.displayName}: a new credential, ${name} choices` });
				await page.keyboard.press('Escape');
				await sleep(300);
				break;
			}
		} catch (error) {
			log(`  ${credential.displayName}: the new-credential dialog did not open: ${error.message.split('\n')[0]}`);
			const file = path.join(out, `credential-${base}-new-FAILED.png`);
			await page.screenshot({ path: file }).catch(() => {});
			index.push({ file, title: `${credential.displayName}: new-credential dialog (did not open)` });
		}
		await closeModal(page);
	}
}

/**
 * What the pictures cannot show (descriptions are tooltips): per node and credential, the fields without a
 * description, and notices written as one line ending with a period. Written next to the pictures.
 */
function wordsReport(nodes, credentialTypes) {
	const { fieldsFor } = require('./node-tables');
	const lines = ['# Fields without a description (descriptions show on hover in the editor, so not in the pictures)', ''];
	const report = (title, properties) => {
		const missing = new Set();
		const notices = new Set();
		for (const { field, trail } of fieldsFor(properties, undefined)) {
			if (['resource', 'operation'].includes(field.name)) continue;
			if (field.type === 'notice') {
				const text = field.displayName.trim();
				if (!/\n/.test(text) && !/[.!?]\s/.test(text) && /\.$/.test(text)) notices.add(`notice "${text}" is one sentence ending with a period`);
				continue;
			}
			if (field.type === 'collection' || field.type === 'fixedCollection') continue; // containers: n8n's own show none
			if (!field.description && !field.hint) missing.add(`${trail.join(' → ')} (\`${field.name}\`)`);
		}
		lines.push(`## ${title}`, '');
		if (missing.size === 0 && notices.size === 0) lines.push('Every field has a description.');
		for (const entry of missing) lines.push(`- ${entry}`);
		for (const entry of notices) lines.push(`- ${entry}`);
		lines.push('');
	};
	for (const { description } of nodes) report(description.displayName, description.properties);
	for (const type of credentialTypes) report(`${type.displayName} (credential)`, type.properties || []);
	return `${lines.join('\n')}\n`;
}

async function main() {
	const options = parseArgs(process.argv.slice(2));
	const started = Date.now();
	const chromium = ensureChromium();
	if (options.build) {
		log('building the package (npm run build)…');
		execFileSync('npm', ['run', 'build', '--silent'], { cwd: REPO_ROOT, stdio: 'inherit' });
	}
	const { sandboxCredentials, packageCredentialTypes } = require('./n8n-runtime/fixtures');
	const { Sandbox } = require('../sandbox/server');
	const { chromium: playwright } = require('playwright-core');

	fs.mkdirSync(options.out, { recursive: true });
	for (const file of fs.readdirSync(options.out)) if (/\.(png|md)$/.test(file)) fs.rmSync(path.join(options.out, file));

	const runtime = await ensureRuntime({ log });
	const userFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'paysuite-screenshots-n8n-'));
	const stack = []; // what to stop, last started first
	let browser;
	let stopping = false;
	const stop = async () => {
		if (stopping) return;
		stopping = true;
		if (browser) await browser.close().catch(() => {});
		for (const stopOne of stack.reverse()) await stopOne().catch(() => {});
		fs.rmSync(userFolder, { recursive: true, force: true });
	};
	process.on('SIGINT', () => stop().then(() => process.exit(130)));
	process.on('SIGTERM', () => stop().then(() => process.exit(143)));

	try {
		const sandbox = await new Sandbox({ port: await freePort() }).start();
		stack.push(() => sandbox.stop());
		log(`provider sandbox on ${sandbox.baseUrl}`);
		const n8n = new N8nInstance({ runtime, userFolder, port: await freePort(), brokerPort: await freePort(), log, output: options.verbose ? (line) => console.log(line) : undefined });
		stack.push(() => n8n.stop());
		n8n.installPackage();
		const credentials = sandboxCredentials(sandbox);
		await n8n.importCredentials(credentials.map(({ provider, ...credential }) => credential));
		log(`starting n8n ${runtime.n8nVersion}…`);
		await n8n.start();
		await n8n.ensureOwner(OWNER);

		const types = packageCredentialTypes();
		const credentialsByType = Object.fromEntries(credentials.map((c) => [c.type, { id: c.id, name: c.name }]));
		const { providers, ...helpers } = packageNodes();
		const plans = buildWorkflows(providers, helpers, credentialsByType, options.only, { all: options.all });
		for (const plan of plans) {
			const created = await n8n.rest('POST', '/workflows', plan.workflow);
			plan.workflowId = created.id;
			log(`workflow ${plan.workflow.name}: ${plan.workflow.nodes.length} nodes (${n8n.baseUrl}/workflow/${created.id})`);
		}

		browser = await playwright.launch({ executablePath: chromium, headless: true, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
		const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
		await context.addCookies(
			n8n.cookie.split('; ').map((pair) => {
				const [name, ...value] = pair.split('=');
				return { name, value: value.join('='), url: n8n.baseUrl };
			}),
		);
		const page = await context.newPage();
		page.setDefaultTimeout(15_000);
		page.setDefaultNavigationTimeout(120_000); // the first load of the editor's assets is slow on a busy machine
		const index = [];
		for (const plan of plans) {
			log(`${plan.folder}:`);
			await shootWorkflow(page, n8n, plan, options.out, index);
		}
		log('credentials:');
		const shown = credentials
			.filter((c) => !options.only || options.only.some((name) => c.type.toLowerCase().startsWith(name)))
			.map((c) => ({ ...c, displayName: types[c.type].displayName }));
		await shootCredentials(page, n8n, shown, options.out, index);

		const lines = [`# ${PACKAGE_NAME} in n8n ${runtime.n8nVersion}: editor screenshots`, '', `Taken ${new Date().toISOString()} at ${VIEWPORT.width}x${VIEWPORT.height}.`, ''];
		for (const entry of index) lines.push(`- [${path.basename(entry.file)}](${path.basename(entry.file)}): ${entry.title}`);
		fs.writeFileSync(path.join(options.out, 'index.md'), `${lines.join('\n')}\n`);
		const credentialInstances = [];
		for (const { file } of Object.values(types)) {
			for (const CredentialClass of require('./n8n-runtime/fixtures').exportedClasses(require(path.join(REPO_ROOT, file)))) credentialInstances.push(new CredentialClass());
		}
		fs.writeFileSync(path.join(options.out, 'descriptions.md'), wordsReport(require('./node-tables').loadNodes(), credentialInstances));
		log(`${index.length} pictures in ${options.out} (index.md lists them), ${Math.round((Date.now() - started) / 1000)} s`);
		if (options.keep) {
			await browser.close();
			browser = undefined;
			log(`--keep: n8n ${n8n.baseUrl} (login ${OWNER.email} / ${OWNER.password}) and the sandbox run until Ctrl-C`);
			await new Promise(() => {});
		}
	} catch (error) {
		console.error(`[screenshots] ${error.stack || error.message}`);
		process.exitCode = 1;
	} finally {
		if (!options.keep || process.exitCode) await stop();
	}
}

if (require.main === module) {
	main().catch((error) => {
		console.error(error);
		process.exit(1);
	});
}

module.exports = { wordsReport, panelsOf, buildWorkflows, parseArgs };
