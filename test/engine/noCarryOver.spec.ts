import { CccSimulator } from '../../simulator/cccSimulator';
import { runCccWorkflow } from '../../scripts/engine/runWorkflow';
import { agent, agentParameters, credentialsFor } from '../harness/simulatorFixture';

/**
 * A queue-mode worker loads the node once and runs execution after execution with it: what one execution learned
 * must not reach the next. The clock offset is the thing a node would be tempted to keep: learned from a gateway
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
});
