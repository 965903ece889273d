#!/usr/bin/env bash
# The README's test command (`npm test`): build; run every jest suite through n8n's engine; print the
# reliability and security report (which also scans everything the tests saw for secrets); then the
# end-to-end tests in a real n8n server (installed on first use, cached outside the checkout).
# The last line is the total over both jest runs. PAYSUITE_E2E=0 skips the end-to-end part.
set -uo pipefail
cd "$(dirname "$0")/.."
export PAYSUITE_AUDIT_DIR="$(mktemp -d -t paysuite-audit-XXXXXX)"
export PAYSUITE_SUMMARY_FILE="$PAYSUITE_AUDIT_DIR/summary.txt"
trap 'rm -rf "$PAYSUITE_AUDIT_DIR"' EXIT
status=0
npm run build || exit 1
npx jest "$@" || status=1
node test/security/report.js || status=1
if [ "${PAYSUITE_E2E:-1}" != "0" ]; then
	npx jest --config jest.e2e.config.js || status=1
fi
node -e '
const lines = require("fs").existsSync(process.argv[1]) ? require("fs").readFileSync(process.argv[1], "utf8").trim().split("\n") : [];
let passed = 0, failed = 0, skipped = 0;
for (const line of lines) { const [p, f, s] = line.split(" ").map(Number); passed += p; failed += f; skipped += s; }
console.log(`\ntotal: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
' "$PAYSUITE_SUMMARY_FILE"
exit $status
