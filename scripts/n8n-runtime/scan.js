#!/usr/bin/env node
'use strict';
// Runs n8n's community package scanner (@n8n/scan-community-package, the static analysis n8n runs before it
// verifies a community package) on the tarball `npm publish` would upload, BEFORE publishing:
//   npm run build && node scripts/n8n-runtime/scan.js
// The scanner itself only takes a package name from the npm registry (after publishing); its
// `analyzePackage(dir)` is what it runs on the downloaded tarball, so we run that on ours. The scanner is
// installed on first use into the cache folder (like n8n itself, never into the package's node_modules).
// Exit code 1 when the scanner finds a violation.

const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync } = require('child_process');
const { pathToFileURL } = require('url');

const { cacheRoot } = require('./ensure');

const SCANNER = '@n8n/scan-community-package';
const SCANNER_VERSION = '0.32.0';
const REPO_ROOT = path.resolve(__dirname, '..', '..');

function ensureScanner(log) {
	const dir = path.join(cacheRoot(), `scanner-${SCANNER_VERSION}`);
	const entry = path.join(dir, 'node_modules', ...SCANNER.split('/'), 'scanner', 'scanner.mjs');
	if (fs.existsSync(path.join(dir, '.ready'))) return entry;
	log(`installing ${SCANNER}@${SCANNER_VERSION} into ${dir}…`);
	fs.rmSync(dir, { recursive: true, force: true });
	fs.mkdirSync(dir, { recursive: true });
	fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'paysuite-scanner', private: true }));
	execFileSync('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error', `${SCANNER}@${SCANNER_VERSION}`], { cwd: dir, stdio: 'inherit' });
	fs.writeFileSync(path.join(dir, '.ready'), new Date().toISOString());
	return entry;
}

async function main() {
	const log = (line) => console.error(`[scan] ${line}`);
	const entry = ensureScanner(log);
	const work = fs.mkdtempSync(path.join(os.tmpdir(), 'paysuite-scan-'));
	try {
		const out = execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', work], { cwd: REPO_ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
		const [{ filename, files }] = JSON.parse(out);
		const dir = path.join(work, 'package');
		fs.mkdirSync(dir);
		execFileSync('tar', ['-xzf', path.join(work, path.basename(filename)), '-C', dir, '--strip-components=1']);
		log(`scanning ${filename} (${files.length} files) with ${SCANNER}@${SCANNER_VERSION}`);
		const { analyzePackage } = await import(pathToFileURL(entry).href);
		const result = await analyzePackage(dir);
		if (result.passed) {
			console.log(`✅ ${filename} passes ${SCANNER}@${SCANNER_VERSION}`);
			return 0;
		}
		console.log(`❌ ${filename} fails ${SCANNER}@${SCANNER_VERSION}: ${result.message}`);
		if (result.details) console.log(result.details.split(dir + path.sep).join(''));
		return 1;
	} finally {
		fs.rmSync(work, { recursive: true, force: true });
	}
}

main().then(
	(code) => process.exit(code),
	(error) => {
		console.error(error);
		process.exit(1);
	},
);
