/**
 * The packed package in n8n 2.41.1's queue mode: a main instance receives webhooks, two workers execute, Redis
 * carries the jobs and PostgreSQL holds the shared data, all started here on 127.0.0.1 (scripts/demo/queueCluster).
 * Several executions fired at once show that the credential decrypts on a worker, that error items make the trip
 * from a worker back to main, and that both workers run executions.
 */
import { startQueueCluster, type QueueCluster } from '../../scripts/demo/queueCluster';
import { QUEUE_WEBHOOK_PATH, queueWorkflow, type QueueSummary } from '../../scripts/demo/queueWorkflow';
import { AnswerGate } from '../../simulator/answerGate';
import { CccSimulator } from '../../simulator/cccSimulator';
import { addLoadInstance, DEMO_ACCESS_KEY, demoDirectory } from '../../simulator/directory';
import { credentialsFor, loadItems } from '../../simulator/agents';

jest.setTimeout(600_000);

// Below 32768 (outgoing connections take higher ones), apart from the other end-to-end tests' ports.
const PORTS = { postgres: 5710, redis: 5711, main: 5712, workers: 5714 };
const WORKER_CONCURRENCY = 2;
const EXECUTIONS = 5;
const AGENTS_PER_EXECUTION = 8;
const CREDENTIAL = { id: 'cccQueueCredential', name: 'Alibaba Cloud CCC (queue test)' };

const roster = loadItems(EXECUTIONS * AGENTS_PER_EXECUTION);
/** Execution e readies its own agents, and asks for one who does not exist. */
const agentsOf = (execution: number) => [
	...roster.slice(execution * AGENTS_PER_EXECUTION, (execution + 1) * AGENTS_PER_EXECUTION),
	{ instanceId: 'ccc-load', deviceId: `dev-ghost-${execution}`, userId: `ghost-${execution}@ccc-load` },
];
const executionOf = new Map(Array.from({ length: EXECUTIONS }, (_, execution) => agentsOf(execution).map((agent) => [agent.userId, execution] as const)).flat());

describe('the package in n8n queue mode (main, two workers, Redis, PostgreSQL)', () => {
	const directory = demoDirectory();
	addLoadInstance(directory, roster.length);
	const simulator = new CccSimulator({ directory });
	const gate = new AnswerGate();
	let cluster: QueueCluster | undefined;

	beforeAll(async () => {
		simulator.gate = gate;
		await simulator.start();
		cluster = await startQueueCluster({
			ports: PORTS,
			workerCount: 2,
			workerConcurrency: WORKER_CONCURRENCY,
			credentials: [{ ...CREDENTIAL, type: 'alibabaCloudCccApi', data: credentialsFor(simulator) }],
			// Answers wait at the gate until executions overlap: no attempt may time out meanwhile and be sent again.
			workflows: [queueWorkflow(CREDENTIAL, { timeout: 300_000 })],
			logLevel: 'info',
		});
		await cluster.webhookRegistered(QUEUE_WEBHOOK_PATH);
	});

	afterAll(async () => {
		await cluster?.stop();
		await simulator.stop();
	});

	it('runs webhook executions on both workers, every agent readied once, failures on the error output', async () => {
		const answers = Array.from({ length: EXECUTIONS }, (_, execution) =>
			fetch(cluster!.webhookUrl(QUEUE_WEBHOOK_PATH), {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ agents: agentsOf(execution) }),
			}).then(async (response) => ({ status: response.status, body: (await response.json()) as QueueSummary })),
		);

		// A worker runs at most WORKER_CONCURRENCY executions at once: requests of more executions than that, all
		// waiting at the gate together, mean both workers are executing.
		await gate.until((waiting) => new Set(waiting.map((request) => executionOf.get(request.params.UserId ?? ''))).size > WORKER_CONCURRENCY);
		gate.open();
		const summaries = await Promise.all(answers);

		summaries.forEach(({ status, body }, execution) => {
			const agents = agentsOf(execution).slice(0, -1);
			const ghost = agentsOf(execution).at(-1)!;
			expect([execution, status]).toEqual([execution, 200]);
			expect(body.ready).toEqual(
				agents.map((agent) => ({ userId: agent.userId, state: 'READY', extension: directory.instances.get('ccc-load')!.agents.get(agent.userId)!.extension })),
			);
			expect(body.failed).toEqual([{ userId: ghost.userId, code: 'NotExists.UserId', error: `NotExists.UserId: The user ${ghost.userId} does not exist in instance ccc-load.` }]);
		});
		for (const agent of roster) expect([agent.userId, simulator.attemptsFor(agent.userId).length]).toEqual([agent.userId, 1]);

		const ranBy = cluster!.workers.map((worker) => cluster!.executionsRunBy(worker));
		for (const executions of ranBy) expect(executions.length).toBeGreaterThan(0);
		expect(new Set(ranBy.flat()).size).toBe(EXECUTIONS);

		const seen = JSON.stringify(summaries) + cluster!.processes.map((process) => cluster!.logOf(process)).join('\n');
		expect(seen).not.toContain(DEMO_ACCESS_KEY.accessKeySecret);
	});
});
