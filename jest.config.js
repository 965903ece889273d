/** Tests are plain JavaScript against the built package in dist/ (what n8n loads). */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.js'],
	testTimeout: 30000,
	maxWorkers: 2,
	// A worker exits when its event loop is empty; jest gives it 500 ms by default, then kills it and prints
	// "A worker process has failed to exit gracefully". No test leaves a handle open (checked file by file
	// after teardown, and with --detectOpenHandles), but on a loaded 2-core machine even a worker that ran
	// two pure-function files needs longer than 500 ms to be scheduled and exit.
	workerGracefulExitTimeout: 5000,
	reporters: ['default', '<rootDir>/test/harness/summary-reporter.js'],
};
