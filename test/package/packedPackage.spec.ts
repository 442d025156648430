/**
 * The package as npm publishes it (`npm pack` of the built dist/), checked the way n8n checks a community package
 * for verification and for n8n Cloud. Needs `npm run build` first (the test command runs it).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { type ESLint, Linter } from 'eslint';

const root = path.resolve(__dirname, '../..');

/** What n8n Cloud lets shipped code import (the allowlist of @n8n/eslint-plugin-community-nodes) that we use. */
const ALLOWED_IMPORTS = ['n8n-workflow', 'node:crypto'];

function filesUnder(folder: string): string[] {
	return readdirSync(folder).flatMap((name) => {
		const full = path.join(folder, name);
		return statSync(full).isDirectory() ? filesUnder(full) : [full];
	});
}

/** eslint-plugin-n8n-nodes-base takes every file for a test fixture (and a trigger node) under NODE_ENV=test. */
const { NODE_ENV: _jestSetsIt, ...envOutsideJest } = process.env;

const runNode = (script: string, args: string[]) =>
	execFileSync(process.execPath, [path.join(__dirname, script), ...args], {
		cwd: tmpdir(),
		env: envOutsideJest,
		encoding: 'utf8',
		maxBuffer: 16 * 1024 * 1024,
		timeout: 240_000,
	});

/** Every `require(…)` and `import(…)` in a JavaScript file, read by ESLint's parser (comments and strings aside). */
function modulesAskedFor(code: string): string[] {
	const asked: string[] = [];
	const specifier = (node: { type: string; value?: unknown } | undefined) =>
		node?.type === 'Literal' && typeof node.value === 'string' ? node.value : '<computed>';
	const probe: ESLint.Plugin = {
		rules: {
			modules: {
				create: () => ({
					CallExpression(node) {
						if (node.callee.type === 'Identifier' && node.callee.name === 'require') asked.push(specifier(node.arguments[0]));
					},
					ImportExpression(node) {
						asked.push(specifier(node.source));
					},
				}),
			},
		},
	};
	const messages = new Linter().verify(code, {
		languageOptions: { ecmaVersion: 'latest', sourceType: 'commonjs' },
		plugins: { probe },
		rules: { 'probe/modules': 'error' },
	});
	expect(messages.filter((message) => message.fatal)).toEqual([]);
	return asked;
}

interface ScanLeg {
	readonly passed: boolean;
	readonly message?: string;
	readonly details?: string;
}

describe('the packed package', () => {
	let work: string;
	let unpacked: string;
	let shippedJs: string[];

	beforeAll(() => {
		work = mkdtempSync(path.join(tmpdir(), 'ccc-packed-'));
		const tarball = execFileSync('npm', ['pack', '--silent', '--pack-destination', work], { cwd: root, encoding: 'utf8' }).trim();
		unpacked = path.join(work, 'package');
		mkdirSync(unpacked);
		execFileSync('tar', ['-xzf', path.join(work, tarball), '-C', unpacked, '--strip-components=1']);
		shippedJs = filesUnder(unpacked).filter((file) => file.endsWith('.js'));
	});

	afterAll(() => rmSync(work, { recursive: true, force: true }));

	it("passes n8n's community-package scan, on the repository's sources and on the tarball", () => {
		const scan = JSON.parse(runNode('scanPackage.mjs', [root, unpacked])) as Record<'source' | 'tarball', ScanLeg>;
		// The findings themselves, so that a failure says what to fix.
		expect(scan.source.details ?? scan.source.message ?? '').toBe('');
		expect(scan.tarball.details ?? scan.tarball.message ?? '').toBe('');
		expect([scan.source.passed, scan.tarball.passed]).toEqual([true, true]);
	}, 300_000);

	it('keeps test code out of nodes/ and credentials/, which the scanner lints as shipped code', () => {
		const sources = ['nodes', 'credentials'].flatMap((folder) => filesUnder(path.join(root, folder)));
		expect(sources.length).toBeGreaterThan(0);
		expect(sources.filter((file) => /\.(spec|test)\.[cm]?[jt]s$|__tests__|__mocks__/.test(file))).toEqual([]);
	});

	it('declares no runtime dependencies, and n8n-workflow as its only peer', () => {
		const manifest = JSON.parse(readFileSync(path.join(unpacked, 'package.json'), 'utf8'));
		expect(manifest.dependencies ?? {}).toEqual({});
		expect(manifest.peerDependencies).toEqual({ 'n8n-workflow': '*' });
		expect(manifest.main).toBeUndefined();
	});

	it('asks for nothing but n8n-workflow, node:crypto and its own files in its shipped code', () => {
		const asked = shippedJs.flatMap((file) => modulesAskedFor(readFileSync(file, 'utf8')).map((spec) => ({ file, spec })));
		expect(asked.length).toBeGreaterThan(0);
		const [own, modules] = [asked.filter(({ spec }) => spec.startsWith('.')), asked.filter(({ spec }) => !spec.startsWith('.'))];
		expect(modules.filter(({ spec }) => !ALLOWED_IMPORTS.includes(spec)).map(({ file, spec }) => `${path.relative(unpacked, file)}: ${spec}`)).toEqual([]);
		// The vendored libraries: one shipped copy, which every entry point asks for by its path.
		const ownTargets = own.map(({ file, spec }) => path.relative(unpacked, path.resolve(path.dirname(file), spec)));
		expect(ownTargets.filter((target) => !shippedJs.includes(path.join(unpacked, target)))).toEqual([]);
		expect([...new Set(ownTargets)]).toEqual(['dist/vendor/fast-xml-parser.js']);
	});

	it('loads every node and credential from its own files, resolving only n8n-workflow and node:crypto', () => {
		const n8nWorkflow = require.resolve('n8n-workflow', { paths: [root] });
		const loaded = JSON.parse(runNode('loadPackage.cjs', [unpacked, n8nWorkflow])) as { types: string[]; requested: string[] };
		expect(loaded.types.sort()).toEqual([
			'alibabaCloudCccApi',
			'cccAgentStateTrigger',
			'cccListDevices',
			'cccListRealtimeAgentStates',
			'cccReadyForService',
			'cccSignInGroup',
			'cccSignOutGroup',
			'cccTakeBreak',
		]);
		expect(loaded.requested).toEqual(ALLOWED_IMPORTS);
	});

	it('bundles no code of the simulator or the tests, and ships the licence of every package it bundles', () => {
		// esbuild marks where each bundled file starts with a comment naming it.
		const bundled = new Set(
			shippedJs.flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/^\/\/ (\S+\.[cm]?[jt]s)$/gm)].map((match) => match[1])),
		);
		expect([...bundled].filter((file) => /^(simulator|test|scripts)\//.test(file))).toEqual([]);
		const packages = new Set([...bundled].flatMap((file) => /^node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(file)?.[1] ?? []));
		expect(packages).toContain('fast-xml-parser');
		const notices = readFileSync(path.join(unpacked, 'dist/THIRD-PARTY-NOTICES.md'), 'utf8');
		const noticed = [...notices.matchAll(/^## (\S+) /gm)].map((match) => match[1]);
		expect(noticed.sort()).toEqual([...packages].sort());
	});
});
