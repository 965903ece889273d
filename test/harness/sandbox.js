'use strict';
// One sandbox per test file: started before the file's tests, stopped after them; state reset per test.
const { Sandbox } = require('../../sandbox/server');

function useSandbox(options = {}) {
	const handle = { sandbox: undefined };
	beforeAll(async () => {
		handle.sandbox = await new Sandbox(options).start();
	});
	beforeEach(() => handle.sandbox.reset());
	afterAll(async () => {
		if (handle.sandbox) await handle.sandbox.stop();
	});
	return handle;
}

module.exports = { useSandbox, Sandbox };
