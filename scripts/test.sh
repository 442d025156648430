#!/usr/bin/env bash
# The README's test command: lint, type-check (tests included), build, and the whole jest suite, end-to-end tests in
# a real n8n and the editor test in Chromium included.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/node-env.sh
[ -d node_modules ] || npm ci --no-audit --no-fund
# n8n's own lint (`n8n-node lint` in strict mode): shipped code by n8n Cloud's rules, test/, simulator/ and scripts/
# by their own eslint.config.mjs (eslint.dev.mjs), which the lint script's ESLINT_FLAGS makes ESLint look up.
npm run lint </dev/null
tsc -p tsconfig.json --noEmit
# The package tests load the built dist/ the way n8n does; the end-to-end tests need the real n8n.
npm run build
# Both n8n lines: the end-to-end and engine tests of n8n 1.123 run beside those of 2.41.
bash scripts/setup-n8n.sh --n8n-1
# Chromium for the editor test; Redis and PostgreSQL for the queue-mode test.
bash scripts/ensure-debian-packages.sh chromium redis-server postgresql
results=$(mktemp)
status=0
# --forceExit: n8n-core 1.x, loaded by the "n8n 1.123" project, leaves a handle open after its tests pass, so
# jest would wait for it forever.
jest --json --outputFile="$results" --forceExit "$@" || status=$?
# A closing line any CI reads, whatever the test runner.
node -e 'const r = JSON.parse(require("node:fs").readFileSync(process.argv[1], "utf8")); console.log(`jest: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests} skipped`)' "$results"
rm -f "$results"
exit "$status"
