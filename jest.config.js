/** @type {import('jest').Config} */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.spec.ts'],
	setupFiles: ['<rootDir>/test/setup/quietN8nLogs.ts'],
	// Type errors are caught by `tsc --noEmit` in the test command; ts-jest only transpiles.
	transform: { '^.+\\.ts$': 'ts-jest' },
	// n8n's HTTP Request node, loaded from the installed n8n, runs on this project's n8n-workflow and n8n-core.
	moduleNameMapper: { '^n8n-workflow$': '<rootDir>/node_modules/n8n-workflow', '^n8n-core$': '<rootDir>/node_modules/n8n-core' },
	testTimeout: 30000,
};
