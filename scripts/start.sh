#!/usr/bin/env bash
# The README's first command: installs everything on a fresh machine and builds the package.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/node-env.sh
echo "Using Node $(node --version), npm $(npm --version)"
npm ci --no-audit --no-fund
npm run build
