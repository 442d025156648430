/** @type {import('jest').Config} */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.spec.ts'],
	setupFiles: ['<rootDir>/test/setup/quietN8nLogs.ts'],
	// Type errors are caught by `tsc --noEmit` in the test command; ts-jest only transpiles.
	transform: { '^.+\\.ts$': 'ts-jest' },
	testTimeout: 30000,
};
