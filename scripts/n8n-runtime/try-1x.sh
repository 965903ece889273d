#!/usr/bin/env bash
# Runs the end-to-end suite in n8n 1.123 (the last 1.x) on the machine's Node 20, to know where the package
# stands there. Manual, not part of CI: installs a second n8n (about 1.8 GB) into the cache on first use.
# n8n 1.x on Node 20 needs N8N_EXPRESSION_ENGINE=legacy (set by scripts/n8n-runtime/instance.js for v1).
set -euo pipefail
cd "$(dirname "$0")/../.."
npm run build --silent
node scripts/n8n-runtime/ensure.js --variant v1
PAYSUITE_N8N_VARIANT=v1 npx jest --config jest.e2e.config.js "$@"
