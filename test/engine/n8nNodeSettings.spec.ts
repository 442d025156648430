import { readFileSync } from 'node:fs';
import path from 'node:path';

import { LIST_DEVICES_NODE_TYPE, runCccWorkflow } from '../../scripts/engine/runWorkflow';
import { agent, agentParameters, credentialsFor, useSimulator } from '../harness/simulatorFixture';

/** The words of docs/errors.md (where the README links for n8n's node settings), on one line, for phrases that wrap. */
const ERRORS_PAGE = readFileSync(path.join(__dirname, '../../docs/errors.md'), 'utf8').replace(/\s+/g, ' ');

/** n8n's own node settings on top of this node's behaviour, as docs/errors.md describes them. */
describe("n8n's node settings, through n8n's engine", () => {
	const simulator = useSimulator();

	it('Retry On Fail re-runs the whole node when item 0 fails for good under Continue: every agent readied Max Tries times', async () => {
		const maxTries = 5;
		const items = [agent('nobody@ccc-test'), agent('alice@ccc-test'), agent('bob@ccc-test')];
		const result = await runCccWorkflow({
			items,
			parameters: agentParameters,
			credentials: credentialsFor(simulator()),
			onError: 'continueErrorOutput',
			retryOnFail: { maxTries, waitBetweenTries: 1 },
		});
		const readied = (userId: string) => simulator().requests.filter((entry) => entry.params.UserId === userId && entry.code === 'OK').length;
		expect([readied('alice@ccc-test'), readied('bob@ccc-test')]).toEqual([maxTries, maxTries]);
		expect(result.errors.map((item) => (item.json.details as { code: string }).code)).toEqual(['NotExists.UserId']);
		expect(ERRORS_PAGE).toContain(`each agent readied ${maxTries} times with Max Tries ${maxTries}`);
		expect(ERRORS_PAGE).toContain('**Leave n8n\'s own Retry On Fail off** on these nodes');
	});

	it('Always Output Data on CCC ReadyForService puts one {} on the success output, paired to every input, when every item fails', async () => {
		const result = await runCccWorkflow({
			alwaysOutputData: true,
			items: [agent('nobody@ccc-test'), agent('ghost@ccc-test')],
			parameters: agentParameters,
			credentials: credentialsFor(simulator()),
			onError: 'continueErrorOutput',
		});
		expect(result.errors.map((item) => [(item.json.details as { code: string }).code, item.pairedItem])).toEqual([
			['NotExists.UserId', { item: 0 }],
			['NotExists.UserId', { item: 1 }],
		]);
		expect(result.success).toEqual([{ json: {}, pairedItem: [{ item: 0, input: 0 }, { item: 1, input: 0 }] }]);
		expect(ERRORS_PAGE).toContain("**Leave n8n's Always Output Data off on CCC ReadyForService** too: when every item fails under On Error → Continue (using error output), it puts one empty item `{}` on the success output, paired to every input item");
	});

	describe('Always Output Data on CCC ListDevices', () => {
		const parameters = { instanceId: '={{ $json.instanceId }}', userId: '={{ $json.userId }}', options: {} };
		const roster = (...userIds: string[]) => userIds.map((userId) => ({ instanceId: 'ccc-test', userId }));

		it('gives one empty item, paired to every input (the failed one too), when no agent at all has a device', async () => {
			const result = await runCccWorkflow({
				nodeType: LIST_DEVICES_NODE_TYPE,
				alwaysOutputData: true,
				items: roster('frank@ccc-test', 'nobody@ccc-test'),
				parameters,
				credentials: credentialsFor(simulator()),
				onError: 'continueErrorOutput',
			});
			expect(result.errors).toHaveLength(1);
			expect(result.success).toEqual([{ json: {}, pairedItem: [{ item: 0, input: 0 }, { item: 1, input: 0 }] }]);
			expect(ERRORS_PAGE).toContain('That one item is paired to every input item, failed ones included');
		});

		it('gives nothing for an agent without devices when another has one', async () => {
			const result = await runCccWorkflow({
				nodeType: LIST_DEVICES_NODE_TYPE,
				alwaysOutputData: true,
				items: roster('frank@ccc-test', 'alice@ccc-test'),
				parameters,
				credentials: credentialsFor(simulator()),
			});
			expect(result.success.map((item) => [item.json.DeviceId, item.pairedItem])).toEqual([['ACC-YUNBS-1.0.10-alice-desk', { item: 1 }]]);
			expect(ERRORS_PAGE).toContain('among agents with devices, one without still gives nothing');
		});
	});
});
