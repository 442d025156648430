import { runCccWorkflow } from '../../scripts/engine/runWorkflow';
import { DEVICE_SOURCE } from '../../nodes/AlibabaCloudCcc/agent/deviceFields';
import { agent, agentParameters, credentialsFor, faultFirstCalls, useSimulator } from '../harness/simulatorFixture';

/** A real n8n reads the credential from its database and decrypts it whenever a node asks: the node asks once per run. */
describe('the credential, through n8n\'s engine', () => {
	const simulator = useSimulator();
	const items = [agent('alice@ccc-test'), agent('bob@ccc-test'), agent('user-test@ccc-test')];

	it('is decrypted once for a run of many requests (lookups, retries, Concurrency), and signs each of them', async () => {
		faultFirstCalls(simulator(), new Map([['bob@ccc-test', { fault: { kind: 'error', status: 503, code: 'ServiceUnavailable' }, times: 1 }]]));
		const result = await runCccWorkflow({
			items,
			parameters: { ...agentParameters, device: DEVICE_SOURCE.registeredDevice, options: { concurrency: 3, retryBaseDelay: 1 } },
			credentials: credentialsFor(simulator()),
		});
		expect(result.workflowError).toBeUndefined();
		expect(result.success.map((item) => item.json.UserId)).toEqual(['alice@ccc-test', 'bob@ccc-test', 'user-test@ccc-test']);
		// Three lookups, three ReadyForService calls and Bob's retry: each signed by the credential's authenticate().
		expect(simulator().requests).toHaveLength(7);
		expect(result.credentialsHelper.authenticated).toHaveLength(7);
		expect(result.credentialsHelper.decryptions).toBe(1);
	});

	it('is read afresh by the next run: nothing of it is kept between runs', async () => {
		const credentials = credentialsFor(simulator());
		for (let run = 0; run < 2; run++) {
			const result = await runCccWorkflow({ items, parameters: agentParameters, credentials });
			expect(result.workflowError).toBeUndefined();
			expect(result.credentialsHelper.decryptions).toBe(1);
		}
	});
});
