#!/usr/bin/env bash
# The README's first command: sets everything up on a fresh machine, then runs the main job, a real n8n with this
# package against the bundled CCC simulator. With --headless (npm run demo) it executes the example workflow once,
# prints the result and exits.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/node-env.sh
echo "Using Node $(node --version), npm $(npm --version)"
# npm ci starts from scratch; skip it when node_modules already matches the lock file.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
	npm ci --no-audit --no-fund
fi
npm run build
tsc -p tsconfig.tools.json
bash scripts/setup-n8n.sh
exec node .n8n-demo/build/scripts/demo/demo.js "$@"
