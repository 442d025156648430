#!/usr/bin/env bash
# The README's test command: lint, type-check (tests included) and the whole jest suite.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/node-env.sh
[ -d node_modules ] || npm ci --no-audit --no-fund
eslint nodes credentials package.json
tsc -p tsconfig.json --noEmit
# The package tests load the built dist/ the way n8n does.
npm run build
jest "$@"
