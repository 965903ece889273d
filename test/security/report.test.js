// The report must be able to fail: planted secrets, accepted forgeries and double movements are caught.
const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

function report(figures, seen, logText) {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'paysuite-report-'));
	if (logText) {
		fs.mkdirSync(path.join(dir, 'paysuite-n8n-x'));
		fs.writeFileSync(path.join(dir, 'paysuite-n8n-x', 'n8n.log'), logText);
	}
	fs.writeFileSync(path.join(dir, 'figures-1.jsonl'), figures.map((f) => JSON.stringify(f)).join('\n'));
	fs.writeFileSync(path.join(dir, 'seen-1.jsonl'), seen.map((s) => JSON.stringify(s)).join('\n'));
	try {
		const output = execFileSync(process.execPath, [path.join(__dirname, 'report.js')], { env: { ...process.env, PAYSUITE_AUDIT_DIR: dir }, encoding: 'utf8' });
		return { code: 0, output };
	} catch (error) {
		return { code: error.status, output: error.stdout };
	} finally {
		fs.rmSync(dir, { recursive: true, force: true });
	}
}

const good = [
	{ category: 'forged', provider: 'p', tried: 3, accepted: 0, executions: 0 },
	{ category: 'faults', provider: 'p', operation: 'o', movements: 1, sent: 1, error: true },
	{ category: 'reads', provider: 'p', recovered: true },
	{ category: 'badInput', provider: 'p', tried: 2, clear: 2, sent: 0 },
	{ category: 'duplicates', provider: 'p', uniqueEvents: 2, deliveries: 10, executions: 2 },
	{ category: 'ledger', provider: 'p', operation: 'o', scenario: 's', intended: 4, movements: 4, falseSuccess: 0, sentAfterHeld: 0 },
];

test.each([
	['a payment moved twice', { movements: 5 }],
	['a success reported without a movement', { falseSuccess: 1 }],
	['an item sent after the ledger held its key', { sentAfterHeld: 1 }],
])('the ledger row fails on %s', (_name, change) => {
	const figures = good.map((f) => (f.category === 'ledger' ? { ...f, ...change } : f));
	const { code, output } = report(figures, []);
	expect(output).toMatch(/2c\. Payment ledger.*FAIL/);
	expect(code).not.toBe(0);
});

test('a clean run passes', () => {
	const { code, output } = report(good, [{ kind: 'item', value: { ok: true } }]);
	expect(output).toMatch(/hits 0/);
	expect(code).toBe(0);
});

test('a planted secret in an n8n log of the run fails the report', () => {
	const { code, output } = report(good, [], 'info something sandbox_api_password leaked');
	expect(output).toMatch(/hits 1/);
	expect(code).toBe(1);
});

test('a planted secret in an output item fails the report', () => {
	const { code, output } = report(good, [{ kind: 'item', value: { leaked: 'x sandbox_api_password y' } }]);
	expect(output).toMatch(/hits 1/);
	expect(code).toBe(1);
});

test.each([
	['an accepted forgery', { category: 'forged', provider: 'p', tried: 1, accepted: 1, executions: 0 }],
	['a double movement', { category: 'faults', provider: 'p', operation: 'o', movements: 2, sent: 1, error: false }],
	['a re-sent money call', { category: 'faults', provider: 'p', operation: 'o', movements: 1, sent: 2, error: true }],
	['an unclear bad-input error', { category: 'badInput', provider: 'p', tried: 2, clear: 1, sent: 0 }],
	['a duplicate execution', { category: 'duplicates', provider: 'p', uniqueEvents: 1, deliveries: 5, executions: 2 }],
])('%s fails the report', (_name, figure) => {
	expect(report([...good, figure], []).code).toBe(1);
});
