import path from 'node:path';

import { endOfShiftReport, setUpDemo, shiftStartReport } from './demoSetup';
import { REPO, startN8nServer } from './n8nRuntime';
import { runQueueDemo } from './queueDemo';
import { shiftStartWithTrigger } from './triggerDemo';

/**
 * The main job. `demo.js` starts n8n with this package, the CCC simulator and the example workflow on
 * http://127.0.0.1:5678 and waits; `demo.js --headless` executes the example workflow once with CCC Agent State
 * Trigger watching, prints the agents' results and the trigger's events as tables, runs the end of shift, and exits. `--queue` runs n8n in queue mode instead (see queueDemo.ts).
 */
async function main(): Promise<void> {
	const headless = process.argv.includes('--headless');
	const n8nPort = Number(process.env.N8N_PORT ?? 5678);
	const simulatorPort = Number(process.env.CCC_SIMULATOR_PORT ?? 8790);
	if (process.argv.includes('--queue')) return await runQueueDemo({ headless, simulatorPort, n8nPort });
	const demo = await setUpDemo({
		simulatorPort,
		n8nPort,
		userFolder: path.join(REPO, '.n8n-demo/home'),
	});
	console.log(`CCC simulator on ${demo.simulator.url}; example workflow imported as ${demo.workflowId}`);

	if (headless) {
		console.log('Starting n8n with CCC Agent State Trigger watching the agents; its events come at n8n\'s next minute mark (up to a minute\'s wait)');
		const { shift, events } = await shiftStartWithTrigger(demo, n8nPort, async () => {
			const started = Date.now();
			const report = await shiftStartReport(demo);
			return `Example workflow executed by n8n in ${((Date.now() - started) / 1000).toFixed(1)} s. ${report}`;
		});
		console.log(`\n${shift}\n\n${events}`);
		console.log(`\n${await endOfShiftReport(demo)}`);
		await demo.simulator.stop();
		return;
	}

	const server = await startN8nServer(demo.n8n, n8nPort);
	console.log(`\nn8n is running on http://127.0.0.1:${n8nPort} (set up an owner account on first visit).`);
	console.log(`Open the workflow "Shift start: ready CCC agents" (or "End of shift: sign CCC agents out") and press "Execute workflow". Ctrl-C stops everything.`);
	const stop = async () => {
		server.kill('SIGTERM');
		await demo.simulator.stop();
		process.exit(0);
	};
	process.on('SIGINT', () => void stop());
	process.on('SIGTERM', () => void stop());
	await new Promise((resolve) => server.on('exit', resolve));
	await demo.simulator.stop();
}

main().catch((error: Error) => {
	console.error(error.message);
	process.exit(1);
});
