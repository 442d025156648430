import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { CCC_CREDENTIAL_TYPE } from '../../nodes/AlibabaCloudCcc/auth/cccCredentials';
import { DEVICE_SOURCE } from '../../nodes/AlibabaCloudCcc/agent/deviceFields';
import { agentParameters, credentialsFor, loadItems } from '../../simulator/agents';
import { executeWorkflow, importJson, installPackage, N8N_BIN, n8nInstance, packPackage, REPO, type N8nInstance } from '../demo/n8nRuntime';
import { profileShares, type ProfileShares } from './cpuProfile';
import { startSimulator } from './startSimulator';

/**
 * The benchmark's real-n8n leg: the installed demo n8n (SQLite, `n8n execute`), the packed package, credentials in
 * n8n's database, N agents from a Code node, all four fields as expressions. Beside each CCC ReadyForService node
 * runs n8n's HTTP Request node with the same four expressions as query parameters, once without a credential (what
 * any n8n node pays per request) and once signed with this package's credential (the very same call). At the given
 * latency the node runs at the given Concurrency and one at a time. Times are the nodes' own `executionTime` from the
 * run data, not n8n's start-up.
 */

/** Apart from the end-to-end tests' and the demo's ports. */
const N8N_PORT = 5730;

export const EXPRESSION_ENGINES = ['vm', 'legacy'] as const;
export type ExpressionEngine = (typeof EXPRESSION_ENGINES)[number];

export interface RealN8nOptions {
	readonly n: number;
	readonly latency: number;
	readonly concurrency: number;
	readonly engines: readonly ExpressionEngine[];
	/** This build, packed (see packThisBuild). */
	readonly tarball: string;
	/** Other packed builds to measure beside this one, run for run (the unchanged code, for a lever's effect), by name. */
	readonly baselines: ReadonlyArray<readonly [name: string, tarball: string]>;
	/** How many times each build runs per engine, alternating with the other build. */
	readonly repeat: number;
	/** Whether to profile (node --cpu-prof) this build's node alone at latency 0 and at the latency, and the HTTP Request node alone. */
	readonly profile: boolean;
	/** Where to keep the profiles (for Chrome DevTools or a closer look); by default they are deleted. */
	readonly profileDir?: string;
}

const CCC_TYPE = 'n8n-nodes-alibaba-ccc.cccReadyForService';
const FAST = 'cccBenchFast0000';
const SLOW = 'cccBenchSlow0000';
const WORKFLOW_ID = 'cccBenchRealN8n0';
/** One leg alone, for a CPU profile of it: each node at latency 0, and the CCC node at the given latency. */
const PROFILED = { ccc: 'cccBenchProfCcc0', peer: 'cccBenchProfPeer', latency: 'cccBenchProfLate' } as const;

/** What runs after the agents, in this order. */
const LEGS = [
	{ name: 'Peer 1', kind: 'peer' },
	{ name: 'Signed Peer 1', kind: 'signedPeer' },
	{ name: 'CCC 1', kind: 'deviceId' },
	{ name: 'Peer 2', kind: 'peer' },
	{ name: 'Signed Peer 2', kind: 'signedPeer' },
	{ name: 'CCC 2', kind: 'deviceId' },
	{ name: 'CCC Registered Device', kind: 'registeredDevice' },
	{ name: 'CCC Latency', kind: 'latency' },
	{ name: 'CCC Latency, One at a Time', kind: 'serialLatency' },
] as const;

/**
 * Agents for the one-at-a-time leg: with one request in flight there is no window and no yield, so its time per agent
 * is what one round trip costs through n8n (the latency, the node's and n8n's work, the request helper's connection).
 */
const SERIAL_AGENTS = 100;
type Leg = (typeof LEGS)[number];

function cccNode(name: string, y: number, credentialId: string, concurrency: number, registered = false) {
	return {
		id: name,
		name,
		type: CCC_TYPE,
		typeVersion: 1,
		position: [440, y],
		parameters: {
			...agentParameters,
			...(registered ? { device: DEVICE_SOURCE.registeredDevice } : {}),
			options: { concurrency },
		},
		credentials: { [CCC_CREDENTIAL_TYPE]: { id: credentialId, name: credentialId } },
	};
}

/**
 * n8n's HTTP Request node making the same call. Unsigned, the simulator refuses it, which the node takes as an answer;
 * signed with `credentialId` (this package's credential, as a predefined credential type), it is the very call the
 * CCC node makes, signing included, through n8n's own request path.
 */
function peerNode(name: string, y: number, url: string, credentialId?: string) {
	const query = (field: string, value: string) => ({ name: field, value });
	return {
		id: name,
		name,
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.2,
		position: [440, y],
		parameters: {
			method: 'POST',
			url: `${url}/`,
			sendQuery: true,
			queryParameters: {
				parameters: [
					query('Action', 'ReadyForService'),
					query('InstanceId', agentParameters.instanceId),
					query('DeviceId', agentParameters.deviceId),
					query('UserId', agentParameters.userId),
					query('OutboundScenario', agentParameters.outboundScenario),
				],
			},
			options: { response: { response: { neverError: true } } },
			...(credentialId ? { authentication: 'predefinedCredentialType', nodeCredentialType: CCC_CREDENTIAL_TYPE } : {}),
		},
		// Signing that throws must not stop the benchmark: the leg then reports n/a.
		...(credentialId ? { credentials: { [CCC_CREDENTIAL_TYPE]: { id: credentialId, name: credentialId } }, onError: 'continueRegularOutput' } : {}),
	};
}

const codeNode = (name: string, y: number, count: number) => ({
	id: name,
	name,
	type: 'n8n-nodes-base.code',
	typeVersion: 2,
	position: [220, y],
	parameters: {
		jsCode: `const agents = ${JSON.stringify(loadItems(count))};\nreturn agents.map((json) => ({ json }));`,
	},
});

type WorkflowNode = { readonly name: string };

/** Nodes named in `connections` as `from: [to, …]`, each output going to its targets in that order. */
const to = (nodes: readonly WorkflowNode[]) => ({ main: [nodes.map(({ name }) => ({ node: name, type: 'main', index: 0 }))] });

/** A workflow started by hand (n8n execute), run in n8n's v1 order: a node's children top to bottom, each branch to its end. */
function workflow(id: string, name: string, nodes: readonly WorkflowNode[], connections: Record<string, readonly WorkflowNode[]>) {
	const start = { id: 'start', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} };
	return {
		id,
		name,
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [start, ...nodes],
		connections: Object.fromEntries(Object.entries(connections).map(([from, targets]) => [from, to(targets)])),
	};
}

function profiledWorkflow(id: string, leg: WorkflowNode, options: RealN8nOptions) {
	const agents = codeNode('Agents', 0, options.n);
	return workflow(id, `CCC benchmark: ${leg.name} alone`, [agents, leg], { Start: [agents], Agents: [leg] });
}

function benchWorkflow(fastUrl: string, options: RealN8nOptions) {
	const legNode = (leg: Leg, y: number) => {
		if (leg.kind === 'peer') return peerNode(leg.name, y, fastUrl);
		if (leg.kind === 'signedPeer') return peerNode(leg.name, y, fastUrl, FAST);
		if (leg.kind === 'latency') return cccNode(leg.name, y, SLOW, options.concurrency);
		if (leg.kind === 'serialLatency') return cccNode(leg.name, y, SLOW, 1);
		return cccNode(leg.name, y, FAST, options.concurrency, leg.kind === 'registeredDevice');
	};
	const warmUpAgents = codeNode('Warm-up Agents', 0, 50);
	const agents = codeNode('Agents', 300, options.n);
	const warmUp = [peerNode('Warm-up Peer', 0, fastUrl), cccNode('Warm-up CCC', 100, FAST, options.concurrency)];
	const serialAgents = codeNode('Serial Agents', 300 + LEGS.length * 100, SERIAL_AGENTS);
	const legs = LEGS.map((leg, index) => legNode(leg, 300 + index * 100));
	const [serialLegs, otherLegs] = [legs.filter((_, index) => LEGS[index].kind === 'serialLatency'), legs.filter((_, index) => LEGS[index].kind !== 'serialLatency')];
	return workflow(WORKFLOW_ID, 'CCC benchmark in a real n8n', [warmUpAgents, agents, serialAgents, ...warmUp, ...legs], {
		Start: [warmUpAgents, agents, serialAgents],
		[warmUpAgents.name]: warmUp,
		[agents.name]: otherLegs,
		[serialAgents.name]: serialLegs,
	});
}

type RunData = Record<string, Array<{ executionTime: number; error?: { message?: string }; data?: { main?: Array<Array<{ json: { Code?: unknown } }> | null> } }>>;

/**
 * Each leg's own time (ms), after checking that it gave one item per agent. The signed peer's time counts only when
 * CCC accepted every call (0.1.0's credential cannot sign the HTTP Request node's requests): else NaN.
 */
function legTimes(run: unknown, n: number): Record<Leg['name'], number> {
	const runData = (run as { data: { resultData: { runData: RunData; error?: { message?: string } } } }).data.resultData;
	if (runData.error) throw new Error(`The benchmark workflow failed: ${runData.error.message}`);
	const times = {} as Record<Leg['name'], number>;
	for (const leg of LEGS) {
		const task = runData.runData[leg.name]?.[0];
		const items = task?.data?.main?.[0]?.length ?? 0;
		const expected = leg.kind === 'serialLatency' ? SERIAL_AGENTS : n;
		if (!task || task.error || items !== expected) throw new Error(`${leg.name} gave ${items} items, not ${expected}: ${task?.error?.message ?? 'no error'}`);
		const accepted = leg.kind !== 'signedPeer' || task.data!.main![0]!.every(({ json }) => json.Code === 'OK');
		times[leg.name] = accepted ? task.executionTime : Number.NaN;
	}
	return times;
}

interface Build {
	readonly name: string;
	readonly n8n: N8nInstance;
}

async function setUpBuild(name: string, tarball: string, urls: { fast: string; slow: string }, options: RealN8nOptions): Promise<Build> {
	const userFolder = mkdtempSync(path.join(tmpdir(), 'ccc-bench-'));
	const n8n = n8nInstance({ userFolder, port: N8N_PORT });
	installPackage(n8n, tarball);
	await importJson(n8n, 'credentials', [
		{ id: FAST, name: FAST, type: CCC_CREDENTIAL_TYPE, data: credentialsFor({ url: urls.fast }) },
		{ id: SLOW, name: SLOW, type: CCC_CREDENTIAL_TYPE, data: credentialsFor({ url: urls.slow }) },
	]);
	await importJson(n8n, 'workflow', benchWorkflow(urls.fast, options));
	await importJson(n8n, 'workflow', profiledWorkflow(PROFILED.ccc, cccNode('CCC', 0, FAST, options.concurrency), options));
	await importJson(n8n, 'workflow', profiledWorkflow(PROFILED.peer, peerNode('Peer', 0, urls.fast), options));
	await importJson(n8n, 'workflow', profiledWorkflow(PROFILED.latency, cccNode('CCC', 0, SLOW, options.concurrency), options));
	return { name, n8n };
}

interface Row {
	readonly engine: ExpressionEngine;
	readonly build: string;
	readonly times: Record<Leg['name'], number>;
}

const n8nVersion = () => `n8n ${(JSON.parse(readFileSync(path.join(path.dirname(path.dirname(N8N_BIN)), 'package.json'), 'utf8')) as { version: string }).version}`;

const perAgent = (ms: number, n: number) => (Number.isNaN(ms) ? 'n/a' : `${(ms / n).toFixed(2)} ms`);
const ratio = (value: number) => (Number.isNaN(value) ? 'n/a' : value.toFixed(2));

function printRows(rows: readonly Row[], options: RealN8nOptions): void {
	const { n, latency, concurrency } = options;
	const ideal = (n / concurrency) * latency;
	console.log(`\nIn a real n8n (${n8nVersion()}, n8n execute, SQLite), N = ${n}, Concurrency ${concurrency}; each node's own executionTime:`);
	console.log(
		`| Engine | Build | CCC per agent (latency 0) | HTTP Request node per item | × peer | HTTP Request node signed with the CCC credential, per item | × signed peer | Registered device per agent | × Device ID | Wall at ${latency} ms latency | × ideal (${(ideal / 1000).toFixed(2)} s) | × max(ideal, N × per agent) | One at a time: per agent | Window: per slot turn | × one at a time |`,
	);
	console.log('|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|');
	for (const { engine, build, times } of rows) {
		const node = (times['CCC 1'] + times['CCC 2']) / 2;
		const peer = (times['Peer 1'] + times['Peer 2']) / 2;
		const signedPeer = (times['Signed Peer 1'] + times['Signed Peer 2']) / 2;
		const wall = times['CCC Latency'];
		// Each of the window's slots turns over N / Concurrency times; one at a time, the same turn is one agent.
		const slotTurn = (wall * concurrency) / n;
		const serial = times['CCC Latency, One at a Time'] / SERIAL_AGENTS;
		console.log(
			`| ${engine} | ${build} | ${perAgent(node, n)} | ${perAgent(peer, n)} | ${(node / peer).toFixed(2)} | ${perAgent(signedPeer, n)} | ${ratio(node / signedPeer)} | ${perAgent(times['CCC Registered Device'], n)} | ${(times['CCC Registered Device'] / node).toFixed(2)} | ${(wall / 1000).toFixed(2)} s | ${(wall / ideal).toFixed(2)} | ${(wall / Math.max(ideal, node)).toFixed(2)} | ${serial.toFixed(1)} ms | ${slotTurn.toFixed(1)} ms | ${(slotTurn / serial).toFixed(2)} |`,
		);
	}
}

/** Code only the CCC node runs, and code only the HTTP Request node runs, in n8n's installation. */
const MARKERS = { ccc: 'n8n-nodes-alibaba-ccc/dist/', peer: 'n8n-nodes-base/dist/nodes/HttpRequest/' } as const;

/** Runs `workflowId` under `node --cpu-prof` and returns the parts of the profile of the process that ran `marker`. */
async function profiledRun(n8n: N8nInstance, engine: ExpressionEngine, workflowId: string, leg: keyof typeof MARKERS, keepIn?: string): Promise<ProfileShares> {
	const folder = keepIn ? path.join(keepIn, `${engine}-${workflowId}`) : mkdtempSync(path.join(tmpdir(), 'ccc-bench-profile-'));
	mkdirSync(folder, { recursive: true });
	try {
		const env = { ...n8n.env, N8N_EXPRESSION_ENGINE: engine, NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${folder}` };
		await executeWorkflow({ ...n8n, env }, workflowId);
		// n8n's task runner writes a profile of its own; the node ran in the main process.
		for (const file of readdirSync(folder)) {
			const text = readFileSync(path.join(folder, file), 'utf8');
			if (text.includes(MARKERS[leg])) return profileShares(path.join(folder, file), MARKERS[leg], leg === 'ccc' ? "the CCC node's own code" : "the HTTP Request node's own code");
		}
		throw new Error(`No CPU profile in ${folder} ran ${MARKERS[leg]}`);
	} finally {
		if (!keepIn) rmSync(folder, { recursive: true, force: true });
	}
}

type ProfileColumn = readonly [heading: string, shares: ProfileShares];

function printProfiles(engine: ExpressionEngine, columns: readonly ProfileColumn[], options: RealN8nOptions): void {
	const { n } = options;
	console.log(`\nCPU profile (node --cpu-prof), ${engine} engine, N = ${n}: each node alone, the samples from its first to its last; ms per agent (share):`);
	console.log(`| Part | ${columns.map(([heading]) => heading).join(' | ')} |`);
	console.log(`|---|${columns.map(() => '---|').join('')}`);
	const cell = (ms: number, shares: ProfileShares) => `${(ms / n).toFixed(2)} (${((ms / shares.windowMs) * 100).toFixed(0)} %)`;
	for (const [part] of columns[0][1].parts) {
		const own = part.endsWith('own code');
		const msOf = (shares: ProfileShares) => shares.parts.find(([name]) => (own ? name.endsWith('own code') : name === part))![1];
		console.log(`| ${own ? "the node's own code" : part} | ${columns.map(([, shares]) => cell(msOf(shares), shares)).join(' | ')} |`);
	}
	console.log(`| profiled window | ${columns.map(([, shares]) => (shares.windowMs / n).toFixed(2)).join(' | ')} |`);
}

/** Builds and packs the working tree into a new temporary folder; returns the tarball (its folder is the caller's). */
export function packThisBuild(): string {
	execFileSync('npm', ['run', 'build', '--silent'], { cwd: REPO, stdio: ['ignore', 'ignore', 'inherit'] });
	return packPackage(mkdtempSync(path.join(tmpdir(), 'ccc-bench-pack-')));
}

/** Runs the leg: every build once per engine and repeat, alternating builds, and prints one row per run. */
export async function benchRealN8n(options: RealN8nOptions): Promise<void> {
	const fast = await startSimulator(0, Math.max(options.n, 100));
	const slow = await startSimulator(options.latency, Math.max(options.n, 100));
	const builds: Build[] = [];
	try {
		const tarballs = [...options.baselines.map(([name, tarball]) => [name, path.resolve(tarball)] as const), ['this build', options.tarball] as const];
		for (const [name, tarball] of tarballs) builds.push(await setUpBuild(name, tarball, { fast: fast.url, slow: slow.url }, options));
		const rows: Row[] = [];
		for (const engine of options.engines) {
			for (let round = 0; round < options.repeat; round++) {
				for (const { name, n8n } of builds) {
					const run = await executeWorkflow({ ...n8n, env: { ...n8n.env, N8N_EXPRESSION_ENGINE: engine } }, WORKFLOW_ID);
					rows.push({ engine, build: name, times: legTimes(run, options.n) });
				}
			}
		}
		printRows(rows, options);
		if (options.profile) {
			const { n8n } = builds[builds.length - 1];
			for (const engine of options.engines) {
				const columns: ProfileColumn[] = [
					['CCC node, latency 0', await profiledRun(n8n, engine, PROFILED.ccc, 'ccc', options.profileDir)],
					['HTTP Request node, latency 0', await profiledRun(n8n, engine, PROFILED.peer, 'peer', options.profileDir)],
					[`CCC node, ${options.latency} ms latency`, await profiledRun(n8n, engine, PROFILED.latency, 'ccc', options.profileDir)],
				];
				printProfiles(engine, columns, options);
			}
		}
	} finally {
		fast.process.kill();
		slow.process.kill();
		for (const folder of builds.map((build) => build.n8n.userFolder)) rmSync(folder, { recursive: true, force: true });
	}
}
