import { AnswerGate } from '../../simulator/answerGate';
import { type FakeClockDriver, fireTimersDueNow } from '../harness/fakeClock';
import { runCccWorkflow } from '../../scripts/engine/runWorkflow';
import { agent, agentParameters, credentialsFor, faultFirstCalls, useSimulator } from '../harness/simulatorFixture';

/**
 * A user's Stop cancels the execution: n8n aborts the request in flight, and the node's own waits (the backoff, the
 * pacer) must end at once too. Timers are fake and the clock never moves (only what is due at once fires), so a
 * wait that ignored the cancel would never end and the test would time out: nothing is measured.
 */
describe('cancelling an execution', () => {
	const simulator = useSimulator();
	const items = [agent('alice@ccc-test'), agent('bob@ccc-test'), agent('user-test@ccc-test')];

	let clock: FakeClockDriver;
	beforeEach(() => {
		jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
		clock = fireTimersDueNow();
	});
	afterEach(() => {
		clock.stop();
		jest.useRealTimers();
		jest.restoreAllMocks();
	});

	/** Resolves when the node draws a backoff (it then sleeps); the draw is the largest it can be. */
	function backoffStarts(): Promise<void> {
		return new Promise((resolve) => {
			jest.spyOn(Math, 'random').mockImplementation(() => {
				if (new Error().stack?.includes('backoffDelay')) resolve();
				return 0.999;
			});
		});
	}

	it('during a hung request: nothing more is sent, and the run ends', async () => {
		const gate = new AnswerGate();
		simulator().gate = gate;
		const result = await runCccWorkflow({
			items,
			parameters: { ...agentParameters, options: { concurrency: 2 } },
			credentials: credentialsFor(simulator()),
			// Even when every item is to go on after a failure, none is sent after the cancel.
			onError: 'continueRegularOutput',
			cancelWhen: gate.until(2),
		});
		expect(simulator().requests).toHaveLength(2);
		expect(gate.waiting).toHaveLength(2);
		expect(result.success.map((item) => item.json.UserId ?? 'failed')).toEqual(['failed', 'failed', 'failed']);
	});

	it('during the backoff before a retry: the wait ends at once, and nothing more is sent', async () => {
		faultFirstCalls(simulator(), new Map([['alice@ccc-test', { fault: { kind: 'error', status: 503, code: 'ServiceUnavailable' }, times: 1 }]]));
		const result = await runCccWorkflow({
			items,
			parameters: { ...agentParameters, options: { retryBaseDelay: 20_000 } },
			credentials: credentialsFor(simulator()),
			// Even when every item is to go on after a failure, none is sent after the cancel.
			onError: 'continueRegularOutput',
			cancelWhen: backoffStarts(),
		});
		expect(simulator().requests.map((entry) => entry.code)).toEqual(['ServiceUnavailable']);
		expect(result.success.map((item) => item.json.UserId ?? 'failed')).toEqual(['failed', 'failed', 'failed']);
	});

	it('while the pacer holds the next item back: the wait ends at once, and nothing more is sent', async () => {
		const gate = new AnswerGate();
		simulator().gate = gate;
		const firstAnswered = gate.until(1).then(() => gate.open());
		const result = await runCccWorkflow({
			items,
			// One request every 1,000 s: the second item waits at the pacer.
			parameters: { ...agentParameters, options: { maxRequestsPerSecond: 0.001 } },
			credentials: credentialsFor(simulator()),
			// Even when every item is to go on after a failure, none is sent after the cancel.
			onError: 'continueRegularOutput',
			cancelWhen: firstAnswered,
		});
		expect(simulator().requests.map((entry) => entry.params.UserId)).toEqual(['alice@ccc-test']);
		// The first item's answer may or may not have reached the node before the cancel.
		expect(result.success.slice(1).map((item) => item.json.UserId ?? 'failed')).toEqual(['failed', 'failed']);
	});
});
