import { spawn } from 'node:child_process';
import path from 'node:path';
import { parseArgs } from 'node:util';

import { agentParameters, credentialsFor, loadItems } from '../../simulator/agents';
import { runCccWorkflow, type CccRun } from '../engine/runWorkflow';

/**
 * `node --expose-gc memory.js --n 10000 --concurrency 20 [--live]`: one run of CCC ReadyForService over N items
 * through n8n's engine, in this fresh process (nothing warmed up), against the simulator in a process of its own.
 * Prints the RSS and heap before, at the peak and after the run. With `--live`, also what is alive at the peak: the
 * heap after a garbage collection every 500 ms (which keeps the RSS down too, so measure the RSS without it).
 */
const { values } = parseArgs({
	options: { n: { type: 'string', default: '10000' }, concurrency: { type: 'string', default: '20' }, live: { type: 'boolean', default: false } },
});
const N = Number(values.n);
const CONCURRENCY = Number(values.concurrency);

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`;

function settled(): NodeJS.MemoryUsage {
	global.gc!();
	global.gc!();
	return process.memoryUsage();
}

async function main(): Promise<void> {
	if (!global.gc) throw new Error('run with node --expose-gc');
	const simulator = spawn(process.execPath, [path.join(__dirname, 'simulatorProcess.js'), '0', String(N)], { stdio: ['ignore', 'pipe', 'inherit'] });
	const url = await new Promise<string>((resolve) => simulator.stdout.once('data', (chunk: Buffer) => resolve(chunk.toString().trim())));
	try {
		const items = loadItems(N);
		const before = settled();
		let peakRss = before.rss;
		let peakHeap = before.heapUsed;
		let peakLive = before.heapUsed;
		const sampler = setInterval(() => {
			const now = process.memoryUsage();
			peakRss = Math.max(peakRss, now.rss);
			peakHeap = Math.max(peakHeap, now.heapUsed);
		}, 10);
		const liveSampler = values.live ? setInterval(() => (peakLive = Math.max(peakLive, settled().heapUsed)), 500) : undefined;
		let result: CccRun | undefined = await runCccWorkflow({
			items,
			parameters: { ...agentParameters, options: { concurrency: CONCURRENCY } },
			credentials: credentialsFor({ url }),
			recordRequests: false,
		});
		clearInterval(sampler);
		clearInterval(liveSampler);
		if (result.workflowError || result.success.length !== N) throw new Error(`run failed: ${result.workflowError?.message}`);
		const kept = settled();
		const outputBytes = JSON.stringify(result.success).length;
		result = undefined;
		const after = settled();

		console.log(`N = ${N}, Concurrency ${CONCURRENCY}, fresh process (Node ${process.version})${values.live ? ', GC every 500 ms' : ''}`);
		console.log('| | RSS | Heap used |');
		console.log('|---|---|---|');
		console.log(`| before the run (items built) | ${mb(before.rss)} | ${mb(before.heapUsed)} |`);
		console.log(`| peak during the run | ${mb(peakRss)} | ${mb(peakHeap)} |`);
		if (values.live) console.log(`| peak alive during the run | | ${mb(peakLive)} |`);
		console.log(`| after the run, its result kept (GC) | ${mb(kept.rss)} | ${mb(kept.heapUsed)} |`);
		console.log(`| after the run, its result dropped (GC) | ${mb(after.rss)} | ${mb(after.heapUsed)} |`);
		console.log(`\nOutput JSON: ${(outputBytes / N).toFixed(0)} bytes per item. Heap kept after the run: +${mb(kept.heapUsed - before.heapUsed)} (${((kept.heapUsed - before.heapUsed) / N).toFixed(0)} bytes per item).`);
		console.log(`Peak growth: RSS +${mb(peakRss - before.rss)}, heap +${mb(peakHeap - before.heapUsed)}${values.live ? `, alive +${mb(peakLive - before.heapUsed)}` : ''}`);
	} finally {
		simulator.kill();
	}
}

main().catch((error: Error) => {
	console.error(error);
	process.exit(1);
});
