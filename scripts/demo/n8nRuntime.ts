import { spawn, type ChildProcess } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * A real n8n (installed by scripts/setup-n8n.sh: 2.41 into .n8n-demo/app, 1.123 into .n8n-demo/app-1.123) with this
 * package installed as a community package, in a user folder of its own. Used by the demo and by the end-to-end tests.
 */

/** The repository's root, from the TypeScript sources (tests) or from their build in .n8n-demo/build (demo). */
function findRepo(start: string): string {
	for (let folder = start; folder !== path.dirname(folder); folder = path.dirname(folder)) {
		const manifest = path.join(folder, 'package.json');
		if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'n8n-nodes-alibaba-ccc') {
			return folder;
		}
	}
	throw new Error(`No n8n-nodes-alibaba-ccc package.json above ${start}`);
}

export const REPO = findRepo(__dirname);
export const N8N_BIN = path.join(REPO, '.n8n-demo/app/node_modules/n8n/bin/n8n');

/** An installed n8n: its CLI and the Node that runs it. */
export interface N8nLine {
	readonly version: string;
	readonly bin: string;
	readonly node: string;
}

/** The n8n installed into `folder` (under .n8n-demo), on the Node its setup marker names (the demo's own if none). */
export function n8nLine(folder = 'app'): N8nLine {
	const app = path.join(REPO, '.n8n-demo', folder);
	const { version } = JSON.parse(readFileSync(path.join(app, 'node_modules/n8n/package.json'), 'utf8')) as { version: string };
	const marker = readFileSync(path.join(app, `.installed-${version}`), 'utf8').trim();
	return { version, bin: path.join(app, 'node_modules/n8n/bin/n8n'), node: marker || process.execPath };
}
const DEMO_ENCRYPTION_KEY = 'n8n-nodes-alibaba-ccc-demo-only-key';

export interface N8nInstance {
	readonly userFolder: string;
	readonly env: NodeJS.ProcessEnv;
	/** Which installed n8n runs (default: 2.41 in .n8n-demo/app, on this process's Node). */
	readonly line?: N8nLine;
}

export interface N8nOptions {
	readonly userFolder: string;
	readonly port?: number;
	readonly runnersBrokerPort?: number;
	readonly line?: N8nLine;
}

/** Environment for a local, private n8n: no telemetry, no update checks, loopback only. */
export function n8nInstance({ userFolder, port = 5678, runnersBrokerPort = port + 1, line }: N8nOptions): N8nInstance {
	return {
		userFolder,
		line,
		env: {
			...process.env,
			// n8n starts its task runner with the `node` it finds first.
			...(line ? { PATH: `${path.dirname(line.node)}${path.delimiter}${process.env.PATH ?? ''}` } : {}),
			// Under jest NODE_ENV is "test", which makes n8n behave as in its own unit tests.
			NODE_ENV: 'production',
			N8N_USER_FOLDER: userFolder,
			N8N_ENCRYPTION_KEY: DEMO_ENCRYPTION_KEY,
			N8N_PORT: String(port),
			N8N_HOST: '127.0.0.1',
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			N8N_PROTOCOL: 'http',
			N8N_SECURE_COOKIE: 'false',
			N8N_RUNNERS_BROKER_PORT: String(runnersBrokerPort),
			// No lookups of n8n's servers: offline, each one logs a getaddrinfo ENOTFOUND stack trace. The MCP server
			// registry is fetched at start, the verified community nodes when the editor opens.
			N8N_DIAGNOSTICS_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
			N8N_TEMPLATES_ENABLED: 'false',
			// n8n 1.x has no such module, and refuses to start when it is named.
			...(line?.version.startsWith('1.') ? {} : { N8N_DISABLED_MODULES: 'mcp-registry' }),
			N8N_VERIFIED_PACKAGES_ENABLED: 'false',
			N8N_PERSONALIZATION_ENABLED: 'false',
			// n8n 1.x offers community nodes as AI tools only when this is set; 2.x always does.
			N8N_COMMUNITY_PACKAGES_ALLOW_TOOL_USAGE: 'true',
			N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
			N8N_LOG_LEVEL: process.env.N8N_LOG_LEVEL ?? 'warn',
			DB_SQLITE_POOL_SIZE: '2',
		},
	};
}

/** Packs the built package with `npm pack` into `folder` and returns the tarball's path. */
export function packPackage(folder: string): string {
	execFileSync('npm', ['pack', '--silent', '--pack-destination', folder], { cwd: REPO, stdio: ['ignore', 'ignore', 'inherit'] });
	const tarball = readdirSync(folder).find((name) => name.endsWith('.tgz'));
	if (!tarball) throw new Error(`npm pack left no tarball in ${folder}`);
	return path.join(folder, tarball);
}

/**
 * Installs the package the way a user's n8n gets it: the packed tarball (packed here unless one is given),
 * installed into the user folder's nodes/ without peers, so that `n8n-workflow` resolves to n8n's own copy.
 */
export function installPackage({ userFolder, env }: N8nInstance, tarball?: string): void {
	const nodesFolder = path.join(userFolder, '.n8n/nodes');
	mkdirSync(nodesFolder, { recursive: true });
	const packFolder = tarball ? undefined : mkdtempSync(path.join(tmpdir(), 'ccc-pack-'));
	try {
		writeFileSync(path.join(nodesFolder, 'package.json'), JSON.stringify({ name: 'installed-nodes', private: true }));
		execFileSync(
			'npm',
			// On the Node that runs this n8n, which the package's `engines` must admit.
			['install', '--no-audit', '--no-fund', '--legacy-peer-deps', '--no-package-lock', '--engine-strict', '--loglevel=error', tarball ?? packPackage(packFolder!)],
			{ cwd: nodesFolder, env, stdio: ['ignore', 'ignore', 'inherit'] },
		);
	} finally {
		if (packFolder) rmSync(packFolder, { recursive: true, force: true });
	}
}

export interface CommandResult {
	readonly code: number | null;
	readonly stdout: string;
	readonly stderr: string;
}

/** Runs an n8n CLI command to its end (bounded by `timeoutMs`). */
export function runN8n(instance: N8nInstance, args: readonly string[], timeoutMs = 180_000): Promise<CommandResult> {
	return new Promise((resolve, reject) => {
		const child = spawn(instance.line?.node ?? process.execPath, [instance.line?.bin ?? N8N_BIN, ...args], { env: instance.env, stdio: ['ignore', 'pipe', 'pipe'] });
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
		child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
		const timer = setTimeout(() => {
			child.kill('SIGKILL');
			reject(new Error(`n8n ${args.join(' ')} did not finish within ${timeoutMs} ms`));
		}, timeoutMs);
		child.on('error', reject);
		child.on('close', (code) => {
			clearTimeout(timer);
			resolve({ code, stdout, stderr });
		});
	});
}

export async function runN8nOrFail(instance: N8nInstance, args: readonly string[]): Promise<string> {
	const result = await runN8n(instance, args);
	if (result.code !== 0) {
		throw new Error(`n8n ${args.join(' ')} failed (exit ${result.code}):\n${result.stdout}\n${result.stderr}`);
	}
	return result.stdout;
}

/** Writes `value` as JSON to a temporary file for an `n8n import:*` command and imports it. */
export async function importJson(instance: N8nInstance, kind: 'credentials' | 'workflow', value: unknown): Promise<void> {
	const folder = mkdtempSync(path.join(tmpdir(), 'ccc-import-'));
	try {
		const file = path.join(folder, `${kind}.json`);
		writeFileSync(file, JSON.stringify(value));
		await runN8nOrFail(instance, [`import:${kind}`, `--input=${file}`]);
	} finally {
		rmSync(folder, { recursive: true, force: true });
	}
}

/** The pretty-printed JSON that `n8n execute --rawOutput` logs among its other log lines. */
export function parseRawOutput(stdout: string): unknown {
	const start = stdout.search(/^\{$/m);
	const end = start < 0 ? -1 : stdout.indexOf('\n}', start);
	if (end < 0) throw new Error(`n8n printed no execution JSON:\n${stdout}`);
	return JSON.parse(stdout.slice(start, end + 2));
}

/** Runs a workflow with `n8n execute` and returns its run data (the command logs it at level info). */
export async function executeWorkflow(instance: N8nInstance, workflowId: string): Promise<unknown> {
	const verbose = { ...instance, env: { ...instance.env, N8N_LOG_LEVEL: 'info' } };
	return parseRawOutput(await runN8nOrFail(verbose, ['execute', `--id=${workflowId}`, '--rawOutput']));
}

/** Starts `n8n start` and resolves once it says it is fully ready (bounded by `timeoutMs`). */
export async function startN8nServer(instance: N8nInstance, port: number, timeoutMs = 120_000): Promise<ChildProcess> {
	const child = spawn(instance.line?.node ?? process.execPath, [instance.line?.bin ?? N8N_BIN, 'start'], { env: instance.env, stdio: ['ignore', 'inherit', 'inherit'] });
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) throw new Error(`n8n exited with code ${child.exitCode} while starting`);
		const healthy = await fetch(`http://127.0.0.1:${port}/healthz/readiness`).then((response) => response.ok, () => false);
		if (healthy) return child;
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
	child.kill('SIGKILL');
	throw new Error(`n8n did not answer on port ${port} within ${timeoutMs} ms`);
}

/** Whether n8n has registered a production webhook at `url`: a CORS preflight lists the methods of a registered one. */
export async function webhookRegistered(url: string): Promise<boolean> {
	const preflight = await fetch(url, {
		method: 'OPTIONS',
		headers: { origin: 'http://127.0.0.1', 'access-control-request-method': 'POST' },
		signal: AbortSignal.timeout(2_000),
	}).catch(() => undefined);
	return preflight?.status === 204;
}

/** Waits until `server` serves the webhook at `url`: n8n activates published workflows a moment after it is ready. */
export async function waitForWebhook(server: ChildProcess, url: string, timeoutMs = 60_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!(await webhookRegistered(url))) {
		if (server.exitCode !== null) throw new Error(`n8n exited with code ${server.exitCode} before serving ${url}`);
		if (Date.now() > deadline) throw new Error(`n8n did not serve ${url} within ${timeoutMs} ms`);
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
}
