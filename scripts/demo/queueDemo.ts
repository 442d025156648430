import { CCC_CREDENTIAL_TYPE } from '../../nodes/AlibabaCloudCcc/auth/cccCredentials';
import { CccSimulator } from '../../simulator/cccSimulator';
import { addLoadInstance, demoDirectory, loadAgentId } from '../../simulator/directory';
import { credentialsFor } from '../../simulator/agents';
import { DEMO_CREDENTIAL_ID } from './demoSetup';
import { startQueueCluster } from './queueCluster';
import { QUEUE_WEBHOOK_PATH, queueWorkflow, type QueueSummary } from './queueWorkflow';
import { formatTable } from './runReport';

const EXECUTIONS = 6;
const AGENTS_PER_EXECUTION = 5;

/**
 * `demo.js --queue`: n8n in queue mode (a main instance, two workers, Redis, PostgreSQL, all on 127.0.0.1), a
 * webhook workflow that readies the agents it is sent, and a few executions fired at once, to watch them land on
 * both workers. With `--headless` it stops after that; otherwise it keeps running until Ctrl-C.
 */
export async function runQueueDemo(options: { headless: boolean; simulatorPort: number; n8nPort: number }): Promise<void> {
	const directory = demoDirectory();
	addLoadInstance(directory, EXECUTIONS * AGENTS_PER_EXECUTION);
	const simulator = new CccSimulator({ directory, latencyMs: 100 });
	await simulator.start(options.simulatorPort);
	const credential = { id: DEMO_CREDENTIAL_ID, name: 'Alibaba Cloud CCC (demo simulator)' };
	console.log(`CCC simulator on ${simulator.url}; starting PostgreSQL, Redis, n8n main and two workers (a minute or two)`);
	const port = options.n8nPort;
	const cluster = await startQueueCluster({
		ports: { main: port, postgres: port + 2, redis: port + 3, workers: port + 4 },
		workerCount: 2,
		workerConcurrency: 5,
		credentials: [{ ...credential, type: CCC_CREDENTIAL_TYPE, data: credentialsFor(simulator) }],
		workflows: [queueWorkflow(credential)],
		logLevel: 'info',
	});
	const stop = async () => {
		await cluster.stop();
		await simulator.stop();
	};
	try {
		await cluster.webhookRegistered(QUEUE_WEBHOOK_PATH);
		const url = cluster.webhookUrl(QUEUE_WEBHOOK_PATH);
		const rows = await Promise.all(
			Array.from({ length: EXECUTIONS }, async (_, execution) => {
				const agents = Array.from({ length: AGENTS_PER_EXECUTION }, (_, index) => {
					const userId = loadAgentId(execution * AGENTS_PER_EXECUTION + index);
					return { instanceId: 'ccc-load', deviceId: `desk-${userId.split('@')[0]}`, userId };
				});
				agents.push({ instanceId: 'ccc-load', deviceId: 'desk-ghost', userId: `ghost-${execution + 1}@ccc-load` });
				const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ agents }) });
				const summary = (await response.json()) as QueueSummary;
				return {
					Request: String(execution + 1),
					Ready: summary.ready.map((agent) => agent.userId.split('@')[0]).join(', '),
					Failed: summary.failed.map((agent) => `${agent.userId.split('@')[0]} (${agent.code})`).join(', '),
				};
			}),
		);
		console.log(`\n${EXECUTIONS} webhook calls to ${url}, sent at once:\n\n${formatTable(rows)}\n`);
		for (const worker of cluster.workers) console.log(`${worker.name} ran executions ${cluster.executionsRunBy(worker).join(', ')}`);
		if (options.headless) return await stop();
		console.log(`\nn8n (queue mode) is running on http://127.0.0.1:${port}; POST {"agents":[{"instanceId","deviceId","userId"}]} to ${url}.`);
		console.log(`Each process logs to ${cluster.processes.map((started) => started.log).join(', ')}. Ctrl-C stops everything.`);
		await new Promise<void>((resolve) => {
			process.once('SIGINT', resolve);
			process.once('SIGTERM', resolve);
		});
		await stop();
	} catch (error) {
		await stop();
		throw error;
	}
}
