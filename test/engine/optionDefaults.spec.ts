import { runCccWorkflow } from '../../scripts/engine/runWorkflow';
import { agent, agentParameters, credentialsFor, faultFirstCalls, useSimulator } from '../harness/simulatorFixture';

/** What the README's Options table promises for Options the user never adds (n8n applies a collection's defaults in the editor only). */
describe('Options left empty, through n8n\'s engine', () => {
	const simulator = useSimulator();
	const { options: _untouched, ...withoutOptions } = agentParameters;

	it.each([
		['an empty Options collection', agentParameters],
		['no Options parameter at all', withoutOptions],
	])('with %s, every request carries the documented 10 s timeout', async (_name, parameters) => {
		const result = await runCccWorkflow({
			items: [agent('alice@ccc-test'), agent('bob@ccc-test')],
			parameters,
			credentials: credentialsFor(simulator()),
		});
		expect(result.workflowError).toBeUndefined();
		expect(result.credentialsHelper.authenticated.map((request) => request.input.timeout)).toEqual([10_000, 10_000]);
	});

	it('keeps a Timeout of 3e9 ms to its limit, 300000 ms, so that calls do not fail at once (Node\'s timers overflow past 2^31 ms)', async () => {
		const result = await runCccWorkflow({
			items: [agent('alice@ccc-test')],
			parameters: { ...agentParameters, options: { timeout: 3e9 } },
			credentials: credentialsFor(simulator()),
		});
		expect(result.workflowError).toBeUndefined();
		expect(result.success.map((item) => item.json.UserState)).toEqual(['READY']);
		expect(result.credentialsHelper.authenticated.map((request) => request.input.timeout)).toEqual([300_000]);
	});

	it('retries a transient failure up to the documented 3 attempts, and returns Data (Simplify on)', async () => {
		faultFirstCalls(simulator(), new Map([['bob@ccc-test', { fault: { kind: 'error', status: 503, code: 'ServiceUnavailable' }, times: 5 }]]));
		const result = await runCccWorkflow({
			items: [agent('alice@ccc-test'), agent('bob@ccc-test')],
			parameters: { ...agentParameters, options: { retryBaseDelay: 1 } },
			credentials: credentialsFor(simulator()),
			onError: 'continueRegularOutput',
		});
		expect(result.success.map((item) => item.json.UserId ?? item.json.error)).toEqual([
			'alice@ccc-test',
			'ServiceUnavailable: Simulated ServiceUnavailable. (gave up after 3 attempts)',
		]);
		expect(simulator().attemptsFor('bob@ccc-test')).toHaveLength(3);
	});
});
