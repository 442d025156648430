import { AnswerGate } from '../../simulator/answerGate';
import { CccSimulator, type SimRequest } from '../../simulator/cccSimulator';
import { addLoadInstance, demoDirectory } from '../../simulator/directory';
import { loadItems } from '../../simulator/agents';
import { type FakeClockDriver, fireTimersDueNow, settle } from '../harness/fakeClock';
import { runCccWorkflow, type CccRun } from '../../scripts/engine/runWorkflow';
import { agentParameters, credentialsFor, faultFirstCalls } from '../harness/simulatorFixture';

/**
 * Order and overlap are shown with a gate that holds the simulator's answers until the test lets them go, and the
 * pacer's waits with fake timers (the engine and the sockets keep running for real): nothing here measures time.
 */

async function withSimulator(body: (simulator: CccSimulator, gate: AnswerGate) => Promise<void>): Promise<void> {
	const directory = demoDirectory();
	addLoadInstance(directory, 100);
	const simulator = new CccSimulator({ directory });
	const gate = new AnswerGate();
	simulator.gate = gate;
	await simulator.start();
	try {
		await body(simulator, gate);
	} finally {
		await simulator.stop();
	}
}

const pairedIndexes = (outputs: Array<{ pairedItem?: unknown }>) => outputs.map((output) => (output.pairedItem as { item: number }).item);
const userOf = (request: SimRequest) => request.params.UserId;
/** Which agents the requests were for: requests sent together may arrive in any order. */
const usersOf = (requests: readonly SimRequest[]) => requests.map(userOf).sort();
const idsOf = (items: ReadonlyArray<{ userId: string }>) => items.map((item) => item.userId).sort();


describe('Concurrency', () => {
	it.each([1, 5, 12])('fills a window of %i requests, never more, and keeps the output in input order', async (concurrency) => {
		await withSimulator(async (simulator, gate) => {
			const items = loadItems(30);
			const run = runCccWorkflow({ items, parameters: { ...agentParameters, options: { concurrency } }, credentials: credentialsFor(simulator) });
			let answered = 0;
			while (answered < items.length) {
				// The window fills up to the concurrency (or what is left), and only then does the test answer.
				await gate.until(Math.min(concurrency, items.length - answered));
				expect(simulator.requests).toHaveLength(answered + gate.waiting.length);
				answered += gate.release();
			}
			const result = await run;
			expect(simulator.maxInFlight).toBe(concurrency);
			expect(pairedIndexes(result.success)).toEqual(items.map((_, index) => index));
			expect(result.success.map((output) => output.json.UserId)).toEqual(items.map((item) => item.userId));
		});
	});

	it('makes room for the next item as soon as any answer comes, whichever it is', async () => {
		await withSimulator(async (simulator, gate) => {
			const items = loadItems(4);
			const run = runCccWorkflow({ items, parameters: { ...agentParameters, options: { concurrency: 3 } }, credentials: credentialsFor(simulator) });
			await gate.until(3);
			expect(usersOf(gate.waiting)).toEqual(idsOf(items.slice(0, 3)));
			// The last of the window answers first: its slot goes to item 3 while items 0 and 1 are still waiting.
			gate.release((request) => userOf(request) === items[2].userId);
			await gate.until(3);
			expect(usersOf(gate.waiting)).toEqual(idsOf([items[0], items[1], items[3]]));
			gate.open();
			expect(pairedIndexes((await run).success)).toEqual([0, 1, 2, 3]);
		});
	});

	it('sends each item once, and retries happen inside the window', async () => {
		await withSimulator(async (simulator, gate) => {
			gate.open();
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
		await withSimulator(async (simulator, gate) => {
			const items = loadItems(30);
			items[6] = { ...items[6], userId: 'ghost@ccc-load' };
			const run = runCccWorkflow({ items, parameters: { ...agentParameters, options: { concurrency: 4 } }, credentials: credentialsFor(simulator) });
			const isItem = (...indexes: number[]) => (request: SimRequest) => indexes.some((index) => userOf(request) === items[index].userId);
			await gate.until(4);
			gate.release(isItem(0, 1, 2, 3));
			await gate.until(4);
			gate.release(isItem(4, 5, 7));
			// Items 6 (the ghost), 8, 9 and 10 are in flight; the ghost's answer comes while the others wait.
			await gate.until(4);
			expect(usersOf(gate.waiting)).toEqual(idsOf([6, 8, 9, 10].map((index) => items[index])));
			gate.release(isItem(6));
			gate.open();
			const result = await run;
			expect(result.workflowError?.message).toContain('NotExists.UserId');
			expect(result.workflowError?.context?.itemIndex).toBe(6);
			expect(usersOf(simulator.requests)).toEqual(idsOf(items.slice(0, 11)));
		});
	});
});

describe('Max Requests per Second, on fake timers', () => {
	const START = Date.parse('2026-01-05T08:00:00Z');
	let clock: FakeClockDriver;
	beforeEach(() => {
		jest.useFakeTimers({ now: START, doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
		clock = fireTimersDueNow();
	});
	afterEach(() => {
		clock.stop();
		jest.useRealTimers();
		jest.restoreAllMocks();
	});

	/** When each request left, in fake milliseconds since the start: n8n signs a request as it leaves. */
	const departures = (result: CccRun) => result.credentialsHelper.authenticated.map((entry) => entry.at - START);

	it('spaces requests 1/rate apart, whatever the concurrency', async () => {
		await withSimulator(async (simulator, gate) => {
			gate.open();
			const items = loadItems(8);
			let result: CccRun | undefined;
			const run = runCccWorkflow({
				items,
				parameters: { ...agentParameters, options: { concurrency: 5, maxRequestsPerSecond: 20 } },
				credentials: credentialsFor(simulator),
			}).then((done) => (result = done));
			for (let sent = 1; sent <= items.length; sent++) {
				// The next request leaves only once the clock reaches its slot, 50 ms after the one before.
				await settle(() => simulator.requests.length >= sent);
				await clock.advance(50);
			}
			await settle(() => result !== undefined);
			await run;
			expect(departures(result!)).toEqual([0, 50, 100, 150, 200, 250, 300, 350]);
		});
	});
});
