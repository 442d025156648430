#!/usr/bin/env bash
# Refreshes the pictures of the README and docs/ (docs/screenshots/) by running the editor test in a real n8n and
# Chromium; the test command itself writes its pictures to the ignored .n8n-demo/screenshots/ instead.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/node-env.sh
[ -d node_modules ] || npm ci --no-audit --no-fund
npm run build
bash scripts/setup-n8n.sh
bash scripts/ensure-debian-packages.sh chromium
CCC_SCREENSHOTS_DIR=docs/screenshots jest test/e2e/editor.spec.ts
