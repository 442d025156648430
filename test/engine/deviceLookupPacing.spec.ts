import { runCccWorkflow, type CccRun } from '../../scripts/engine/runWorkflow';
import { type FakeClockDriver, fireTimersDueNow, settle } from '../harness/fakeClock';
import { credentialsFor, useSimulator } from '../harness/simulatorFixture';

const SLOT_MS = 500;

describe("Max Requests per Second with the agent's registered device", () => {
	const simulator = useSimulator();

	let clock: FakeClockDriver;
	beforeEach(() => {
		jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'clearImmediate', 'queueMicrotask', 'performance'] });
		clock = fireTimersDueNow();
	});
	afterEach(() => {
		clock.stop();
		jest.useRealTimers();
	});

	it.each([1, 3])('spaces ListDevices and ReadyForService alike, one per slot (Concurrency %i)', async (concurrency) => {
		let result: CccRun | undefined;
		const run = runCccWorkflow({
			items: ['alice@ccc-test', 'bob@ccc-test', 'user-test@ccc-test'].map((userId) => ({ instanceId: 'ccc-test', userId })),
			parameters: { instanceId: '={{ $json.instanceId }}', device: 'registeredDevice', userId: '={{ $json.userId }}', options: { concurrency, maxRequestsPerSecond: 2 } },
			credentials: credentialsFor(simulator()),
		}).then((done) => (result = done));
		for (let sent = 1; sent <= 6; sent++) {
			// The next request, whichever action it carries, leaves only once the clock reaches its slot.
			await settle(() => simulator().requests.length >= sent);
			await clock.advance(SLOT_MS);
		}
		await settle(() => result !== undefined);
		await run;
		expect(result!.workflowError).toBeUndefined();
		expect(result!.success.map((item) => item.json.UserState)).toEqual(['READY', 'READY', 'READY']);
		const signed = result!.credentialsHelper.authenticated;
		const departures = signed.map((entry) => [entry.at - signed[0].at, entry.input.qs?.Action]);
		// 2 per second: a slot every SLOT_MS, for six requests, whichever action they carry.
		expect(departures.map(([at]) => at)).toEqual([0, 500, 1000, 1500, 2000, 2500]);
		expect(departures.filter(([, action]) => action === 'ListDevices')).toHaveLength(3);
		expect(simulator().requests.map((entry) => entry.action).sort()).toEqual([...Array(3).fill('ListDevices'), ...Array(3).fill('ReadyForService')]);
	});
});
