/**
 * n8n Cloud eligibility by n8n's own tool (`n8n-node cloud-support`, strict mode), and `npm run lint` still linting
 * the code that does not ship. Every run works in a temporary copy of the repository, never in the working tree.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');

/** eslint-plugin-n8n-nodes-base takes every file for a test fixture under NODE_ENV=test; colours would split words. */
const { NODE_ENV: _jestSetsIt, ...envOutsideJest } = process.env;
const env = { ...envOutsideJest, NO_COLOR: '1', FORCE_COLOR: '0', CI: 'true' };

/** The repository's files as they are in the working tree (committed or not, git-ignored ones left out). */
function copyOfRepository(): string {
	const copy = mkdtempSync(path.join(tmpdir(), 'ccc-lint-'));
	const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: root, encoding: 'utf8' })
		.split('\0')
		.filter((file) => file && existsSync(path.join(root, file)));
	for (const file of files) {
		mkdirSync(path.dirname(path.join(copy, file)), { recursive: true });
		cpSync(path.join(root, file), path.join(copy, file));
	}
	symlinkSync(path.join(root, 'node_modules'), path.join(copy, 'node_modules'));
	return copy;
}

function run(cwd: string, command: string, args: string[]) {
	const result = spawnSync(command, args, { cwd, env, encoding: 'utf8', input: '', timeout: 300_000, maxBuffer: 16 * 1024 * 1024 });
	return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

const lint = (cwd: string) => run(cwd, 'npm', ['run', 'lint']);

describe('n8n Cloud eligibility and the lint of every folder', () => {
	// Each lint is a full `n8n-node lint` of the copy: tens of seconds on a loaded machine.
	jest.setTimeout(300_000);

	let copy: string;

	beforeEach(() => {
		copy = copyOfRepository();
	});

	afterEach(() => {
		rmSync(copy, { recursive: true, force: true });
	});

	it('is eligible by `n8n-node cloud-support`, and `npm run lint` passes strict mode and every folder', () => {
		const verdict = run(copy, path.join(root, 'node_modules/.bin/n8n-node'), ['cloud-support']);
		expect(verdict.output).toContain('Strict mode: enabled');
		expect(verdict.output).toContain('ESLint config: using default config');
		expect(verdict.output).toContain('Status: eligible for n8n Cloud verification');

		const clean = lint(copy);
		expect(clean.output).not.toContain('Strict mode violation');
		expect(clean.status).toBe(0);
	});

	it('fails on an n8n Cloud violation planted in nodes/', () => {
		appendFileSync(path.join(copy, 'nodes/AlibabaCloudCcc/auth/endpoint.ts'), '\nexport const planted = setTimeout;\n');
		const result = lint(copy);
		expect(result.status).not.toBe(0);
		expect(result.output).toContain('@n8n/community-nodes/no-restricted-globals');
		expect(result.output).toContain('n8n Cloud compatibility issues detected');
	});

	it('fails on an error planted in test/, found by the profile of the code that does not ship', () => {
		// A timer is fine in a test (Cloud's rules are off there); an unused name is not.
		writeFileSync(path.join(copy, 'test/planted.ts'), 'export const waits = setTimeout;\nconst unusedAndPlanted = 1;\n');
		const result = lint(copy);
		expect(result.status).not.toBe(0);
		expect(result.output).toContain('test/planted.ts');
		expect(result.output).toContain('@typescript-eslint/no-unused-vars');
		expect(result.output).not.toContain('no-restricted-globals');
	});

	it('refuses, in strict mode, a root eslint.config.mjs changed from the template', () => {
		appendFileSync(path.join(copy, 'eslint.config.mjs'), "\nexport const extra = { ignores: ['test/'] };\n");
		const result = lint(copy);
		expect(result.status).not.toBe(0);
		expect(result.output).toContain('Strict mode violation');
	});
});
