'use strict';
// Package size packed and installed, and how long n8n's loader takes to load the package's nodes.
const { execFileSync } = require('child_process');
const path = require('path');

async function run() {
	const root = path.join(__dirname, '..');
	const pack = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }))[0];
	const { PackageDirectoryLoader } = require('n8n-core');
	const start = process.hrtime.bigint();
	const loader = new PackageDirectoryLoader(root);
	await loader.loadAll();
	const ms = Number(process.hrtime.bigint() - start) / 1e6;
	return [
		['6a. Package size', `${(pack.size / 1024).toFixed(0)} KiB packed, ${(pack.unpackedSize / 1024).toFixed(0)} KiB installed, ${pack.entryCount} files, 0 runtime dependencies`, '—'],
		['6b. n8n loads the package', `${ms.toFixed(0)} ms for ${Object.keys(loader.nodeTypes).length} nodes and ${Object.keys(loader.credentialTypes).length} credentials`, '—'],
	];
}

module.exports = { run };
