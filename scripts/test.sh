#!/usr/bin/env bash
# The README's test command (`npm test`): build, run every jest suite through n8n's engine, then print the
# reliability and security report (which also scans everything the tests saw for secrets).
set -euo pipefail
cd "$(dirname "$0")/.."
export PAYSUITE_AUDIT_DIR="$(mktemp -d -t paysuite-audit-XXXXXX)"
trap 'rm -rf "$PAYSUITE_AUDIT_DIR"' EXIT
npm run build
npx jest "$@"
node test/security/report.js
