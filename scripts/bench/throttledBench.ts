import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import type { ThrottledRunResult } from './throttledRun';

/** The gateways of issue 25's targets: R requests a second (burst R), and how many agents to ready against each. */
export const THROTTLED_GATEWAYS: ReadonlyArray<readonly [rate: number, agents: number]> = [
	[2, 200],
	[5, 300],
	[20, 1000],
	[50, 1000],
];

/** The build before the node learned CCC's rate: what the throttled leg compares with. */
export const THROTTLED_BASELINE_COMMIT = '1e29666';

const TOOLS_BUILD = '.n8n-demo/build';

/**
 * Another commit's tools build, made once in a temporary copy of the tree (git archive, this tree's node_modules):
 * its node and engine harness, run against this tree's simulator.
 */
function baselineBuild(repo: string, commit: string): string {
	const root = path.join(tmpdir(), `ccc-bench-${commit}`);
	const build = path.join(root, TOOLS_BUILD);
	if (existsSync(path.join(build, 'scripts/engine/runWorkflow.js'))) return build;
	mkdirSync(root, { recursive: true });
	execFileSync('sh', ['-c', `git -C "$0" archive "$1" | tar -x -C "$2"`, repo, commit, root], { stdio: 'inherit' });
	if (!existsSync(path.join(root, 'node_modules'))) symlinkSync(path.join(repo, 'node_modules'), path.join(root, 'node_modules'));
	execFileSync(path.join(repo, 'node_modules/.bin/tsc'), ['-p', path.join(root, 'tsconfig.tools.json')], { stdio: 'inherit' });
	return build;
}

async function runOnce(build: string, rate: number, agents: number, lookup: boolean, latency: number, concurrency: number): Promise<ThrottledRunResult> {
	const args = ['--build', build, '--rate', String(rate), '--agents', String(agents), '--latency', String(latency), '--concurrency', String(concurrency)];
	const child = spawn(process.execPath, [path.join(__dirname, 'throttledRun.js'), ...args, ...(lookup ? ['--lookup'] : [])], { stdio: ['ignore', 'pipe', 'inherit'] });
	let output = '';
	child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
	const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
	if (code !== 0) throw new Error(`throttled run exited with ${code}`);
	return JSON.parse(output.trim().split('\n').pop()!) as ThrottledRunResult;
}

const percent = (part: number, whole: number) => `${((part / whole) * 100).toFixed(1)} %`;

/**
 * ReadyForService against gateways that allow R requests a second, with a Device ID (a request per agent) and with
 * the registered device looked up (two): requests sent, the share refused (the first second's share apart), and the
 * wall time over the ideal (requests needed / R), for the baseline build and this one, one run each.
 */
export async function benchThrottled(options: {
	readonly latency: number;
	readonly concurrency: number;
	readonly gateways: ReadonlyArray<readonly [number, number]>;
	readonly baselineCommit: string;
}): Promise<void> {
	const repo = path.resolve(__dirname, '../../../..');
	const builds = [
		[`today (${options.baselineCommit})`, baselineBuild(repo, options.baselineCommit)],
		['this build', path.resolve(__dirname, '../..')],
	] as const;
	console.log(`\nThrottled gateways (token bucket, burst = rate, Throttling.User), Concurrency ${options.concurrency}, latency ${options.latency} ms, other options at their defaults; one run each:`);
	for (const lookup of [false, true]) {
		const perAgent = lookup ? 2 : 1;
		console.log(`\n${lookup ? "Agent's Registered Device (ListDevices, then ReadyForService: 2 requests per agent)" : 'Device ID (1 request per agent)'}:`);
		console.log(`| gateway | agents | ${builds.map(([name]) => `${name}: sent | refused (first second) | wall / (N / R) | readied, errors`).join(' | ')} |`);
		console.log(`|---|---|${builds.map(() => '---|---|---|---|').join('')}`);
		for (const [rate, agents] of options.gateways) {
			const cells: string[] = [];
			for (const [, build] of builds) {
				const run = await runOnce(build, rate, agents, lookup, options.latency, options.concurrency);
				const ideal = ((agents * perAgent) / rate) * 1000;
				cells.push(`${run.sent} | ${percent(run.refused, run.sent)} (${run.refusedFirstSecond}) | ${(run.wallMs / ideal).toFixed(2)} | ${run.readied}, ${run.errors}`);
				if (run.hints.length > 0 && build === builds[1][1]) console.error(`  hint (${rate}/s, ${agents} agents): ${run.hints.join(' / ')}`);
			}
			console.log(`| ${rate} per second | ${agents} | ${cells.join(' | ')} |`);
		}
	}
}
