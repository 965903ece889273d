'use strict';
// Runs workflows through n8n's own execution engine (n8n-core's WorkflowExecute), with this package
// loaded from dist/ by n8n's PackageDirectoryLoader, the way an installed community package is loaded.
// Credentials are applied as n8n applies them (generic `authenticate` resolved as expressions,
// `preAuthentication` with the expirable field, renewal after a 401), so authentication is exercised.
// Trigger nodes get a real HTTP server on 127.0.0.1: requests go through the node's `webhook()`
// method and, when it emits, through a real workflow execution.

const fs = require('fs');
const os = require('os');
const path = require('path');
const http = require('http');
const crypto = require('crypto');

if (!process.env.N8N_USER_FOLDER) {
	// inside the audit folder when there is one, so the report scans exactly this run's n8n logs
	const parent = process.env.PAYSUITE_AUDIT_DIR || os.tmpdir();
	fs.mkdirSync(parent, { recursive: true });
	process.env.N8N_USER_FOLDER = fs.mkdtempSync(path.join(parent, 'paysuite-n8n-'));
}
// n8n's own logger writes to a file (read by the secrets scan) instead of the test output.
const N8N_LOG_FILE = path.join(process.env.N8N_USER_FOLDER, 'n8n.log');
process.env.N8N_LOG_OUTPUT = process.env.N8N_LOG_OUTPUT || 'file';
process.env.N8N_LOG_FILE_LOCATION = process.env.N8N_LOG_FILE_LOCATION || N8N_LOG_FILE;
// n8n's default level. (At debug level n8n itself logs the parameters of a failing node, so values typed
// into a node, rather than passed by expression, would appear there: the README says so.)
process.env.N8N_LOG_LEVEL = process.env.N8N_LOG_LEVEL || 'info';

const audit = require('./audit');
const { processedData } = require('./processed-data');
const workflowLib = require('n8n-workflow');
const core = require('n8n-core');

const { Workflow, ICredentialsHelper, NodeHelpers } = workflowLib;
const PACKAGE_ROOT = path.resolve(__dirname, '../..');
const PREFIX = 'n8n-nodes-paysuite.';

/** Everything logged through n8n's logger during the tests (scanned for secrets). */
const logLines = [];
const capture = (level) => (message, meta) => logLines.push(`${level} ${message} ${meta ? JSON.stringify(meta) : ''}`);
workflowLib.LoggerProxy.init({
	error: capture('error'),
	warn: capture('warn'),
	info: capture('info'),
	debug: capture('debug'),
	verbose: capture('verbose'),
	scoped() {
		return this;
	},
});

// Helper node types for test workflows only.
const harnessNodes = {
	'harness.start': {
		description: {
			displayName: 'Start', name: 'harness.start', group: ['trigger'], version: 1, description: '', defaults: { name: 'Start' },
			inputs: [], outputs: ['main'], properties: [],
		},
		async execute() {
			return [this.getInputData()];
		},
	},
	// The bare n8n request path, for the benchmarks: one httpRequestWithAuthentication per item, no
	// validation, no router, no error mapping. It shows what the request path itself costs in n8n.
	'harness.rawRequest': {
		description: {
			displayName: 'Raw Request', name: 'harness.rawRequest', group: ['transform'], version: 1, description: '', defaults: { name: 'Raw Request' },
			inputs: ['main'], outputs: ['main'], credentials: [{ name: 'ezeeWalletApi', required: true }],
			properties: [
				{ displayName: 'URL', name: 'url', type: 'string', default: '' },
				{ displayName: 'Body', name: 'body', type: 'json', default: '{}' },
			],
		},
		async execute() {
			const items = this.getInputData();
			const out = [];
			for (let i = 0; i < items.length; i++) {
				const body = JSON.parse(this.getNodeParameter('body', i));
				const json = await this.helpers.httpRequestWithAuthentication.call(this, 'ezeeWalletApi', { method: 'POST', url: this.getNodeParameter('url', i), body, json: true });
				out.push({ json, pairedItem: { item: i } });
			}
			return [out];
		},
	},
	// A bare webhook trigger on the package's shared de-duplication (dist/nodes/shared/webhook.js): emits the
	// body when its `id` is new. For testing rememberEvent under n8n's per-request static data.
	'harness.dedupeTrigger': {
		description: {
			displayName: 'Dedupe Trigger', name: 'harness.dedupeTrigger', group: ['trigger'], version: 1, description: '', defaults: { name: 'Dedupe Trigger' },
			inputs: [], outputs: ['main'], properties: [],
			webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'event' }],
		},
		async webhook() {
			const { rememberEvent } = require(path.join(PACKAGE_ROOT, 'dist/nodes/shared/webhook.js'));
			const body = this.getBodyData();
			if (!rememberEvent(this, String(body.id))) return { webhookResponse: { repeat: true } };
			return { workflowData: [this.helpers.returnJsonArray([body])] };
		},
	},
	// The same trigger on a plain static-data store (what the package did before): shows that the harness
	// reproduces n8n's lost updates when concurrent requests each save their own copy.
	'harness.naiveDedupeTrigger': {
		description: {
			displayName: 'Naive Dedupe Trigger', name: 'harness.naiveDedupeTrigger', group: ['trigger'], version: 1, description: '', defaults: { name: 'Naive Dedupe Trigger' },
			inputs: [], outputs: ['main'], properties: [],
			webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'event' }],
		},
		async webhook() {
			const body = this.getBodyData();
			const store = this.getWorkflowStaticData('node');
			store.seen = store.seen || {};
			if (store.seen[body.id]) return { webhookResponse: { repeat: true } };
			store.seen[body.id] = Date.now();
			return { workflowData: [this.helpers.returnJsonArray([body])] };
		},
	},
	'harness.passThrough': {
		description: {
			displayName: 'Pass Through', name: 'harness.passThrough', group: ['transform'], version: 1, description: '', defaults: { name: 'Pass Through' },
			inputs: ['main'], outputs: ['main'], properties: [],
		},
		async execute() {
			return [this.getInputData()];
		},
	},
};

let loaded;
/** Loads the built package (dist/) once, as n8n loads a community package. */
async function loadPackage() {
	if (loaded) return loaded;
	if (!fs.existsSync(path.join(PACKAGE_ROOT, 'dist'))) throw new Error('dist/ is missing: run `npm run build` first');
	const loader = new core.PackageDirectoryLoader(PACKAGE_ROOT);
	await loader.loadAll();
	const nodeTypesByName = {};
	for (const [name, data] of Object.entries(loader.nodeTypes)) {
		nodeTypesByName[`${loader.packageName}.${name}`] = data.type;
		// n8n offers every `usableAsTool` node to AI agents as "<name>Tool" (createAiTools); the node's own
		// code runs, and `this.getNode().type` ends with "Tool"
		if (data.type.description.usableAsTool) nodeTypesByName[`${loader.packageName}.${name}Tool`] = data.type;
	}
	for (const [name, type] of Object.entries(harnessNodes)) nodeTypesByName[name] = type;
	const credentialTypes = {};
	for (const [name, data] of Object.entries(loader.credentialTypes)) credentialTypes[name] = data.type;
	const nodeTypes = {
		getByName: (name) => nodeTypesByName[name],
		getByNameAndVersion: (name, version) => NodeHelpers.getVersionedNodeType(nodeTypesByName[name], version),
		getKnownTypes: () => ({}),
	};
	loaded = { loader, nodeTypes, nodeTypesByName, credentialTypes };
	processedData(); // n8n's processed-items store (the payment ledger lives there)
	return loaded;
}

/** The credentials helper n8n would use, minus the database: values live in memory per test. */
class TestCredentialsHelper extends ICredentialsHelper {
	constructor(credentialTypes, store) {
		super();
		this.credentialTypes = credentialTypes;
		this.store = store; // { [type]: data }
		this.updates = [];
	}

	type(name) {
		const type = this.credentialTypes[name];
		if (!type) throw new Error(`Unknown credential type ${name}`);
		return type;
	}

	getParentTypes() {
		return [];
	}

	isCredentialUsableByNode() {
		return true;
	}

	getCredentialsProperties(name) {
		return this.type(name).properties;
	}

	async authenticate(credentials, typeName, requestOptions, workflow, node) {
		const type = this.type(typeName);
		if (typeof type.authenticate === 'function') return await type.authenticate(credentials, requestOptions);
		if (type.authenticate && type.authenticate.type === 'generic') {
			const resolve = (value) =>
				typeof value === 'string' && value.startsWith('=')
					? String(workflow.expression.getSimpleParameterValue(node, value, 'internal', { $credentials: credentials }, undefined, '') ?? '')
					: value;
			requestOptions.headers = requestOptions.headers ?? {};
			for (const [outerKey, outerValue] of Object.entries(type.authenticate.properties)) {
				for (const [key, value] of Object.entries(outerValue)) {
					requestOptions[outerKey] = requestOptions[outerKey] ?? {};
					requestOptions[outerKey][resolve(key)] = resolve(value);
				}
			}
		}
		return requestOptions;
	}

	async preAuthentication(helpers, credentials, typeName, node, credentialsExpired) {
		const type = this.type(typeName);
		const expirable = type.properties.find((p) => p.type === 'hidden' && p.typeOptions && p.typeOptions.expirable === true);
		if (!expirable || typeof type.preAuthentication !== 'function') return undefined;
		if (credentials[expirable.name] !== '' && credentials[expirable.name] !== undefined && !credentialsExpired) return undefined;
		const output = await type.preAuthentication.call(helpers, credentials);
		if (output[expirable.name] === undefined) return undefined;
		await this.updateCredentials({ id: '1', name: typeName }, typeName, { ...this.store[typeName], ...output });
		return Object.assign(credentials, output);
	}

	async runPreAuthentication(helpers, credentials, typeName) {
		const type = this.type(typeName);
		if (typeof type.preAuthentication !== 'function') return undefined;
		return await type.preAuthentication.call(helpers, credentials);
	}

	async getCredentials(nodeCredentials, type) {
		return new core.Credentials({ id: nodeCredentials.id ?? '1', name: nodeCredentials.name ?? type }, type, '');
	}

	async getDecrypted(_additionalData, _nodeCredentials, type) {
		if (!this.store[type]) throw new Error(`No credentials of type ${type} were given to the test`);
		const defaults = {};
		for (const property of this.type(type).properties) {
			if (property.default !== undefined) defaults[property.name] = property.default;
		}
		return { ...defaults, ...this.store[type] };
	}

	async updateCredentials(_nodeCredentials, type, data) {
		this.store[type] = { ...data };
		this.updates.push({ type, data: { ...data } });
	}

	async updateCredentialsOauthTokenData() {}
}

function makeAdditionalData({ credentialsHelper, hooks, webhookBaseUrl = 'http://127.0.0.1/webhook' }) {
	return {
		credentialsHelper,
		hooks,
		executionId: String(Date.now()),
		currentNodeExecutionIndex: 0,
		restApiUrl: 'http://127.0.0.1/rest',
		instanceBaseUrl: 'http://127.0.0.1/',
		formBaseUrl: 'http://127.0.0.1/form',
		formWaitingBaseUrl: 'http://127.0.0.1/form-waiting',
		formTestBaseUrl: 'http://127.0.0.1/form-test',
		webhookBaseUrl,
		webhookWaitingBaseUrl: 'http://127.0.0.1/webhook-waiting',
		webhookTestBaseUrl: 'http://127.0.0.1/webhook-test',
		mcpBaseUrl: 'http://127.0.0.1/mcp',
		mcpTestBaseUrl: 'http://127.0.0.1/mcp-test',
		variables: {},
		userId: 'test-user',
		logAiEvent() {},
		setExecutionStatus() {},
		sendDataToUI() {},
		async getRunExecutionData() {
			return undefined;
		},
		async executeWorkflow() {
			throw new Error('Sub-workflows are not available in the test harness');
		},
		async getRuntimeCredential() {
			return undefined;
		},
		async startRunnerTask() {
			throw new Error('Code runners are not available in the test harness');
		},
	};
}

/** Builds a node for a test workflow; `type` may omit the package prefix. */
function node(name, type, parameters = {}, extra = {}) {
	const fullType = type.includes('.') ? type : `${PREFIX}${type}`;
	return {
		id: crypto.randomUUID(),
		name,
		type: fullType,
		typeVersion: 1,
		position: [0, 0],
		parameters,
		...extra,
	};
}

/** Connects nodes in a line: a → b → c. */
function chain(...names) {
	const connections = {};
	for (let i = 0; i < names.length - 1; i++) {
		connections[names[i]] = { main: [[{ node: names[i + 1], type: 'main', index: 0 }]] };
	}
	return connections;
}

function credentialRefs(types) {
	const refs = {};
	for (const type of types) refs[type] = { id: '1', name: `${type} (test)` };
	return refs;
}

/** Every output item and error of a run goes to the audit log (scanned for secrets after the tests). */
function auditRun(run, nodes) {
	const harnessNodes = new Set(nodes.filter((n) => n.type.startsWith('harness.')).map((n) => n.name));
	for (const [name, tasks] of Object.entries(run.data.resultData.runData)) {
		if (harnessNodes.has(name)) continue; // test input, not something this package produced
		for (const task of tasks) {
			if (task.error) audit.seen('error', { node: name, message: task.error.message, description: task.error.description, context: task.error.context });
			for (const output of (task.data && task.data.main) || []) for (const item of output || []) audit.seen('item', item.json);
		}
	}
	if (run.data.resultData.error) audit.seen('error', { message: run.data.resultData.error.message, description: run.data.resultData.error.description });
}

/**
 * Runs a workflow to completion. `input` is the items the start node emits.
 * Returns { run, error, output(nodeName, outputIndex = 0), credentialsHelper }.
 */
async function runWorkflow({ nodes, connections, credentials = {}, input = [{ json: {} }], startNode, mode = 'manual', staticData, credentialsHelper, workflowId = 'test-workflow', settings = {} }) {
	const { nodeTypes, credentialTypes } = await loadPackage();
	const helper = credentialsHelper ?? new TestCredentialsHelper(credentialTypes, { ...credentials });
	for (const n of nodes) {
		const type = nodeTypes.getByName(n.type);
		if (!type) throw new Error(`Node type ${n.type} is not loaded`);
		const wanted = (type.description.credentials || []).map((c) => c.name).filter((c) => helper.store[c]);
		if (wanted.length && !n.credentials) n.credentials = credentialRefs(wanted);
	}
	// settings.timezone is the workflow's time zone (this.getTimezone() in a node)
	const workflow = new Workflow({ id: workflowId, name: 'test', nodes, connections, nodeTypes, active: false, staticData, settings });
	const hooks = new core.ExecutionLifecycleHooks(mode, '1', { id: workflowId, name: 'test', nodes, connections, active: false, settings });
	const done = new Promise((resolve) => hooks.addHandler('workflowExecuteAfter', (run) => resolve(run)));
	const additionalData = makeAdditionalData({ credentialsHelper: helper, hooks });
	const start = workflow.getNode(startNode ?? nodes[0].name);
	const runExecutionData = {
		startData: {},
		resultData: { runData: {} },
		executionData: {
			contextData: {},
			metadata: {},
			waitingExecution: {},
			waitingExecutionSource: null,
			nodeExecutionStack: [{ node: start, data: { main: [input] }, source: null }],
		},
	};
	const execute = new core.WorkflowExecute(additionalData, mode, runExecutionData);
	try {
		await execute.processRunExecutionData(workflow);
	} catch (error) {
		// n8n refuses to start a workflow whose nodes have issues (e.g. a required parameter left empty)
		return { error, workflow, credentialsHelper: helper, nodeError: () => undefined, output: () => undefined };
	}
	const run = await done;
	const runData = run.data.resultData.runData;
	auditRun(run, nodes);
	return {
		run,
		workflow,
		credentialsHelper: helper,
		error: run.data.resultData.error,
		nodeError: (name) => runData[name] && runData[name][0] && runData[name][0].error,
		output: (name, outputIndex = 0) => {
			const task = runData[name] && runData[name][0];
			if (!task || !task.data) return undefined;
			return task.data.main[outputIndex] || [];
		},
	};
}

/**
 * Runs one node of this package behind a start node that emits `items`.
 * Returns { items (JSON of the node's output), raw (output items with pairedItem), error }.
 */
async function runNode({ type, parameters, credentials, items = [{}], continueOnFail = false, nodeExtra = {}, nodeId, settings }) {
	const start = node('Start', 'harness.start');
	const target = node('Node', type, parameters, { ...(continueOnFail ? { onError: 'continueRegularOutput' } : {}), ...nodeExtra });
	// the same nodeId runs "the same node again" (its payment ledger); by default every call is a new node
	if (nodeId) target.id = nodeId;
	const result = await runWorkflow({
		nodes: [start, target],
		connections: chain('Start', 'Node'),
		credentials,
		input: items.map((json) => ({ json })),
		settings,
	});
	const raw = result.output('Node');
	return {
		...result,
		raw,
		items: raw ? raw.map((item) => item.json) : undefined,
		error: result.nodeError('Node') || result.error,
	};
}

/** Makes an Express-like request/response pair from Node's http objects (what n8n hands to webhook()). */
function expressLike(req, res, rawBody) {
	const url = new URL(req.url, 'http://127.0.0.1');
	const contentType = req.headers['content-type'] || '';
	let body = {};
	if (rawBody.length) {
		if (contentType.includes('application/json')) {
			try {
				body = JSON.parse(rawBody.toString('utf8'));
			} catch {
				body = {};
			}
		} else if (contentType.includes('application/x-www-form-urlencoded')) {
			body = Object.fromEntries(new URLSearchParams(rawBody.toString('utf8')).entries());
		}
	}
	Object.assign(req, { body, rawBody, query: Object.fromEntries(url.searchParams.entries()), params: {}, ip: req.socket.remoteAddress });
	res.status = (code) => {
		res.statusCode = code;
		return res;
	};
	res.json = (value) => {
		if (!res.headersSent) res.setHeader('content-type', 'application/json');
		res.end(JSON.stringify(value));
		return res;
	};
	res.send = (value) => {
		if (value !== undefined && typeof value === 'object' && !Buffer.isBuffer(value)) return res.json(value);
		res.end(value);
		return res;
	};
	res.set = res.header = (name, value) => {
		res.setHeader(name, value);
		return res;
	};
	res.redirect = (statusOrUrl, maybeUrl) => {
		const status = typeof statusOrUrl === 'number' ? statusOrUrl : 302;
		res.statusCode = status;
		res.setHeader('location', maybeUrl ?? statusOrUrl);
		res.end();
		return res;
	};
	return { req, res };
}

/**
 * Activates a workflow whose first node is a trigger of this package and serves its webhooks on a
 * real HTTP server at 127.0.0.1. Every request runs the node's webhook(); when it emits, the whole
 * workflow runs through n8n's engine and the run is kept in `executions`.
 */
async function startTrigger({ trigger, downstream = [], connections, credentials = {} }) {
	const { nodeTypes, credentialTypes } = await loadPackage();
	const credentialsHelper = new TestCredentialsHelper(credentialTypes, { ...credentials });
	trigger.webhookId = trigger.webhookId ?? crypto.randomUUID();
	const nodes = [trigger, ...downstream];
	for (const n of nodes) {
		const type = nodeTypes.getByName(n.type);
		const wanted = (type.description.credentials || []).map((c) => c.name).filter((c) => credentialsHelper.store[c]);
		if (wanted.length && !n.credentials) n.credentials = credentialRefs(wanted);
	}
	const allConnections = connections ?? (downstream.length ? chain(trigger.name, ...downstream.map((d) => d.name)) : {});
	// n8n loads the workflow (with its static data) from the database for every webhook request and saves
	// the static data back after it (live-webhooks.ts): `database.staticData` plays the database here.
	const workflowId = `trigger-workflow-${crypto.randomUUID()}`;
	const database = { staticData: {} };
	const loadWorkflow = () =>
		new Workflow({ id: workflowId, name: 'trigger', nodes, connections: allConnections, nodeTypes, active: true, staticData: JSON.parse(JSON.stringify(database.staticData)), settings: {} });
	const saveStaticData = (loadedWorkflow) => {
		if (loadedWorkflow.staticData.__dataChanged === true) {
			database.staticData = JSON.parse(JSON.stringify(loadedWorkflow.staticData));
			loadedWorkflow.staticData.__dataChanged = false;
		}
	};
	const workflow = loadWorkflow();
	const triggerType = nodeTypes.getByName(trigger.type);
	const executions = [];
	const responses = [];
	const pending = new Set();
	let webhookBaseUrl = '';

	const server = http.createServer(async (req, res) => {
		const chunks = [];
		for await (const chunk of req) chunks.push(chunk);
		const rawBody = Buffer.concat(chunks);
		const work = (async () => {
			const { pathname } = new URL(req.url, 'http://127.0.0.1');
			const description = (triggerType.description.webhooks || []).find(
				(w) => pathname === `/webhook/${trigger.webhookId}/${w.path}` && (w.httpMethod === req.method || w.httpMethod === undefined),
			);
			if (!description) {
				res.statusCode = 404;
				return res.end('{"message":"webhook not registered"}');
			}
			const adapted = expressLike(req, res, rawBody);
			const workflow = loadWorkflow();
			const hooks = new core.ExecutionLifecycleHooks('webhook', '1', { id: workflow.id, nodes, connections: allConnections, active: true, settings: {} });
			const additionalData = makeAdditionalData({ credentialsHelper, hooks, webhookBaseUrl });
			additionalData.httpRequest = adapted.req;
			additionalData.httpResponse = adapted.res;
			const webhookData = { httpMethod: req.method, node: trigger.name, path: description.path, webhookDescription: description, workflowId: workflow.id, workflowExecuteAdditionalData: additionalData, isTest: false };
			const context = new core.WebhookContext(workflow, trigger, additionalData, 'webhook', webhookData, [], null);
			let result;
			try {
				result = await triggerType.webhook.call(context);
				// n8n saves after the request's work and database round trips (tens of ms in a real n8n): requests
				// that arrive meanwhile load the static data as it was before this save
				await new Promise((resolve) => setTimeout(resolve, 20));
				saveStaticData(workflow);
			} catch (error) {
				responses.push({ status: 500, error: error.message });
				if (!res.writableEnded) {
					res.statusCode = 500;
					res.end(JSON.stringify({ message: error.message }));
				}
				return;
			}
			if (!res.writableEnded) {
				res.statusCode = 200;
				res.setHeader('content-type', 'application/json');
				res.end(JSON.stringify(result.webhookResponse ?? { message: 'Workflow was started' }));
			}
			responses.push({ status: res.statusCode });
			if (!result.workflowData) return;
			const runHooks = new core.ExecutionLifecycleHooks('webhook', '1', { id: workflow.id, nodes, connections: allConnections, active: true, settings: {} });
			const done = new Promise((resolve) => runHooks.addHandler('workflowExecuteAfter', (run) => resolve(run)));
			const runData = makeAdditionalData({ credentialsHelper, hooks: runHooks, webhookBaseUrl });
			const execute = new core.WorkflowExecute(runData, 'webhook', {
				startData: {},
				resultData: { runData: {} },
				executionData: { contextData: {}, metadata: {}, waitingExecution: {}, waitingExecutionSource: null, nodeExecutionStack: [{ node: trigger, data: { main: result.workflowData }, source: null }] },
			});
			await execute.processRunExecutionData(workflow);
			const run = await done;
			auditRun(run, nodes);
			const outputOf = (name) => {
				const task = run.data.resultData.runData[name] && run.data.resultData.runData[name][0];
				return task && task.data ? task.data.main[0].map((item) => item.json) : undefined;
			};
			executions.push({ run, items: outputOf(trigger.name), output: outputOf, error: run.data.resultData.error });
		})();
		pending.add(work);
		work.finally(() => pending.delete(work));
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	webhookBaseUrl = `http://127.0.0.1:${server.address().port}/webhook`;

	const hookContext = (activation, workflow) => {
		const hooks = new core.ExecutionLifecycleHooks('trigger', '1', { id: workflow.id, nodes, connections: allConnections, active: true, settings: {} });
		const additionalData = makeAdditionalData({ credentialsHelper, hooks, webhookBaseUrl });
		return (description) =>
			new core.HookContext(workflow, trigger, additionalData, 'trigger', activation, {
				httpMethod: description.httpMethod, node: trigger.name, path: description.path, webhookDescription: description, workflowId: workflow.id, workflowExecuteAdditionalData: additionalData, isTest: false,
			});
	};

	const runLifecycle = async (activation, steps) => {
		const results = [];
		const lifecycleWorkflow = loadWorkflow();
		const make = hookContext(activation, lifecycleWorkflow);
		for (const description of triggerType.description.webhooks || []) {
			const methods = triggerType.webhookMethods && triggerType.webhookMethods[description.name];
			if (!methods) continue;
			const context = make(description);
			results.push(await steps(methods, context));
		}
		saveStaticData(lifecycleWorkflow); // n8n saves static data after activation too
		return results;
	};

	return {
		workflow,
		workflowId,
		/** The static data as n8n's database holds it (what a restart would load). */
		database,
		executions,
		responses,
		credentialsHelper,
		url: (webhookName = 'default') => {
			const description = (triggerType.description.webhooks || []).find((w) => w.name === webhookName);
			return `${webhookBaseUrl}/${trigger.webhookId}/${description.path}`;
		},
		/** What n8n does on activation: checkExists, then create when it does not exist. */
		activate: () =>
			runLifecycle('activate', async (methods, context) => {
				if (await methods.checkExists.call(context)) return 'exists';
				return (await methods.create.call(context)) ? 'created' : 'failed';
			}),
		deactivate: () => runLifecycle('manual', async (methods, context) => methods.delete.call(context)),
		/** Waits until every request received so far has been handled and its run has finished. */
		settle: async () => {
			while (pending.size) await Promise.all([...pending]);
		},
		close: async () => {
			while (pending.size) await Promise.all([...pending]);
			await new Promise((resolve) => server.close(() => resolve()));
		},
	};
}

/** Posts to a URL the way a provider would; returns { status, body, text }. */
async function post(url, payload, { format = 'json', headers = {} } = {}) {
	const body = format === 'form' ? new URLSearchParams(payload).toString() : typeof payload === 'string' ? payload : JSON.stringify(payload);
	const response = await fetch(url, {
		method: 'POST',
		headers: { 'content-type': format === 'form' ? 'application/x-www-form-urlencoded' : 'application/json', ...headers },
		body,
	});
	const text = await response.text();
	audit.seen('webhook-response', { status: response.status, text, location: response.headers.get('location') });
	let parsed;
	try {
		parsed = JSON.parse(text);
	} catch {
		parsed = undefined;
	}
	return { status: response.status, body: parsed, text, headers: response.headers };
}

/**
 * Runs a credential type's `test` request the way n8n's "Test" button does: its expressions resolved
 * against the credential, the credential's authentication applied. Returns { ok, status, body }.
 */
async function testCredential(typeName, data) {
	const { credentialTypes, nodeTypes } = await loadPackage();
	const type = credentialTypes[typeName];
	const helper = new TestCredentialsHelper(credentialTypes, { [typeName]: data });
	const decrypted = await helper.getDecrypted(null, null, typeName);
	const probe = node('Probe', 'harness.passThrough');
	const workflow = new Workflow({ id: 'cred-test', nodes: [probe], connections: {}, nodeTypes, active: false, settings: {} });
	const resolve = (value) =>
		typeof value === 'string' && value.startsWith('=')
			? workflow.expression.getSimpleParameterValue(probe, value, 'internal', { $credentials: decrypted }, undefined, '')
			: value;
	if (typeof type.preAuthentication === 'function') {
		const httpHelpers = { helpers: { httpRequest: async (options) => (await httpRequest(options)).body } };
		Object.assign(decrypted, await type.preAuthentication.call(httpHelpers, decrypted));
	}
	const request = type.test.request;
	const options = {
		method: request.method || 'GET',
		url: `${String(resolve(request.baseURL) || '').replace(/\/$/, '')}${resolve(request.url) || ''}`,
		qs: Object.fromEntries(Object.entries(request.qs || {}).map(([k, v]) => [k, resolve(v)])),
		headers: Object.fromEntries(Object.entries(request.headers || {}).map(([k, v]) => [k, resolve(v)])),
		body: request.body,
	};
	const authenticated = await helper.authenticate(decrypted, typeName, options, workflow, probe);
	const response = await httpRequest(authenticated);
	const ok = response.status >= 200 && response.status < 300;
	return { ok, status: response.status, body: response.body, passed: judgeCredentialTest(type.test, response, ok) };
}

/**
 * Whether n8n would show the credential test as passed: an HTTP error fails it unless the request
 * ignores status errors; then any rule that matches fails it (responseCode: the status; responseSuccessBody:
 * a body field's value), as n8n-core's credentials tester does.
 */
function judgeCredentialTest(test, response, ok) {
	if (!ok && !test.request.ignoreHttpStatusErrors) return false;
	for (const rule of test.rules || []) {
		const { properties = {} } = rule;
		if (rule.type === 'responseCode' && response.status === properties.value) return false;
		if (rule.type === 'responseSuccessBody') {
			const value = String(properties.key || '')
				.split('.')
				.reduce((entry, key) => (entry && typeof entry === 'object' ? entry[key] : undefined), response.body);
			if (value === properties.value) return false;
		}
	}
	return true;
}

/** A small fetch-based stand-in for n8n's httpRequest, for credential tests and preAuthentication. */
async function httpRequest(options) {
	const url = new URL(options.url.startsWith('http') ? options.url : `${options.baseURL || ''}${options.url}`);
	for (const [key, value] of Object.entries(options.qs || {})) if (value !== undefined) url.searchParams.set(key, String(value));
	const headers = { ...(options.headers || {}) };
	if (options.auth) headers.authorization = `Basic ${Buffer.from(`${options.auth.username}:${options.auth.password}`).toString('base64')}`;
	let body;
	if (options.body !== undefined && options.method !== 'GET') {
		body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
		headers['content-type'] = headers['content-type'] || 'application/json';
	}
	const response = await fetch(url, { method: options.method || 'GET', headers, body });
	const text = await response.text();
	let parsed = text;
	try {
		parsed = JSON.parse(text);
	} catch {}
	return { status: response.status, body: parsed };
}

/** Calls a node's loadOptions method the way the editor does, with the node's current parameters. */
async function loadOptions({ type, method, parameters = {}, credentials = {} }) {
	const { nodeTypes, credentialTypes } = await loadPackage();
	const nodeType = nodeTypes.getByName(type.includes('.') ? type : `${PREFIX}${type}`);
	const helper = new TestCredentialsHelper(credentialTypes, { ...credentials });
	const target = node('Node', type, parameters);
	target.credentials = credentialRefs(Object.keys(credentials));
	const workflow = new Workflow({ id: 'load-options', nodes: [target], connections: {}, nodeTypes, active: false, settings: {} });
	const hooks = new core.ExecutionLifecycleHooks('manual', '1', { id: 'load-options', nodes: [target], connections: {}, active: false, settings: {} });
	const additionalData = makeAdditionalData({ credentialsHelper: helper, hooks });
	additionalData.currentNodeParameters = parameters;
	const context = new core.LoadOptionsContext(workflow, target, additionalData, '');
	return await nodeType.methods.loadOptions[method].call(context);
}

/** Calls a node's listSearch method (a resource locator's "From list") the way the editor does. */
async function listSearch({ type, method, parameters = {}, credentials = {}, filter, paginationToken }) {
	const { nodeTypes, credentialTypes } = await loadPackage();
	const nodeType = nodeTypes.getByName(type.includes('.') ? type : `${PREFIX}${type}`);
	const helper = new TestCredentialsHelper(credentialTypes, { ...credentials });
	const target = node('Node', type, parameters);
	target.credentials = credentialRefs(Object.keys(credentials));
	const workflow = new Workflow({ id: 'list-search', nodes: [target], connections: {}, nodeTypes, active: false, settings: {} });
	const hooks = new core.ExecutionLifecycleHooks('manual', '1', { id: 'list-search', nodes: [target], connections: {}, active: false, settings: {} });
	const additionalData = makeAdditionalData({ credentialsHelper: helper, hooks });
	additionalData.currentNodeParameters = parameters;
	const context = new core.LoadOptionsContext(workflow, target, additionalData, '');
	const search = nodeType.methods && nodeType.methods.listSearch && nodeType.methods.listSearch[method];
	if (!search) throw new Error(`${type} has no listSearch method "${method}"`);
	return await search.call(context, filter, paginationToken);
}

module.exports = {
	PACKAGE_ROOT,
	loadPackage,
	runWorkflow,
	runNode,
	startTrigger,
	testCredential,
	loadOptions,
	listSearch,
	node,
	chain,
	post,
	logLines,
	N8N_LOG_FILE,
	TestCredentialsHelper,
};
