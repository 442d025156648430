// Loads every node and credential of an unpacked package the way n8n does (a require of each file its package.json
// `n8n` section lists), and prints every module the package's own files asked for. Run it on a folder without
// node_modules: whatever the package did not bundle fails to load. `n8n-workflow` comes from n8n, as in n8n.
const Module = require('node:module');
const path = require('node:path');

const [packageDir, n8nWorkflowPath] = process.argv.slice(2);
const requested = new Set();
const { require: requireFrom } = Module.prototype;
Module.prototype.require = function (request) {
	const fromPackage = this.filename?.startsWith(packageDir + path.sep) && !request.startsWith('.');
	if (fromPackage) requested.add(request);
	return requireFrom.call(this, fromPackage && request === 'n8n-workflow' ? n8nWorkflowPath : request);
};

const { n8n } = require(path.join(packageDir, 'package.json'));
const types = [...n8n.nodes, ...n8n.credentials].flatMap((file) =>
	Object.values(require(path.join(packageDir, file))).map((Type) => {
		const instance = new Type();
		return instance.description?.name ?? instance.name;
	}),
);
process.stdout.write(JSON.stringify({ types, requested: [...requested].sort() }));
