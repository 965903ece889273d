/** Tests are plain JavaScript against the built package in dist/ (what n8n loads). */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.js'],
	testTimeout: 30000,
	maxWorkers: 2,
	reporters: ['default', '<rootDir>/test/harness/summary-reporter.js'],
};
