// The lint profile of the code that does not ship (test/, simulator/, scripts/): n8n's template configuration
// without n8n Cloud's rules. Each of those folders has an eslint.config.mjs that is this profile; ESLint finds it
// through `ESLINT_FLAGS=unstable_config_lookup_from_file` (set by `npm run lint`), so the root eslint.config.mjs
// stays the template's default, as n8n's strict mode and Cloud verification require.
import { n8nCommunityNodesPlugin } from '@n8n/eslint-plugin-community-nodes';
import { config } from '@n8n/node-cli/eslint';

const cloudRulesOff = Object.fromEntries(
	Object.keys(n8nCommunityNodesPlugin.rules).map((rule) => [`@n8n/community-nodes/${rule}`, 'off']),
);

export const devProfile = [
	...config,
	{
		files: ['**/*.ts'],
		rules: {
			...cloudRulesOff,
			// The scripts and the simulator report on the console; tsc already holds unused names to the `_` convention.
			'no-console': 'off',
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
		},
	},
];
