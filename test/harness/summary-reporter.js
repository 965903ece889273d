'use strict';
// Prints one plain closing line, "jest: N passed, N failed[, N skipped]", that CI reads. Under
// scripts/test.sh (several jest runs) the counts go to PAYSUITE_SUMMARY_FILE and the script prints the total.
const fs = require('fs');

class SummaryReporter {
	onRunComplete(_contexts, results) {
		const skipped = results.numPendingTests + results.numTodoTests;
		// every skipped test by name (a skip's name says its reason, e.g. "queue mode (skipped: redis-server not installed)")
		for (const file of results.testResults) {
			for (const test of file.testResults.filter((t) => t.status === 'pending' || t.status === 'todo')) {
				process.stdout.write(`skipped: ${test.fullName} (${require('path').relative(process.cwd(), file.testFilePath)})\n`);
			}
		}
		const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
		if (process.env.PAYSUITE_SUMMARY_FILE) {
			fs.appendFileSync(process.env.PAYSUITE_SUMMARY_FILE, `${results.numPassedTests} ${failed} ${skipped}\n`);
			process.stdout.write(`\n(${results.numPassedTests} passed, ${failed} failed in this jest run)\n`);
			return;
		}
		process.stdout.write(`\njest: ${results.numPassedTests} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`);
	}
}
module.exports = SummaryReporter;
