'use strict';
// Records what the tests saw, for the reliability and security report printed after the run
// (test/security/report.js): every output item, error and webhook answer, and the suite's figures.
const fs = require('fs');
const os = require('os');
const path = require('path');

const AUDIT_DIR = process.env.PAYSUITE_AUDIT_DIR || path.join(os.tmpdir(), 'paysuite-audit');
fs.mkdirSync(AUDIT_DIR, { recursive: true });
const file = (name) => path.join(AUDIT_DIR, `${name}-${process.pid}.jsonl`);

function safeStringify(value) {
	const seen = new WeakSet();
	return JSON.stringify(value, (key, entry) => {
		if (entry instanceof Error) return { name: entry.name, message: entry.message, description: entry.description, context: entry.context };
		if (entry && typeof entry === 'object') {
			if (seen.has(entry)) return undefined;
			seen.add(entry);
		}
		if (typeof entry === 'bigint') return String(entry);
		return entry;
	});
}

/** Something a user could see: output items, error messages and descriptions, webhook answers. */
function seen(kind, value) {
	try {
		fs.appendFileSync(file('seen'), `${safeStringify({ kind, value })}\n`);
	} catch {}
}

/** A figure for the report: { category, provider, ...counts }. */
function record(figure) {
	fs.appendFileSync(file('figures'), `${JSON.stringify(figure)}\n`);
}

function readAll(name) {
	if (!fs.existsSync(AUDIT_DIR)) return [];
	return fs
		.readdirSync(AUDIT_DIR)
		.filter((entry) => entry.startsWith(`${name}-`))
		.flatMap((entry) => fs.readFileSync(path.join(AUDIT_DIR, entry), 'utf8').split('\n').filter(Boolean))
		.map((line) => JSON.parse(line));
}

module.exports = { AUDIT_DIR, seen, record, readAll };
