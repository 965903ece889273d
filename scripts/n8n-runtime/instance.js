'use strict';
// Drives one real n8n (from ensure.js) with this package installed the way users install it: the packed
// package (exactly the files `npm publish` ships) unpacked into $N8N_USER_FOLDER/.n8n/nodes/node_modules/,
// where n8n loads community packages from. Used by `npm run dev` and the end-to-end tests.

const fs = require('fs');
const net = require('net');
const os = require('os');
const path = require('path');
const { spawn, execFileSync } = require('child_process');

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const PACKAGE_NAME = require(path.join(REPO_ROOT, 'package.json')).name;

function sleep(ms) {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

/** A free TCP port on 127.0.0.1. */
function freePort() {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address();
			server.close(() => resolve(port));
		});
	});
}

/** Whether something already listens on 127.0.0.1:port. */
function portInUse(port) {
	return new Promise((resolve) => {
		const socket = net.connect({ port, host: '127.0.0.1' });
		socket.once('connect', () => {
			socket.destroy();
			resolve(true);
		});
		socket.once('error', () => resolve(false));
	});
}

/**
 * Packs the package (npm pack: the `files` of package.json, so a missing file shows up here as it would
 * for users) and unpacks it as <userFolder>/.n8n/nodes/node_modules/<name>. The package brings no
 * node_modules: `n8n-workflow` resolves to n8n's own copy, as in a real install.
 */
function installPackage(userFolder, { repoRoot = REPO_ROOT, log = () => {} } = {}) {
	const target = path.join(userFolder, '.n8n', 'nodes', 'node_modules', PACKAGE_NAME);
	const packDir = fs.mkdtempSync(path.join(os.tmpdir(), 'paysuite-pack-'));
	try {
		const out = execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', packDir], {
			cwd: repoRoot,
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		const [{ filename, files }] = JSON.parse(out);
		fs.rmSync(target, { recursive: true, force: true });
		fs.mkdirSync(target, { recursive: true });
		execFileSync('tar', ['-xzf', path.join(packDir, path.basename(filename)), '-C', target, '--strip-components=1']);
		log(`Installed ${filename} (${files.length} files) into ${path.relative(userFolder, target)}`);
		// n8n's nodes folder is an npm project of its own in a real install
		const nodesPackageJson = path.join(userFolder, '.n8n', 'nodes', 'package.json');
		if (!fs.existsSync(nodesPackageJson)) {
			fs.writeFileSync(nodesPackageJson, `${JSON.stringify({ name: 'installed-nodes', private: true, dependencies: {} }, null, 2)}\n`);
		}
		const manifest = JSON.parse(fs.readFileSync(nodesPackageJson, 'utf8'));
		manifest.dependencies = { ...manifest.dependencies, [PACKAGE_NAME]: require(path.join(repoRoot, 'package.json')).version };
		fs.writeFileSync(nodesPackageJson, `${JSON.stringify(manifest, null, 2)}\n`);
		return target;
	} finally {
		fs.rmSync(packDir, { recursive: true, force: true });
	}
}

class N8nInstance {
	/**
	 * @param {object} options
	 * @param {object} options.runtime from ensureRuntime()
	 * @param {string} options.userFolder N8N_USER_FOLDER (n8n keeps .n8n/ with its database there)
	 * @param {number} options.port n8n's HTTP port on 127.0.0.1
	 * @param {number} options.brokerPort the 2.x task broker's port (a second n8n process needs another one)
	 * @param {object} [options.env] extra environment
	 * @param {(line: string) => void} [options.log]
	 * @param {(line: string) => void} [options.output] receives n8n's own output lines (default: log file only)
	 */
	constructor({ runtime, userFolder, port, brokerPort, env = {}, log = () => {}, output }) {
		this.runtime = runtime;
		this.userFolder = userFolder;
		this.port = port;
		this.brokerPort = brokerPort;
		this.extraEnv = env;
		this.log = log;
		this.output = output;
		this.baseUrl = `http://127.0.0.1:${port}`;
		this.logFile = path.join(userFolder, 'n8n.log');
		this.processes = new Set();
		this.cookie = undefined;
		this.apiKey = undefined;
	}

	get isV1() {
		return this.runtime.variant === 'v1';
	}

	env(overrides = {}) {
		const env = {
			...process.env,
			N8N_USER_FOLDER: this.userFolder,
			N8N_PORT: String(this.port),
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			N8N_HOST: '127.0.0.1',
			N8N_PROTOCOL: 'http',
			WEBHOOK_URL: `${this.baseUrl}/`,
			N8N_EDITOR_BASE_URL: `${this.baseUrl}/`,
			N8N_RUNNERS_BROKER_PORT: String(this.brokerPort),
			N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
			N8N_DIAGNOSTICS_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
			N8N_TEMPLATES_ENABLED: 'false',
			N8N_PERSONALIZATION_ENABLED: 'false',
			N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
			N8N_SECURE_COOKIE: 'false',
			N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
			DB_TYPE: 'sqlite',
			DB_SQLITE_POOL_SIZE: '2',
			NODE_ENV: 'production',
			// n8n 1.x on Node 20: the default expression engine needs isolated-vm, which has no Node 20 build
			...(this.isV1 ? { N8N_EXPRESSION_ENGINE: 'legacy' } : {}),
			...this.extraEnv,
			...overrides,
		};
		// n8n's own Node first on PATH (the task runner is started with it)
		if (this.runtime.nodeDir) env.PATH = `${path.join(this.runtime.nodeDir, 'bin')}${path.delimiter}${env.PATH}`;
		delete env.NODE_OPTIONS;
		delete env.npm_config_nodedir;
		return env;
	}

	installPackage(options) {
		fs.mkdirSync(this.userFolder, { recursive: true });
		return installPackage(this.userFolder, { log: this.log, ...options });
	}

	appendLog(prefix, chunk) {
		fs.appendFileSync(this.logFile, chunk);
		if (this.output) {
			for (const line of chunk.toString().split('\n')) if (line.trim()) this.output(`${prefix}${line}`);
		}
	}

	/** Runs an n8n CLI command to completion: { code, stdout, stderr }. */
	cli(args, { env = {}, timeoutMs = 180_000, allowFail = false } = {}) {
		return new Promise((resolve, reject) => {
			const started = Date.now();
			const child = spawn(this.runtime.nodeBin, [this.runtime.n8nBin, ...args], {
				cwd: this.userFolder,
				env: this.env(env),
				stdio: ['ignore', 'pipe', 'pipe'],
				detached: true,
			});
			this.processes.add(child);
			let stdout = '';
			let stderr = '';
			child.stdout.on('data', (chunk) => (stdout += chunk));
			child.stderr.on('data', (chunk) => (stderr += chunk));
			const timer = setTimeout(() => {
				killTree(child, 'SIGKILL');
				reject(new Error(`n8n ${args.join(' ')} timed out after ${timeoutMs} ms\n${stdout}\n${stderr}`));
			}, timeoutMs);
			child.on('error', reject);
			child.on('close', (code) => {
				clearTimeout(timer);
				this.processes.delete(child);
				fs.appendFileSync(this.logFile, `\n$ n8n ${args.join(' ')} (exit ${code}, ${Date.now() - started} ms)\n${stdout}${stderr}`);
				const result = { code, stdout, stderr, ms: Date.now() - started };
				if (code !== 0 && !allowFail) {
					reject(Object.assign(new Error(`n8n ${args.join(' ')} exited with ${code}\n${tailOf(stdout + stderr)}`), result));
				} else resolve(result);
			});
		});
	}

	/** Imports credentials given as n8n export objects with plain `data` (n8n encrypts it on import). */
	async importCredentials(credentials) {
		if (credentials.length === 0) return;
		const file = path.join(this.userFolder, 'import-credentials.json');
		fs.writeFileSync(file, JSON.stringify(credentials, null, 2), { mode: 0o600 });
		try {
			await this.cli(['import:credentials', `--input=${file}`]);
		} finally {
			fs.rmSync(file, { force: true });
		}
	}

	/** Imports workflow files (each one workflow object with an `id`) in one n8n run. */
	async importWorkflows(files) {
		if (files.length === 0) return;
		const dir = fs.mkdtempSync(path.join(this.userFolder, 'import-'));
		try {
			for (const file of files) fs.copyFileSync(file, path.join(dir, path.basename(file)));
			await this.cli(['import:workflow', '--separate', `--input=${dir}`]);
		} finally {
			fs.rmSync(dir, { recursive: true, force: true });
		}
	}

	/** Makes a workflow active (its triggers listen) from the CLI; takes effect when n8n (re)starts. */
	async publishWorkflow(id) {
		if (this.isV1) return this.cli(['update:workflow', `--id=${id}`, '--active=true']);
		return this.cli(['publish:workflow', `--id=${id}`]);
	}

	/**
	 * Runs a workflow once with `n8n execute --id --rawOutput` and returns its run data (by node name).
	 * While the server runs, the CLI process gets its own task broker port.
	 */
	async execute(id, { brokerPort } = {}) {
		const env = brokerPort ? { N8N_RUNNERS_BROKER_PORT: String(brokerPort) } : {};
		const result = await this.cli(['execute', `--id=${id}`, '--rawOutput'], { env, allowFail: true });
		result.output = parseRawOutput(result.stdout);
		return result;
	}

	/** Starts `n8n start` and waits until it is ready (/healthz/readiness: database migrated, routes up). */
	async start({ timeoutMs = 120_000 } = {}) {
		this.server = await this.spawnService(['start'], { healthUrl: `${this.baseUrl}/healthz/readiness`, timeoutMs });
		this.startMs = this.server.startMs;
		return this;
	}

	/**
	 * Starts a long-running n8n command (`start`, `worker`, `webhook`) in its own process group and waits
	 * until healthUrl answers 200. Its output goes to the log file (and `output`), prefixed with its name.
	 */
	async spawnService(args, { env = {}, healthUrl, timeoutMs = 120_000, name = args[0] } = {}) {
		const child = spawn(this.runtime.nodeBin, [this.runtime.n8nBin, ...args], {
			cwd: this.userFolder,
			env: this.env(env),
			stdio: ['ignore', 'pipe', 'pipe'],
			detached: true, // its own process group: stop() ends it and its task runner together
		});
		this.processes.add(child);
		const prefix = name === 'start' ? '[n8n] ' : `[n8n ${name}] `;
		child.output = ''; // this process's own output (the last 2 MB), e.g. to see what a worker ran
		const onData = (chunk) => {
			this.appendLog(prefix, chunk);
			child.output = (child.output + chunk).slice(-2_000_000);
		};
		child.stdout.on('data', onData);
		child.stderr.on('data', onData);
		let exited;
		child.on('close', (code) => {
			exited = code;
			this.processes.delete(child);
		});
		const started = Date.now();
		for (;;) {
			if (exited !== undefined) throw new Error(`n8n ${args.join(' ')} exited with ${exited} while starting\n${tailOf(child.output, 40)}`);
			try {
				const response = await fetch(healthUrl, { signal: AbortSignal.timeout(2000) });
				if (response.ok) break;
			} catch {}
			if (Date.now() - started > timeoutMs) throw new Error(`n8n ${args.join(' ')} did not answer ${healthUrl} within ${timeoutMs} ms`);
			await sleep(500);
		}
		child.startMs = Date.now() - started;
		return child;
	}

	/** Stops every process this instance started (n8n, its task runner, CLI runs). */
	async stop() {
		const children = [...this.processes];
		for (const child of children) killTree(child, 'SIGTERM');
		const deadline = Date.now() + 15_000;
		while ([...this.processes].length > 0 && Date.now() < deadline) await sleep(200);
		for (const child of [...this.processes]) killTree(child, 'SIGKILL');
		for (const child of children) killTree(child, 'SIGKILL'); // leftovers of the group (task runner)
	}

	/** Sets up the owner account (idempotent: logs in when it already exists) and keeps the session cookie. */
	async ensureOwner({ email, password, firstName = 'PaySuite', lastName = 'Developer' }) {
		const post = (route, body) =>
			fetch(`${this.baseUrl}/rest${route}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
		let response;
		// n8n 1.x reports ready a moment before its REST routes exist (they answer 404 meanwhile)
		for (let attempt = 0; attempt < 60; attempt++) {
			response = await post('/owner/setup', { email, password, firstName, lastName });
			if (!response.ok) response = await post('/login', { emailOrLdapLoginId: email, email, password });
			if (response.status !== 404) break;
			await sleep(500);
		}
		if (!response.ok) throw new Error(`Could not set up or log in the n8n owner: ${response.status} ${await response.text()}`);
		this.cookie = (response.headers.getSetCookie?.() ?? [response.headers.get('set-cookie')])
			.filter(Boolean)
			.map((cookie) => cookie.split(';')[0])
			.join('; ');
		return this.cookie;
	}

	/** Internal REST API (/rest/...) with the owner's session. */
	async rest(method, route, body) {
		const response = await fetch(`${this.baseUrl}/rest${route}`, {
			method,
			headers: { 'content-type': 'application/json', cookie: this.cookie, 'browser-id': 'paysuite-e2e' },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await response.text();
		if (!response.ok) throw new Error(`${method} /rest${route}: ${response.status} ${text}`);
		const json = text ? JSON.parse(text) : {};
		return json.data ?? json;
	}

	/** Creates an API key for the public API (/api/v1), with every scope the owner may grant. */
	async createApiKey(label = 'paysuite-e2e') {
		let scopes;
		try {
			scopes = await this.rest('GET', '/api-keys/scopes');
		} catch {}
		const key = await this.rest('POST', '/api-keys', { label, expiresAt: null, ...(scopes ? { scopes } : {}) });
		this.apiKey = key.rawApiKey ?? key.apiKey;
		return this.apiKey;
	}

	/** Public REST API (/api/v1/...) with the API key. */
	async api(method, route, body) {
		const response = await fetch(`${this.baseUrl}/api/v1${route}`, {
			method,
			headers: { 'content-type': 'application/json', 'x-n8n-api-key': this.apiKey },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await response.text();
		if (!response.ok) throw new Error(`${method} /api/v1${route}: ${response.status} ${text}`);
		return text ? JSON.parse(text) : {};
	}

	/** Production webhook URL of a trigger node (`/webhook/<webhookId>/<path>`). */
	webhookUrl(webhookId, webhookPath, { isFullPath = false } = {}) {
		return isFullPath ? `${this.baseUrl}/webhook/${webhookPath}` : `${this.baseUrl}/webhook/${webhookId}/${webhookPath}`;
	}

	/** Waits until n8n serves a production webhook (it answers 404 for a moment after start). */
	async waitForWebhook(url, { timeoutMs = 60_000 } = {}) {
		const started = Date.now();
		for (;;) {
			const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }).catch(() => undefined);
			if (response && response.status !== 404) return response.status;
			if (Date.now() - started > timeoutMs) throw new Error(`${url} still answers 404 after ${timeoutMs} ms (is the workflow active?)`);
			await sleep(500);
		}
	}

	tail(lines = 60) {
		try {
			return tailOf(fs.readFileSync(this.logFile, 'utf8'), lines);
		} catch {
			return '';
		}
	}
}

function tailOf(text, lines = 40) {
	return text.split('\n').slice(-lines).join('\n');
}

function killTree(child, signal) {
	try {
		process.kill(-child.pid, signal);
	} catch {
		try {
			child.kill(signal);
		} catch {}
	}
}

/** `n8n execute --rawOutput` prints the run's result data as JSON after n8n's log lines. */
function parseRawOutput(stdout) {
	const start = stdout.indexOf('{');
	for (let index = start; index >= 0; index = stdout.indexOf('{', index + 1)) {
		try {
			return JSON.parse(stdout.slice(index));
		} catch {}
	}
	return undefined;
}

module.exports = { N8nInstance, installPackage, freePort, portInUse, sleep, REPO_ROOT, PACKAGE_NAME, parseRawOutput };
