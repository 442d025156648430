/** The shared settings of both projects: n8n's HTTP Request node (loaded from the installed n8n) and the package run
 * on the n8n-workflow and n8n-core that `modules` holds. */
const project = (displayName, modules, testMatch) => ({
	displayName,
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch,
	setupFiles: ['<rootDir>/test/setup/quietN8nLogs.ts'],
	// Type errors are caught by `tsc --noEmit` in the test command; ts-jest only transpiles.
	transform: { '^.+\\.ts$': 'ts-jest' },
	moduleNameMapper: { '^n8n-workflow$': `${modules}/n8n-workflow`, '^n8n-core$': `${modules}/n8n-core` },
});

/** @type {import('jest').Config} */
module.exports = {
	testTimeout: 30000,
	projects: [
		project('n8n 2.41', '<rootDir>/node_modules', ['**/*.spec.ts']),
		// The tests of test/lines again, in the n8n 1.123 that scripts/setup-n8n.sh installs beside 2.41.
		project('n8n 1.123', '<rootDir>/.n8n-demo/app-1.123/node_modules', ['<rootDir>/test/lines/**/*.spec.ts']),
	],
};
