/**
 * End-to-end tests against a real n8n server (scripts/n8n-runtime) and the provider sandbox:
 * `npm run test:e2e` (after `npm run build`). One file at a time, long timeouts: the first run on a
 * machine installs n8n (a few minutes), every n8n CLI call boots n8n (seconds).
 * Files are named *.e2e.js so the unit-test config (jest.config.js, *.test.js) never picks them up.
 */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test/e2e'],
	testMatch: ['**/*.e2e.js'],
	testTimeout: 120000,
	maxWorkers: 1,
	bail: false,
	reporters: ['default', '<rootDir>/test/harness/summary-reporter.js'],
};
