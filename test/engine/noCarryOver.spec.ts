import { AnswerGate } from '../../simulator/answerGate';
import { CccSimulator } from '../../simulator/cccSimulator';
import { runCccWorkflow } from '../../scripts/engine/runWorkflow';
import { fireTimersDueNow, onFakeTime } from '../harness/fakeClock';
import { agent, agentParameters, credentialsFor } from '../harness/simulatorFixture';

/**
 * A queue-mode worker loads the node once and runs execution after execution with it: what one execution learned
 * must not reach the next. The clock offset and CCC's rate are the things a node would be tempted to keep. The
 * clock offset: learned from a gateway
 * whose clock is an hour ahead, carried into an execution against a gateway that agrees with ours, it would get
 * that execution's first request refused as expired.
 */
describe('executions that follow each other in one process', () => {
	const agents = ['alice@ccc-test', 'bob@ccc-test', 'user-test@ccc-test'].map((userId) => agent(userId));

	async function executeAgainst(simulator: CccSimulator): Promise<string[]> {
		await simulator.start();
		try {
			const result = await runCccWorkflow({ items: agents, parameters: agentParameters, credentials: credentialsFor(simulator) });
			expect(result.workflowError).toBeUndefined();
			return simulator.requests.map((entry) => entry.code);
		} finally {
			await simulator.stop();
		}
	}

	it('start without the clock offset an earlier execution learned', async () => {
		// Tight enough that the learned offset (an hour) would be refused, wide enough for a slow machine.
		const skewed = new CccSimulator({ clockOffsetMs: 60 * 60_000, maxSkewMs: 5 * 60_000 });
		const inTime = new CccSimulator({ maxSkewMs: 5 * 60_000 });
		expect(await executeAgainst(skewed)).toEqual(['InvalidTimeStamp.Expired', 'OK', 'OK', 'OK']);
		expect(await executeAgainst(inTime)).toEqual(['OK', 'OK', 'OK']);
	});

	it('start without the rate an earlier execution learned from throttled answers', async () => {
		const throttling = new CccSimulator({ rateLimit: { rate: 1, burst: 1 } });
		await throttling.start();
		try {
			const result = await onFakeTime(() => runCccWorkflow({ items: agents, parameters: { ...agentParameters, options: { concurrency: 3 } }, credentials: credentialsFor(throttling) }));
			expect(result.workflowError).toBeUndefined();
			expect(throttling.requests.some((entry) => entry.code === 'Throttling.User')).toBe(true);
		} finally {
			await throttling.stop();
		}
		// The clock stands still: a learned rate (under 1 a second) would hold the second and third requests back for good.
		jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'clearImmediate', 'queueMicrotask', 'performance'] });
		const clock = fireTimersDueNow();
		const unlimited = new CccSimulator();
		const gate = new AnswerGate();
		unlimited.gate = gate;
		await unlimited.start();
		try {
			const run = runCccWorkflow({ items: agents, parameters: { ...agentParameters, options: { concurrency: 3 } }, credentials: credentialsFor(unlimited) });
			await gate.until(3);
			gate.open();
			expect((await run).workflowError).toBeUndefined();
		} finally {
			clock.stop();
			jest.useRealTimers();
			await unlimited.stop();
		}
	});
});
