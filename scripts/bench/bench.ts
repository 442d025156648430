import { spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

import { AlibabaCloudCccApi } from '../../credentials/AlibabaCloudCccApi.credentials';
import { AGENT_STATE_DATA_TYPES } from '../../nodes/AlibabaCloudCcc/agent/agentStateData';
import { DEVICE_SOURCE } from '../../nodes/AlibabaCloudCcc/agent/deviceFields';
import { readEnvelope } from '../../nodes/AlibabaCloudCcc/response/cccEnvelope';
import { decodeBody } from '../../nodes/AlibabaCloudCcc/response/decodeBody';
import { loadAgentId } from '../../simulator/directory';
import { agentParameters, credentialsFor, loadItems } from '../../simulator/agents';
import { runCccWorkflow } from '../engine/runWorkflow';
import { agentParams, bareLoop, officialSdk } from './clients';
import { benchRealN8n, EXPRESSION_ENGINES, packThisBuild, type ExpressionEngine } from './realN8nBench';
import { startSimulator } from './startSimulator';
import { benchThrottled, THROTTLED_BASELINE_COMMIT, THROTTLED_GATEWAYS } from './throttledBench';
import { benchTrigger } from './triggerBench';

/**
 * `npm run bench -- --n 1000 --latency 50 --concurrency 20,40 --rss-n 10000`: ReadyForService N times against the CCC
 * simulator (its own process, with added latency) by a bare keep-alive loop, the official SDK, and this node
 * through n8n's engine, with a Device ID and with the agent's registered device looked up (ListDevices first);
 * then where a node item's CPU time goes, and the peak memory of a large run.
 * Then the real-n8n leg (realN8nBench.ts), under the lock every real n8n on this machine takes: `--engines vm,legacy`,
 * `--repeat 1`, `--baseline name=other-build.tgz,…` to run other packed builds beside this one, `--profile` for where the
 * time goes (CPU profiles of n8n; `--profile-dir` keeps them). The trigger leg polls 10,000 agents through n8n's
 * PollContext (triggerBench.ts). The throttled leg (throttledBench.ts) readies agents against gateways that
 * allow a few requests a second, this build beside `--baseline-commit`'s: `--gateways 2:200,5:300` (rate:agents),
 * `--throttled-latency 20`. `--leg harness|trigger|real-n8n|throttled` runs one leg only.
 */

const { values } = parseArgs({
	options: {
		n: { type: 'string', default: '1000' },
		latency: { type: 'string', default: '50' },
		concurrency: { type: 'string', default: '20' },
		'rss-n': { type: 'string', default: '10000' },
		leg: { type: 'string', default: 'all' },
		engines: { type: 'string', default: EXPRESSION_ENGINES.join(',') },
		repeat: { type: 'string', default: '1' },
		baseline: { type: 'string' },
		profile: { type: 'boolean', default: false },
		'profile-dir': { type: 'string' },
		tarball: { type: 'string' },
		gateways: { type: 'string', default: THROTTLED_GATEWAYS.map(([rate, agents]) => `${rate}:${agents}`).join(',') },
		'throttled-latency': { type: 'string', default: '20' },
		'baseline-commit': { type: 'string', default: THROTTLED_BASELINE_COMMIT },
	},
});
const N = Number(values.n);
const LATENCY = Number(values.latency);
/** Concurrency 1 is always measured; the first value given is the one the targets are checked at. */
const CONCURRENCIES = values.concurrency.split(',').map(Number);
const CONCURRENCY = CONCURRENCIES[0];
const RSS_N = Number(values['rss-n']);
/** Every command that starts a real n8n holds this lock: they share fixed ports and the machine's two cores. */
const REAL_N8N_LOCK = '/tmp/ccc-real-n8n.lock';
const LOCK_HELD = 'CCC_BENCH_REAL_N8N_LOCK_HELD';

interface Timing {
	readonly wallMs: number;
	readonly cpuMs: number;
}

async function timed(task: () => Promise<unknown>): Promise<Timing> {
	const cpu = process.cpuUsage();
	const started = performance.now();
	await task();
	const used = process.cpuUsage(cpu);
	return { wallMs: performance.now() - started, cpuMs: (used.user + used.system) / 1000 };
}

async function viaNode(endpoint: string, count: number, concurrency: number, parameters: object = agentParameters) {
	const result = await runCccWorkflow({
		items: loadItems(count),
		parameters: { ...parameters, options: { concurrency } },
		credentials: credentialsFor({ url: endpoint }),
		recordRequests: false,
	});
	if (result.workflowError || result.success.length !== count) throw new Error(`node run failed: ${result.workflowError?.message}`);
}

/** CPU milliseconds per call of `task`, over `count` calls. */
function cpuPerCall(count: number, task: () => unknown): number {
	const cpu = process.cpuUsage();
	for (let index = 0; index < count; index++) task();
	const used = process.cpuUsage(cpu);
	return (used.user + used.system) / 1000 / count;
}

async function signingCpuPerCall(endpoint: string, count: number): Promise<number> {
	const credentialType = new AlibabaCloudCccApi();
	const credentials = credentialsFor({ url: endpoint });
	const cpu = process.cpuUsage();
	for (let index = 0; index < count; index++) {
		await credentialType.authenticate(credentials, { method: 'POST', url: '/', qs: { Action: 'ReadyForService', ...agentParams(index) } });
	}
	const used = process.cpuUsage(cpu);
	return (used.user + used.system) / 1000 / count;
}

const sampleBody = JSON.stringify({
	RequestId: randomUUID().toUpperCase(),
	HttpStatusCode: 200,
	Code: 'OK',
	Message: '',
	Data: { UserId: 'agent-0001@ccc-load', InstanceId: 'ccc-load', UserState: 'READY', WorkMode: 'ON_SITE', Extension: '80000001', DeviceId: 'dev-1', BreakCode: '', OutboundScenario: false, SignedSkillGroupIdList: ['skg-load@ccc-load'] },
});

/**
 * The memory of a large run, measured in a fresh process (memory.ts): this one, warmed by the runs above, has grown
 * its heap already and would show almost no growth.
 */
async function freshMemoryRun(count: number, concurrency: number): Promise<string> {
	const child = spawn(process.execPath, ['--expose-gc', path.join(__dirname, 'memory.js'), '--n', String(count), '--concurrency', String(concurrency)], {
		stdio: ['ignore', 'pipe', 'inherit'],
	});
	let output = '';
	child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
	const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
	if (code !== 0) throw new Error(`memory run exited with ${code}`);
	return output;
}

/** Device → Agent's Registered Device: the load agents' items, without their Device IDs being read. */
const LOOKUP_PARAMETERS = { ...agentParameters, device: DEVICE_SOURCE.registeredDevice };

const ms = (value: number) => `${value.toFixed(value < 10 ? 3 : 0)} ms`;

/**
 * The real-n8n leg, in a copy of this process that holds the lock (flock, released when it exits); this build is
 * built and packed before, so that what is measured is the working tree as it was when the command started.
 */
function realN8nLeg(): void {
	if (process.env[LOCK_HELD]) {
		return void benchRealN8n({
			tarball: values.tarball!,
			n: N,
			latency: LATENCY,
			concurrency: CONCURRENCY,
			engines: values.engines.split(',') as ExpressionEngine[],
			repeat: Number(values.repeat),
			baselines: (values.baseline?.split(',') ?? []).map((entry) => {
				const [name, tarball] = entry.includes('=') ? entry.split('=') : ['baseline', entry];
				return [name, tarball] as const;
			}),
			profile: values.profile || values['profile-dir'] !== undefined,
			profileDir: values['profile-dir'] && path.resolve(values['profile-dir']),
		}).catch((error: Error) => {
			console.error(error);
			process.exitCode = 1;
		});
	}
	const args = process.argv.slice(2).filter((arg, index, all) => arg !== '--leg' && all[index - 1] !== '--leg' && !arg.startsWith('--leg='));
	const tarball = packThisBuild();
	try {
		const child = spawnSync('flock', [REAL_N8N_LOCK, process.execPath, __filename, ...args, '--leg', 'real-n8n', '--tarball', tarball], {
			stdio: 'inherit',
			env: { ...process.env, [LOCK_HELD]: '1' },
		});
		if (child.status !== 0) throw new Error(`The real-n8n leg failed (exit ${child.status})`);
	} finally {
		rmSync(path.dirname(tarball), { recursive: true, force: true });
	}
}

async function main(): Promise<void> {
	if (values.leg === 'all' || values.leg === 'harness') await harnessLeg();
	if (values.leg === 'all' || values.leg === 'trigger') await benchTrigger(LATENCY);
	if (values.leg === 'all' || values.leg === 'throttled') {
		await benchThrottled({
			latency: Number(values['throttled-latency']),
			concurrency: CONCURRENCY,
			gateways: values.gateways.split(',').map((gateway) => gateway.split(':').map(Number) as [number, number]),
			baselineCommit: values['baseline-commit'],
		});
	}
	if (values.leg === 'all' || values.leg === 'real-n8n') realN8nLeg();
}

async function harnessLeg(): Promise<void> {
	console.log(`Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`);
	console.log(`N = ${N}, simulator latency = ${LATENCY} ms, concurrency = 1, ${CONCURRENCIES.join(', ')}\n`);

	const slow = await startSimulator(LATENCY, Math.max(N, 100));
	const fast = await startSimulator(0, Math.max(N, RSS_N, 1000));
	try {
		// Warm-up: module loading and the first engine run are not what is measured.
		await viaNode(fast.url, 20, 1);
		await officialSdk(fast.url, 20, 1);
		await bareLoop(fast.url, 20, 1);

		const rows: Array<[string, number, Timing]> = [];
		const lookups: Array<[number, Timing]> = [];
		for (const concurrency of [1, ...CONCURRENCIES]) {
			rows.push(['bare keep-alive loop (our signer)', concurrency, await timed(() => bareLoop(slow.url, N, concurrency))]);
			rows.push(['official SDK (openapi-client callApi)', concurrency, await timed(() => officialSdk(slow.url, N, concurrency))]);
			rows.push(['this node in n8n\'s engine', concurrency, await timed(() => viaNode(slow.url, N, concurrency))]);
			lookups.push([concurrency, await timed(() => viaNode(slow.url, N, concurrency, LOOKUP_PARAMETERS))]);
		}
		console.log('| Client | Concurrency | Wall time | Client CPU | Items/s | × ideal (N / concurrency × latency) | × bare loop |');
		console.log('|---|---|---|---|---|---|---|');
		for (const [name, concurrency, timing] of rows) {
			const ideal = (N / concurrency) * LATENCY;
			const bare = rows.find(([rowName, rowConcurrency]) => rowName.startsWith('bare') && rowConcurrency === concurrency)![2];
			console.log(`| ${name} | ${concurrency} | ${(timing.wallMs / 1000).toFixed(2)} s | ${(timing.cpuMs / 1000).toFixed(2)} s | ${(N / (timing.wallMs / 1000)).toFixed(1)} | ${(timing.wallMs / ideal).toFixed(3)} | ${(timing.wallMs / bare.wallMs).toFixed(3)} |`);
		}
		console.log(`\nCCC ReadyForService per item, Device ID (1 request) beside Agent's Registered Device (ListDevices, then ReadyForService), latency ${LATENCY} ms:`);
		console.log('| Concurrency | Device ID: wall per item | Device ID: CPU per item | Registered device: wall per item | Registered device: CPU per item | × wall | × CPU |');
		console.log('|---|---|---|---|---|---|---|');
		for (const [concurrency, lookup] of lookups) {
			const direct = rows.find(([name, rowConcurrency]) => name.startsWith('this node') && rowConcurrency === concurrency)![2];
			console.log(`| ${concurrency} | ${ms(direct.wallMs / N)} | ${ms(direct.cpuMs / N)} | ${ms(lookup.wallMs / N)} | ${ms(lookup.cpuMs / N)} | ${(lookup.wallMs / direct.wallMs).toFixed(2)} | ${(lookup.cpuMs / direct.cpuMs).toFixed(2)} |`);
		}

		const node1 = rows.find(([name, concurrency]) => name.startsWith('this node') && concurrency === 1)![2];
		const sdk1 = rows.find(([name, concurrency]) => name.startsWith('official') && concurrency === 1)![2];
		const nodeC = rows.find(([name, concurrency]) => name.startsWith('this node') && concurrency === CONCURRENCY)![2];
		console.log(`\nConcurrency 1: node throughput / SDK throughput = ${(sdk1.wallMs / node1.wallMs).toFixed(3)} (target ≥ 1)`);
		console.log(`Concurrency ${CONCURRENCY}: node wall time / ideal = ${(nodeC.wallMs / ((N / CONCURRENCY) * LATENCY)).toFixed(3)} (target ≤ 1.2)`);
		for (const concurrency of CONCURRENCIES.slice(1)) {
			const node = rows.find(([name, rowConcurrency]) => name.startsWith('this node') && rowConcurrency === concurrency)![2];
			console.log(`Concurrency ${concurrency}: node wall time / the concurrency-${CONCURRENCY} ideal = ${(node.wallMs / ((N / CONCURRENCY) * LATENCY)).toFixed(3)}`);
		}

		// Where one item's CPU time goes (latency 0, concurrency 1).
		const withExpressions = await timed(() => viaNode(fast.url, N, 1));
		const fixed = await timed(() => viaNode(fast.url, N, 1, { instanceId: 'ccc-load', deviceId: 'dev-1', userId: loadAgentId(0), outboundScenario: false }));
		const perItem = withExpressions.cpuMs / N;
		const expressions = Math.max(0, (withExpressions.cpuMs - fixed.cpuMs) / N);
		const signing = await signingCpuPerCall(fast.url, 20_000);
		const decoding = cpuPerCall(20_000, () => readEnvelope(decodeBody(sampleBody, 'application/json;charset=utf-8'), AGENT_STATE_DATA_TYPES));
		const engine = perItem - expressions - signing - decoding;
		console.log(`\nPer-item CPU time in n8n's engine (latency 0, concurrency 1, N = ${N}): ${ms(perItem)}`);
		console.log('| Part | CPU per item | Share |');
		console.log('|---|---|---|');
		for (const [part, value] of [
			["n8n's expression evaluation (4 expressions)", expressions],
			['our signing (authenticate: V3)', signing],
			['our decoding and field typing', decoding],
			["n8n's request helper and engine (the rest)", engine],
		] as const) {
			console.log(`| ${part} | ${ms(value)} | ${((value / perItem) * 100).toFixed(1)} % |`);
		}
		console.log(`\nOur own code (signing, decoding, typing): ${(((signing + decoding) / perItem) * 100).toFixed(1)} % of the per-item CPU time (target ≤ 10 %); ${(((signing + decoding) / (node1.wallMs / N)) * 100).toFixed(2)} % of the per-item wall time at ${LATENCY} ms latency.`);

		console.log(`\n${await freshMemoryRun(RSS_N, CONCURRENCY)}`);
	} finally {
		slow.process.kill();
		fast.process.kill();
	}
}

main().catch((error: Error) => {
	console.error(error);
	process.exit(1);
});
