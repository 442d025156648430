#!/usr/bin/env bash
# Installs the pinned n8n into the git-ignored .n8n-demo/app (once; later runs reuse it).
# A plain install runs a Kafka client's script that downloads from the internet, so scripts are skipped and only
# the two native modules n8n needs are rebuilt, against the Node 24 headers (npm_config_nodedir). The rebuild must
# run their build scripts even under `npm run`/`npm test`, which hand this project's .npmrc (ignore-scripts) down to
# every npm they start.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/node-env.sh
N8N_VERSION=2.41.1
app=.n8n-demo/app
marker="$app/.installed-$N8N_VERSION"
[ -f "$marker" ] && exit 0
echo "Installing n8n $N8N_VERSION into $app (a few minutes, once)"
rm -rf "$app"
mkdir -p "$app"
echo '{ "name": "n8n-demo-runtime", "private": true }' > "$app/package.json"
(cd "$app" && npm install --no-audit --no-fund --loglevel=error --ignore-scripts "n8n@$N8N_VERSION" && npm rebuild --ignore-scripts=false --loglevel=error sqlite3 isolated-vm)
touch "$marker"
