#!/usr/bin/env node
'use strict';
// The README's "picked, not typed" tables, generated from the built node descriptions (dist/, so run
// `npm run build` first): for every action node one row per resource and operation with the fields that are
// resource locators (and their modes) and the dropdowns loaded from the provider's API (loadOptionsMethod,
// what they reload on); for every trigger its event filters. Written between the markers below in README.md.
//   node scripts/node-tables.js          rewrite README.md
//   node scripts/node-tables.js --check  exit 1 when README.md differs from what the nodes say
//   node scripts/node-tables.js --print  print the tables only
// test/dev/node-tables.test.js runs the check, so README cannot drift from the nodes.

const fs = require('fs');
const path = require('path');

const { exportedClasses } = require('./n8n-runtime/fixtures');

const REPO_ROOT = path.resolve(__dirname, '..');
const START = '<!-- node-tables:start -->';
const END = '<!-- node-tables:end -->';

/** Every node of the package (package.json `n8n.nodes`, built into dist/): [{ file, description, methods }]. */
function loadNodes(repoRoot = REPO_ROOT) {
	const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
	const nodes = [];
	for (const file of manifest.n8n.nodes || []) {
		const absolute = path.join(repoRoot, file);
		if (!fs.existsSync(absolute)) throw new Error(`${file} is missing: run \`npm run build\` first`);
		for (const NodeClass of exportedClasses(require(absolute))) {
			let node = new NodeClass();
			// a versioned node (VersionedNodeType): its default version is what the editor adds
			if (node.nodeVersions && node.description && node.description.defaultVersion !== undefined) {
				node = node.nodeVersions[node.description.defaultVersion];
			}
			if (!node || !node.description || !Array.isArray(node.description.properties)) continue;
			nodes.push({ file, description: node.description, methods: node.methods || {} });
		}
	}
	return nodes;
}

const isTrigger = (description) => (description.group || []).includes('trigger') || Boolean(description.webhooks && description.webhooks.length);

/** Whether one displayOptions value list admits a value (plain values, or n8n's `{ _cnd: { … } }` conditions). */
function admits(allowed, value) {
	return allowed.some((entry) => {
		if (entry && typeof entry === 'object' && entry._cnd) {
			const [[operator, operand]] = Object.entries(entry._cnd);
			switch (operator) {
				case 'eq':
					return value === operand;
				case 'not':
					return value !== operand;
				case 'startsWith':
					return typeof value === 'string' && value.startsWith(operand);
				case 'endsWith':
					return typeof value === 'string' && value.endsWith(operand);
				case 'includes':
					return typeof value === 'string' && value.includes(operand);
				case 'regex':
					return typeof value === 'string' && new RegExp(operand).test(value);
				case 'exists':
					return value !== undefined;
				default:
					return true; // a condition this script does not know: assume the field can show
			}
		}
		return entry === value;
	});
}

/**
 * Whether a property can show for a context ({ resource, operation }). Only the context's keys are
 * judged; conditions on other parameters (e.g. Return All) are left open, since the field does appear
 * for that operation once they hold. Keys of nested fields may point at the root with a leading '/'.
 */
function shownFor(property, context, { nested = false } = {}) {
	const options = property.displayOptions;
	if (!options) return true;
	const keyOf = (key) => (key.startsWith('/') ? key.slice(1) : nested ? undefined : key);
	for (const [key, allowed] of Object.entries(options.show || {})) {
		const name = keyOf(key);
		if (name && name in context && !admits(allowed, context[name])) return false;
	}
	for (const [key, denied] of Object.entries(options.hide || {})) {
		const name = keyOf(key);
		if (name && name in context && admits(denied, context[name])) return false;
	}
	return true;
}

/** The resources ({ value, name }) of a node; one unnamed resource when it has no Resource field. */
function resourcesOf(properties) {
	const field = properties.find((p) => p.name === 'resource' && p.type === 'options');
	if (!field) return [{ value: undefined, name: '—' }];
	return field.options.map((option) => ({ value: option.value, name: option.name }));
}

/** The operations of a resource, in the order the editor lists them (the same value once, across @tool variants). */
function operationsOf(properties, resource) {
	const seen = new Map();
	for (const field of properties.filter((p) => p.name === 'operation' && p.type === 'options')) {
		if (resource !== undefined && !shownFor(field, { resource })) continue;
		for (const option of field.options || []) {
			if (!seen.has(option.value)) seen.set(option.value, { value: option.value, name: option.name, action: option.action || option.description || '' });
		}
	}
	return [...seen.values()];
}

/** Every field a context shows, nested ones included: [{ field, trail: [display names], keys: [names] }]. */
function fieldsFor(properties, context) {
	const out = [];
	const walk = (list, trail, keys, nested) => {
		for (const field of list || []) {
			if (field.name === 'resource' || field.name === 'operation') continue;
			if (context && !shownFor(field, context, { nested })) continue;
			const here = { field, trail: [...trail, field.displayName], keys: [...keys, field.name] };
			out.push(here);
			if (field.type === 'collection') walk(field.options, here.trail, here.keys, true);
			if (field.type === 'fixedCollection') {
				for (const group of field.options || []) walk(group.values, [...here.trail, group.displayName], [...here.keys, group.name], true);
			}
		}
	};
	walk(properties, [], [], false);
	return out;
}

const code = (text) => `\`${text}\``;
/** A Markdown table cell: no pipes, no line breaks. */
const cell = (text) => String(text).replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
const label = ({ trail, keys }) => `${trail.join(' → ')} (${code(keys.join('.'))})`;

/** "Card (`cardId`): list (`searchCards`), id, url" for a resource locator field. */
function describeLocator(entry) {
	const modes = (entry.field.modes || []).map((mode) => {
		const method = mode.typeOptions && mode.typeOptions.searchListMethod;
		return method ? `${mode.name} (${code(method)})` : mode.name;
	});
	return `${label(entry)}: ${modes.join(', ') || 'no modes'}`;
}

/** "Shop (`shopId`) from `getShops`, reloads on `x`" for a dropdown filled from the API. */
function describeDropdown(entry) {
	const options = entry.field.typeOptions || {};
	const source = options.loadOptionsMethod ? `from ${code(options.loadOptionsMethod)}` : 'from a declarative request';
	const dependsOn = options.loadOptionsDependsOn || [];
	const multi = entry.field.type === 'multiOptions' ? ', several' : '';
	return `${label(entry)} ${source}${multi}${dependsOn.length ? `, reloads on ${dependsOn.map(code).join(', ')}` : ''}`;
}

const isLocator = ({ field }) => field.type === 'resourceLocator';
const isApiDropdown = ({ field }) =>
	(field.type === 'options' || field.type === 'multiOptions') && Boolean(field.typeOptions && (field.typeOptions.loadOptionsMethod || field.typeOptions.loadOptions));

/** The table of an action node: one row per resource and operation. */
function actionTable(description) {
	const { properties } = description;
	const rows = [];
	for (const resource of resourcesOf(properties)) {
		const operations = operationsOf(properties, resource.value);
		if (operations.length === 0) operations.push({ value: undefined, name: '—', action: '' });
		for (const operation of operations) {
			const context = {};
			if (resource.value !== undefined) context.resource = resource.value;
			if (operation.value !== undefined) context.operation = operation.value;
			const fields = fieldsFor(properties, context);
			rows.push({
				resource: resource.name,
				operation: operation.name,
				action: operation.action,
				locators: fields.filter(isLocator).map(describeLocator),
				dropdowns: fields.filter(isApiDropdown).map(describeDropdown),
			});
		}
	}
	const withLocator = rows.filter((row) => row.locators.length).length;
	const withDropdown = rows.filter((row) => row.dropdowns.length).length;
	const lines = [
		`${rows.length} operations; ${withLocator} with a resource locator, ${withDropdown} with a dropdown loaded from the API.`,
		'',
		'| Resource | Operation | Action | Resource locators (modes) | Dropdowns loaded from the API |',
		'|---|---|---|---|---|',
		...rows.map((row) =>
			[row.resource, row.operation, row.action, row.locators.join('<br>') || '—', row.dropdowns.join('<br>') || '—'].map(cell).join(' | ').replace(/^/, '| ').replace(/$/, ' |'),
		),
	];
	return lines.join('\n');
}

/** The event filters of a trigger (its multi-select fields), and any locator or API dropdown it has. */
function triggerTable(description) {
	const fields = fieldsFor(description.properties, undefined);
	const filters = fields.filter(({ field }) => field.type === 'multiOptions' && !isApiDropdown({ field }));
	const lines = [];
	if (filters.length === 0) lines.push('No event filter: every event starts the workflow.');
	else {
		lines.push('| Event filter | Values | Default |', '|---|---|---|');
		for (const entry of filters) {
			const values = (entry.field.options || []).map((option) => `${option.name} (${code(option.value)})`).join(', ');
			const chosen = Array.isArray(entry.field.default) ? entry.field.default : [];
			const names = chosen.map((value) => {
				const option = (entry.field.options || []).find((o) => o.value === value);
				return option ? option.name : code(value);
			});
			lines.push(`| ${cell(label(entry))} | ${cell(values)} | ${cell(names.length ? names.join(', ') : 'none selected')} |`);
		}
	}
	const pickers = [...fields.filter(isLocator).map(describeLocator), ...fields.filter(isApiDropdown).map(describeDropdown)];
	if (pickers.length) lines.push('', `Picked from the API: ${pickers.join('; ')}.`);
	return lines.join('\n');
}

/** The generated block (without the markers). */
function generate(repoRoot = REPO_ROOT) {
	const nodes = loadNodes(repoRoot);
	const sections = [
		'<!-- Generated by `node scripts/node-tables.js` from the built nodes (dist/); do not edit by hand. -->',
	];
	for (const { description } of nodes) {
		sections.push('', `#### ${description.displayName}`, '');
		sections.push(isTrigger(description) ? triggerTable(description) : actionTable(description));
	}
	return sections.join('\n');
}

/** README text with the block between the markers replaced. */
function render(readme, block) {
	const start = readme.indexOf(START);
	const end = readme.indexOf(END);
	if (start < 0 || end < start) throw new Error(`README.md needs the markers ${START} and ${END} (in this order)`);
	return `${readme.slice(0, start + START.length)}\n${block}\n${readme.slice(end)}`;
}

function main() {
	const args = process.argv.slice(2);
	const readmePath = path.join(REPO_ROOT, 'README.md');
	const block = generate();
	if (args.includes('--print')) {
		process.stdout.write(`${block}\n`);
		return 0;
	}
	const readme = fs.readFileSync(readmePath, 'utf8');
	const updated = render(readme, block);
	if (args.includes('--check')) {
		if (updated === readme) {
			console.log('README.md node tables are up to date.');
			return 0;
		}
		console.error('README.md node tables are stale: run `npm run build && node scripts/node-tables.js` and commit README.md.');
		return 1;
	}
	if (updated !== readme) fs.writeFileSync(readmePath, updated);
	console.log(updated === readme ? 'README.md node tables were already up to date.' : 'README.md node tables rewritten.');
	return 0;
}

if (require.main === module) {
	try {
		process.exitCode = main();
	} catch (error) {
		console.error(`node-tables: ${error.message}`);
		process.exitCode = 2;
	}
}

module.exports = { generate, render, loadNodes, shownFor, fieldsFor, operationsOf, resourcesOf, actionTable, triggerTable, START, END };
