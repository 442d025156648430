import { runCccWorkflow, type CccRun } from '../../scripts/engine/runWorkflow';
import { credentialsFor, useSimulator } from '../harness/simulatorFixture';

const SLOT_MS = 500;

/**
 * When the earliest pending fake timer is due. Jest's modern fake timers are @sinonjs/fake-timers, which hang the
 * clock on the faked `setTimeout`.
 */
function nextTimerAt(): number | undefined {
	const { clock } = setTimeout as unknown as { clock: { timers?: Record<string, { callAt: number }> } };
	const due = Object.values(clock.timers ?? {}).map((timer) => timer.callAt);
	return due.length > 0 ? Math.min(...due) : undefined;
}

/**
 * Max Requests per Second counts the lookup too. The clock is jest's: it moves only to a timer due within one slot
 * (the pacer's sleeps; no call here has a timeout, and n8n's own minute-long timers are never reached), and only
 * after sockets and the engine have gone as far as they can on the real event loop. So each request is signed at
 * exactly its pacer slot, on any machine.
 */
async function runOnFakeClock(run: () => Promise<CccRun>): Promise<CccRun> {
	let finished = false;
	const running = run().finally(() => (finished = true));
	for (let turns = 0; !finished; turns++) {
		if (turns > 100_000) throw new Error('The run neither finished nor waited for the pacer');
		await new Promise((resolve) => setImmediate(resolve));
		const at = nextTimerAt();
		if (at !== undefined && at - Date.now() <= SLOT_MS) await jest.advanceTimersByTimeAsync(Math.max(0, at - Date.now()));
	}
	return await running;
}

describe("Max Requests per Second with the agent's registered device", () => {
	const simulator = useSimulator();

	beforeEach(() => jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'clearImmediate', 'queueMicrotask', 'performance'] }));
	afterEach(() => jest.useRealTimers());

	it.each([1, 3])('spaces ListDevices and ReadyForService alike, one per slot (Concurrency %i)', async (concurrency) => {
		const result = await runOnFakeClock(() =>
			runCccWorkflow({
				items: ['alice@ccc-test', 'bob@ccc-test', 'user-test@ccc-test'].map((userId) => ({ instanceId: 'ccc-test', userId })),
				parameters: { instanceId: '={{ $json.instanceId }}', device: 'registeredDevice', userId: '={{ $json.userId }}', options: { concurrency, maxRequestsPerSecond: 2 } },
				credentials: credentialsFor(simulator()),
			}),
		);
		expect(result.workflowError).toBeUndefined();
		expect(result.success.map((item) => item.json.UserState)).toEqual(['READY', 'READY', 'READY']);
		const signed = result.credentialsHelper.authenticated;
		const departures = signed.map((entry) => [entry.at - signed[0].at, entry.input.qs?.Action]);
		// 2 per second: a slot every SLOT_MS, for six requests, whichever action they carry.
		expect(departures.map(([at]) => at)).toEqual([0, 500, 1000, 1500, 2000, 2500]);
		expect(departures.filter(([, action]) => action === 'ListDevices')).toHaveLength(3);
		expect(simulator().requests.map((entry) => entry.action).sort()).toEqual([...Array(3).fill('ListDevices'), ...Array(3).fill('ReadyForService')]);
	});
});
