#!/usr/bin/env node
'use strict';
// After the whole test run: prints the reliability and security table from the figures the suite recorded,
// and scans everything the tests saw (output items, errors, webhook answers, n8n's log) for secrets.
// Exits non-zero when a figure is off.
const fs = require('fs');
const path = require('path');
const { readAll, AUDIT_DIR } = require('../harness/audit');

const figures = readAll('figures');
const seen = readAll('seen');
let failed = false;
const rows = [];
const add = (check, figure, ok) => {
	rows.push([check, figure, ok ? 'ok' : 'FAIL']);
	if (!ok) failed = true;
};

const sum = (list, key) => list.reduce((total, entry) => total + (entry[key] || 0), 0);
const providersIn = (list) => [...new Set(list.map((f) => f.provider))].join(', ');

const forged = figures.filter((f) => f.category === 'forged');
add('1. Forged webhooks', `tried ${sum(forged, 'tried')}, accepted ${sum(forged, 'accepted')}, executions started ${sum(forged, 'executions')} (${forged.length} triggers: ${providersIn(forged)})`, forged.length > 0 && sum(forged, 'accepted') === 0);

const faults = figures.filter((f) => f.category === 'faults');
const maxMovements = Math.max(0, ...faults.map((f) => f.movements));
const unclear = faults.filter((f) => f.movements === 0 && !f.error).length;
add('2. Faults on money moves', `${faults.length} fault runs over ${new Set(faults.map((f) => `${f.provider}/${f.operation}`)).size} operations: movements per intended one ≤ ${maxMovements} (0: ${faults.filter((f) => f.movements === 0).length}, 1: ${faults.filter((f) => f.movements === 1).length}), re-sent 0, runs with no money moved and no error ${unclear}`, faults.length > 0 && maxMovements <= 1 && unclear === 0 && faults.every((f) => f.sent === 1));
const ledger = figures.filter((f) => f.category === 'ledger');
const ledgerOps = new Set(ledger.map((f) => `${f.provider}/${f.operation}`));
const worstRatio = Math.max(0, ...ledger.map((f) => (f.intended ? f.movements / f.intended : 0)));
add('2c. Payment ledger (re-runs, Retry On Fail, same input twice, two at once, lost answer, empty/{} 200, slow drip)', `${ledger.length} scenario runs over ${ledgerOps.size} money moves (${providersIn(ledger)}): movements per intended movement ≤ ${worstRatio.toFixed(2)}, successes reported without a movement ${sum(ledger, 'falseSuccess')}, items sent after the ledger held their key ${sum(ledger, 'sentAfterHeld')}`, ledger.length > 0 && worstRatio <= 1 && sum(ledger, 'falseSuccess') === 0 && sum(ledger, 'sentAfterHeld') === 0);
const amplification = figures.filter((f) => f.category === 'amplification');
if (amplification.length) {
	const worst = Math.max(...amplification.map((f) => f.calls));
	add('1b. Provider calls caused by one forged request (lookup budget: 3)', `${amplification.length} forged requests (${providersIn(amplification)}): at most ${worst} authenticated calls each`, worst <= 3);
}
const reads = figures.filter((f) => f.category === 'reads');
add('2b. Reads under faults', `${reads.filter((r) => r.recovered).length} of ${reads.length} recovered by retry`, reads.length > 0 && reads.every((r) => r.recovered));

const bad = figures.filter((f) => f.category === 'badInput');
add('3. Bad input', `cases ${sum(bad, 'tried')}, clear NodeOperationError naming field and item ${sum(bad, 'clear')}, requests sent ${sum(bad, 'sent')} (${providersIn(bad)})`, bad.length > 0 && sum(bad, 'tried') === sum(bad, 'clear') && sum(bad, 'sent') === 0);

// 4. Secrets: every provider case file lists its secrets; card numbers must never appear unmasked.
const casesDir = path.join(__dirname, 'cases');
const secrets = new Set();
for (const file of fs.readdirSync(casesDir).filter((f) => f.endsWith('.js'))) {
	const cases = require(path.join(casesDir, file));
	for (const secret of (cases.secrets ? cases.secrets() : [])) if (secret && secret.length >= 4) secrets.add(secret);
}
// n8n's logs of this run: the harness puts each test process's n8n user folder inside the audit folder
const logFiles = fs.existsSync(AUDIT_DIR)
	? fs
			.readdirSync(AUDIT_DIR)
			.filter((entry) => entry.startsWith('paysuite-n8n-'))
			.map((entry) => path.join(AUDIT_DIR, entry, 'n8n.log'))
			.filter((log) => fs.existsSync(log))
	: [];
const texts = [...seen.map((entry) => ({ where: entry.kind, text: JSON.stringify(entry.value) }))];
let logLines = 0;
for (const log of logFiles) {
	for (const line of fs.readFileSync(log, 'utf8').split('\n')) {
		logLines++;
		texts.push({ where: 'log', text: line });
	}
}
const hits = [];
for (const { where, text } of texts) {
	for (const secret of secrets) if (text.includes(secret)) hits.push(`${where}: ${secret.slice(0, 4)}…`);
}
const byKind = (kind) => seen.filter((entry) => entry.kind === kind).length;
add('4. Secrets', `scanned ${byKind('item')} output items, ${byKind('error')} errors, ${byKind('webhook-response')} webhook answers, ${logLines} log lines for ${secrets.size} secrets: hits ${hits.length}`, hits.length === 0 && secrets.size > 0);

const dups = figures.filter((f) => f.category === 'duplicates');
add('5. Duplicate delivery', `${sum(dups, 'deliveries')} deliveries of ${sum(dups, 'uniqueEvents')} unique events: ${sum(dups, 'executions')} executions (${(sum(dups, 'executions') / Math.max(1, sum(dups, 'uniqueEvents'))).toFixed(2)} per event)`, dups.length > 0 && sum(dups, 'executions') === sum(dups, 'uniqueEvents'));

const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i].length), 6));
console.log('\nReliability and security (figures from this run):');
for (const r of rows) console.log(`| ${r.map((cell, i) => cell.padEnd(widths[i])).join(' | ')} |`);
if (hits.length) console.log(`Secret hits:\n  ${[...new Set(hits)].slice(0, 20).join('\n  ')}`);
console.log(`(audit data: ${AUDIT_DIR})`);
process.exit(failed ? 1 : 0);
