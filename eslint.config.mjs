// n8n's own lint (the @n8n/node-cli template: `n8n-node lint`), plus a profile for the code that does not ship.
import { n8nCommunityNodesPlugin } from '@n8n/eslint-plugin-community-nodes';
import { config } from '@n8n/node-cli/eslint';

/** Tests, the simulator and the scripts run on the developer's machine, never inside n8n: Cloud's rules do not apply. */
const notShipped = ['test/**/*.ts', 'simulator/**/*.ts', 'scripts/**/*.ts'];
const cloudRulesOff = Object.fromEntries(
	Object.keys(n8nCommunityNodesPlugin.rules).map((rule) => [`@n8n/community-nodes/${rule}`, 'off']),
);

export default [
	{ ignores: ['.n8n-demo/', '.tools/', 'coverage/'] },
	...config,
	{
		files: notShipped,
		rules: {
			...cloudRulesOff,
			// The scripts and the simulator report on the console; tsc already holds unused names to the `_` convention.
			'no-console': 'off',
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
		},
	},
];
