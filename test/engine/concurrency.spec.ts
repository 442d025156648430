import { CccSimulator, type SimulatorOptions } from '../../simulator/cccSimulator';
import { addLoadInstance, demoDirectory } from '../../simulator/directory';
import { runCccWorkflow } from '../harness/runWorkflow';
import { loadItems } from '../harness/agents';
import { agentParameters, credentialsFor, faultFirstCalls } from '../harness/simulatorFixture';


async function withSimulator(options: SimulatorOptions, body: (simulator: CccSimulator) => Promise<void>): Promise<void> {
	const directory = demoDirectory();
	addLoadInstance(directory, 100);
	const simulator = new CccSimulator({ directory, ...options });
	await simulator.start();
	try {
		await body(simulator);
	} finally {
		await simulator.stop();
	}
}

const pairedIndexes = (outputs: Array<{ pairedItem?: unknown }>) => outputs.map((output) => (output.pairedItem as { item: number }).item);

describe('Concurrency and Max Requests per Second', () => {
	it.each([1, 5, 12])('keeps at most %i requests in flight, and the output in input order', async (concurrency) => {
		// Answers take long enough (60 ms) for every slot of the window to fill, even on a busy machine.
		await withSimulator({ latencyMs: 60 }, async (simulator) => {
			const items = loadItems(30);
			const result = await runCccWorkflow({
				items,
				parameters: { ...agentParameters, options: { concurrency } },
				credentials: credentialsFor(simulator),
			});
			expect(simulator.maxInFlight).toBe(concurrency);
			expect(pairedIndexes(result.success)).toEqual(items.map((_, index) => index));
			expect(result.success.map((output) => output.json.UserId)).toEqual(items.map((item) => item.userId));
		});
	});

	it('sends each item once, and retries happen inside the window', async () => {
		await withSimulator({ latencyMs: 5 }, async (simulator) => {
			const items = loadItems(40);
			faultFirstCalls(simulator, new Map(items.filter((_, index) => index % 4 === 0).map((item) => [item.userId, { fault: { kind: 'error', status: 503, code: 'ServiceUnavailable' }, times: 1 }])));
			const result = await runCccWorkflow({
				items,
				parameters: { ...agentParameters, options: { concurrency: 8, retryBaseDelay: 1 } },
				credentials: credentialsFor(simulator),
				onError: 'continueErrorOutput',
			});
			expect(result.errors).toEqual([]);
			expect(pairedIndexes(result.success)).toEqual(items.map((_, index) => index));
			items.forEach((item, index) => expect([index, simulator.attemptsFor(item.userId).length]).toEqual([index, index % 4 === 0 ? 2 : 1]));
			expect(simulator.maxInFlight).toBeLessThanOrEqual(8);
		});
	});

	it('stops at the first failing item when errors are not continued, starting nothing new', async () => {
		await withSimulator({ latencyMs: 10 }, async (simulator) => {
			const items = loadItems(30);
			items[6] = { ...items[6], userId: 'ghost@ccc-load' };
			const result = await runCccWorkflow({ items, parameters: { ...agentParameters, options: { concurrency: 4 } }, credentials: credentialsFor(simulator) });
			expect(result.workflowError?.message).toContain('NotExists.UserId');
			expect(result.workflowError?.context?.itemIndex).toBe(6);
			// Items 7 to 9 may have been in flight with it; nothing later was started.
			expect(simulator.requests.length).toBeLessThanOrEqual(10);
		});
	});

	it('spaces requests to stay under Max Requests per Second, whatever the concurrency', async () => {
		await withSimulator({}, async (simulator) => {
			const result = await runCccWorkflow({
				items: loadItems(8),
				parameters: { ...agentParameters, options: { concurrency: 5, maxRequestsPerSecond: 20 } },
				credentials: credentialsFor(simulator),
			});
			expect(simulator.requests).toHaveLength(8);
			// When each request was signed, that is when it left. 20 per second is one every 50 ms: any k + 1
			// requests span at least k × 50 ms, less the up to 40 ms that n8n's helper may take between the pacer's
			// release and the signing of one request. Only lower bounds: a slow machine cannot fail this.
			const departures = result.credentialsHelper.authenticated.map((entry) => entry.at).sort((a, b) => a - b);
			departures.forEach((later, k) =>
				departures.slice(0, k).forEach((earlier, j) => expect(later - earlier).toBeGreaterThanOrEqual((k - j) * 50 - 40)),
			);
			expect(departures.at(-1)! - departures[0]).toBeGreaterThanOrEqual(7 * 50 - 40);
		});
	});

	it('backs the whole window off after a throttling answer', async () => {
		await withSimulator({}, async (simulator) => {
			let throttled = false;
			simulator.faults = () => {
				if (throttled) return undefined;
				throttled = true;
				return { kind: 'error', status: 400, code: 'Throttling.User' };
			};
			const result = await runCccWorkflow({
				items: loadItems(15),
				parameters: { ...agentParameters, options: { concurrency: 5, retryBaseDelay: 200 } },
				credentials: credentialsFor(simulator),
			});
			expect(result.success).toHaveLength(15);
			const throttle = simulator.requests.find((entry) => entry.code === 'Throttling.User')!;
			// Up to 4 other items may have been sent before the throttling answer reached the node; after that,
			// nothing leaves for the whole pause (the base delay, 200 ms). Without the pause, all 15 items would
			// finish inside that window.
			const duringPause = simulator.requests.filter((entry) => entry.receivedAt > throttle.answeredAt && entry.receivedAt < throttle.answeredAt + 190);
			expect(duringPause.length).toBeLessThanOrEqual(4);
			expect(simulator.requests.filter((entry) => entry.receivedAt >= throttle.answeredAt + 190).length).toBeGreaterThanOrEqual(10);
		});
	});
});
