import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chownSync, closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { importJson, installPackage, N8N_BIN, n8nInstance, packPackage, runN8nOrFail, webhookRegistered, type N8nInstance } from './n8nRuntime';

/**
 * n8n in queue mode on one machine, everything on 127.0.0.1: a PostgreSQL (the shared database) and a Redis (the
 * job queue) of its own, a main instance that receives webhooks, and workers that execute, each n8n process with
 * its own user folder and this package installed there. Debian's packages provide the servers
 * (scripts/ensure-debian-packages.sh installs them). Every process is started here and stopped here, by PID.
 */

export interface QueueClusterPorts {
	readonly postgres: number;
	readonly redis: number;
	/** The main instance's HTTP port (editor, REST API, webhooks); its task runner broker takes the next one. */
	readonly main: number;
	/** Worker i (from 0) answers health checks on `workers + 2i` and runs its task runner broker on the next. */
	readonly workers: number;
}

export interface QueueClusterOptions {
	readonly ports: QueueClusterPorts;
	readonly workerCount: number;
	/** How many executions each worker runs at once (n8n's `worker --concurrency`). */
	readonly workerConcurrency: number;
	/** Credentials and workflows imported (and published) before the processes start: n8n reads them at start. */
	readonly credentials: readonly unknown[];
	readonly workflows: ReadonlyArray<{ readonly id: string }>;
	/** n8n's log level in every n8n process (at level info a worker's log says which executions it ran). */
	readonly logLevel?: string;
}

export interface QueueProcess {
	readonly name: string;
	readonly child: ChildProcess;
	/** The file that holds the process's stdout and stderr. */
	readonly log: string;
}

export interface QueueCluster {
	readonly main: QueueProcess & { readonly instance: N8nInstance };
	readonly workers: readonly QueueProcess[];
	/** All processes the cluster started, servers included. */
	readonly processes: readonly QueueProcess[];
	readonly webhookUrl: (path: string) => string;
	/** Resolves once main serves the production webhook `path` (it activates workflows after it reports ready). */
	readonly webhookRegistered: (path: string) => Promise<void>;
	readonly logOf: (started: QueueProcess) => string;
	/** The IDs of the executions a worker's log says it started. */
	readonly executionsRunBy: (worker: QueueProcess) => string[];
	readonly stop: () => Promise<void>;
}

const DB = { user: 'n8n', password: 'n8n', database: 'postgres' } as const;
const SERVER_START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 20_000;
const N8N_START_TIMEOUT_MS = 180_000;

/** Debian installs PostgreSQL's programs under /usr/lib/postgresql/<major>/bin; the newest major wins. */
function postgresBin(program: string): string {
	const root = '/usr/lib/postgresql';
	const majors = existsSync(root) ? readdirSync(root).filter((name) => /^\d+$/.test(name)).sort((a, b) => Number(b) - Number(a)) : [];
	if (majors.length === 0) throw new Error('PostgreSQL is not installed: run scripts/ensure-debian-packages.sh redis-server postgresql');
	return path.join(root, majors[0], 'bin', program);
}

/** PostgreSQL refuses to run as root: as root, its programs run as the `postgres` user Debian's package creates. */
function postgresUser(): { uid: number; gid: number } | undefined {
	if (process.getuid?.() !== 0) return undefined;
	const line = readFileSync('/etc/passwd', 'utf8').split('\n').find((entry) => entry.startsWith('postgres:'));
	if (!line) throw new Error('No postgres user: run scripts/ensure-debian-packages.sh redis-server postgresql');
	const [, , uid, gid] = line.split(':');
	return { uid: Number(uid), gid: Number(gid) };
}

async function waitFor(what: string, child: ChildProcess, ready: () => Promise<boolean>, timeoutMs = SERVER_START_TIMEOUT_MS): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (child.exitCode !== null || child.signalCode !== null) throw new Error(`${what} exited (${child.exitCode ?? child.signalCode}) while starting`);
		if (await ready()) return;
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
	throw new Error(`${what} was not ready within ${timeoutMs} ms`);
}

/** Whether a Redis answers PING on `port`. */
function redisAnswers(port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const socket = connect(port, '127.0.0.1', () => socket.write('PING\r\n'));
		socket.setTimeout(1_000, () => socket.destroy());
		socket.on('data', (data) => {
			resolve(data.toString().startsWith('+PONG'));
			socket.destroy();
		});
		socket.on('error', () => resolve(false));
		socket.on('close', () => resolve(false));
	});
}

/** Sends `signal` to a process started here and to its process group, then waits for it to exit. */
async function stopProcess({ child }: QueueProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
	if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
	const exited = new Promise((resolve) => child.once('exit', resolve));
	const send = (sig: NodeJS.Signals) => {
		try {
			process.kill(-child.pid!, sig);
		} catch {
			child.kill(sig);
		}
	};
	send(signal);
	const timer = setTimeout(() => send('SIGKILL'), STOP_TIMEOUT_MS);
	await exited;
	clearTimeout(timer);
}

export async function startQueueCluster(options: QueueClusterOptions): Promise<QueueCluster> {
	const { ports } = options;
	const folder = mkdtempSync(path.join(tmpdir(), 'ccc-queue-'));
	const processes: QueueProcess[] = [];
	const folders = [folder];
	const spawnLogged = (name: string, command: string, args: readonly string[], extra: { uid?: number; gid?: number; cwd?: string; env?: NodeJS.ProcessEnv } = {}): QueueProcess => {
		const log = path.join(folder, `${name}.log`);
		const fd = openSync(log, 'a');
		const child = spawn(command, args, { stdio: ['ignore', fd, fd], detached: true, ...extra });
		closeSync(fd);
		const started = { name, child, log };
		processes.push(started);
		return started;
	};
	const stop = async () => {
		// n8n first (it holds connections to both servers), then the servers.
		for (const started of [...processes].reverse()) await stopProcess(started);
		for (const each of folders) rmSync(each, { recursive: true, force: true });
	};

	try {
		// PostgreSQL: a data folder its user owns, outside root's private temporary folder.
		const owner = postgresUser();
		const pgFolder = mkdtempSync(path.join(tmpdir(), 'ccc-queue-pg-'));
		folders.push(pgFolder);
		if (owner) chownSync(pgFolder, owner.uid, owner.gid);
		const data = path.join(pgFolder, 'data');
		// Its user may not enter the current folder (a clone under /root): it runs from its own.
		execFileSync(postgresBin('initdb'), ['-D', data, '-U', DB.user, '-A', 'trust', '--no-sync', '-E', 'UTF8'], {
			stdio: ['ignore', 'ignore', 'inherit'],
			cwd: pgFolder,
			...owner,
		});
		const postgres = spawnLogged(
			'postgres',
			postgresBin('postgres'),
			['-D', data, '-h', '127.0.0.1', '-p', String(ports.postgres), '-k', pgFolder, '-c', 'fsync=off', '-c', 'shared_buffers=32MB'],
			{ cwd: pgFolder, ...owner },
		);
		const isReady = postgresBin('pg_isready');
		await waitFor('PostgreSQL', postgres.child, async () => {
			try {
				execFileSync(isReady, ['-q', '-h', '127.0.0.1', '-p', String(ports.postgres), '-U', DB.user, '-d', DB.database], { stdio: 'ignore' });
				return true;
			} catch {
				return false;
			}
		});

		const redis = spawnLogged('redis', '/usr/bin/redis-server', [
			'--bind', '127.0.0.1', '--port', String(ports.redis), '--save', '', '--appendonly', 'no', '--dir', folder,
		]);
		await waitFor('Redis', redis.child, () => redisAnswers(ports.redis));

		const instance = (name: string, httpPort: number, brokerPort: number, extra: NodeJS.ProcessEnv = {}): N8nInstance => {
			const base = n8nInstance({ userFolder: path.join(folder, name), port: httpPort, runnersBrokerPort: brokerPort });
			return {
				...base,
				env: {
					...base.env,
					EXECUTIONS_MODE: 'queue',
					QUEUE_BULL_REDIS_HOST: '127.0.0.1',
					QUEUE_BULL_REDIS_PORT: String(ports.redis),
					DB_TYPE: 'postgresdb',
					DB_POSTGRESDB_HOST: '127.0.0.1',
					DB_POSTGRESDB_PORT: String(ports.postgres),
					DB_POSTGRESDB_USER: DB.user,
					DB_POSTGRESDB_PASSWORD: DB.password,
					DB_POSTGRESDB_DATABASE: DB.database,
					N8N_GRACEFUL_SHUTDOWN_TIMEOUT: '10',
					...(options.logLevel ? { N8N_LOG_LEVEL: options.logLevel } : {}),
					...extra,
				},
			};
		};
		const mainInstance = instance('main', ports.main, ports.main + 1);
		const workerInstances = Array.from({ length: options.workerCount }, (_, index) =>
			instance(`worker${index + 1}`, ports.main, ports.workers + 2 * index + 1, {
				QUEUE_HEALTH_CHECK_ACTIVE: 'true',
				QUEUE_HEALTH_CHECK_PORT: String(ports.workers + 2 * index),
				N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
			}),
		);

		// The package goes into every process's user folder: a worker without it fails the jobs it takes.
		const packFolder = path.join(folder, 'pack');
		mkdirSync(packFolder);
		const tarball = packPackage(packFolder);
		for (const each of [mainInstance, ...workerInstances]) installPackage(each, tarball);

		await importJson(mainInstance, 'credentials', options.credentials);
		for (const workflow of options.workflows) {
			await importJson(mainInstance, 'workflow', workflow);
			// A running main only sees a workflow published before it started.
			await runN8nOrFail(mainInstance, ['publish:workflow', `--id=${workflow.id}`]);
		}

		const startN8n = (name: string, each: N8nInstance, command: readonly string[]) => spawnLogged(name, process.execPath, [N8N_BIN, ...command], { env: each.env });
		const main = startN8n('main', mainInstance, ['start']);
		const workers = workerInstances.map((each, index) => startN8n(`worker${index + 1}`, each, ['worker', `--concurrency=${options.workerConcurrency}`]));
		// A server that is still starting may take a connection and not answer it.
		const answers = (url: string) => () => fetch(url, { signal: AbortSignal.timeout(2_000) }).then((response) => response.ok, () => false);
		await Promise.all([
			waitFor('n8n main', main.child, answers(`http://127.0.0.1:${ports.main}/healthz/readiness`), N8N_START_TIMEOUT_MS),
			...workers.map((worker, index) =>
				waitFor(`n8n ${worker.name}`, worker.child, answers(`http://127.0.0.1:${ports.workers + 2 * index}/healthz/readiness`), N8N_START_TIMEOUT_MS),
			),
		]);

		const webhookUrl = (webhookPath: string) => `http://127.0.0.1:${ports.main}/webhook/${webhookPath}`;
		const logOf = (started: QueueProcess) => readFileSync(started.log, 'utf8');
		return {
			main: { ...main, instance: mainInstance },
			workers,
			processes,
			webhookUrl,
			webhookRegistered: (webhookPath) =>
				waitFor(`the webhook ${webhookPath}`, main.child, () => webhookRegistered(webhookUrl(webhookPath))),
			logOf,
			executionsRunBy: (worker) => [...logOf(worker).matchAll(/Worker started execution (\d+)/g)].map((match) => match[1]),
			stop,
		};
	} catch (error) {
		await stop();
		throw error;
	}
}
