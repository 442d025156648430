import path from 'node:path';
import { parseArgs } from 'node:util';

import { DEVICE_SOURCE } from '../../nodes/AlibabaCloudCcc/agent/deviceFields';
import { agentParameters, credentialsFor, loadItems } from '../../simulator/agents';
import { CccSimulator } from '../../simulator/cccSimulator';
import { addLoadInstance, demoDirectory } from '../../simulator/directory';

/**
 * `node throttledRun.js --build DIR --rate R --agents N [--lookup] --latency MS --concurrency C`: one run of CCC
 * ReadyForService for N agents, through n8n's engine as the build in DIR (this package's tools build, today's or
 * another commit's) runs it, against this tree's simulator with a token-bucket limit of R requests a second (burst R).
 * A process of its own per run, so that no build's state reaches another. Prints one line of JSON.
 */
const { values } = parseArgs({
	options: {
		build: { type: 'string' },
		rate: { type: 'string' },
		agents: { type: 'string' },
		lookup: { type: 'boolean', default: false },
		latency: { type: 'string', default: '20' },
		concurrency: { type: 'string', default: '20' },
	},
});

export interface ThrottledRunResult {
	readonly sent: number;
	readonly refused: number;
	/** Refused among the requests that arrived within a second of the first: the first burst into an unknown limit. */
	readonly refusedFirstSecond: number;
	readonly wallMs: number;
	readonly readied: number;
	readonly errors: number;
	readonly hints: readonly string[];
}

async function main(): Promise<void> {
	const agents = Number(values.agents);
	const rate = Number(values.rate);
	const { runCccWorkflow } = (await import(path.resolve(values.build!, 'scripts/engine/runWorkflow.js'))) as typeof import('../engine/runWorkflow');
	const directory = demoDirectory();
	addLoadInstance(directory, agents);
	const simulator = new CccSimulator({ directory, latencyMs: Number(values.latency), rateLimit: { rate, burst: rate } });
	await simulator.start();
	try {
		const parameters = { ...agentParameters, ...(values.lookup ? { device: DEVICE_SOURCE.registeredDevice } : {}), options: { concurrency: Number(values.concurrency) } };
		const started = Date.now();
		const result = await runCccWorkflow({ items: loadItems(agents), parameters, credentials: credentialsFor(simulator), onError: 'continueErrorOutput', recordRequests: false });
		const wallMs = Date.now() - started;
		const refused = simulator.requests.filter((entry) => entry.code === 'Throttling.User');
		const firstArrival = simulator.requests[0]?.receivedAt ?? started;
		const output: ThrottledRunResult = {
			sent: simulator.requests.length,
			refused: refused.length,
			refusedFirstSecond: refused.filter((entry) => entry.receivedAt - firstArrival < 1000).length,
			wallMs,
			readied: result.success.filter((item) => item.json.UserState === 'READY').length,
			errors: result.errors.length + (result.workflowError ? 1 : 0),
			hints: (result.run.data.resultData.runData.CCC?.[0]?.hints ?? []).map((hint) => hint.message),
		};
		console.log(JSON.stringify(output));
	} finally {
		await simulator.stop();
	}
}

main().catch((error: Error) => {
	console.error(error);
	process.exit(1);
});
