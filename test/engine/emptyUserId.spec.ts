/**
 * What a version-1 node does with a User ID whose expression gave nothing (a roster row with an empty cell, a
 * misspelled column): CCC acts on the agent bound to the credential, as it always has, and the run says so once,
 * naming the items. Break codes go as given.
 */
import { EMPTY_USER_ID_HINT } from '../../nodes/AlibabaCloudCcc/agent/agentFields';
import { CCC_NODE_TYPE, LIST_DEVICES_NODE_TYPE, runCccWorkflow, SIGN_OUT_GROUP_NODE_TYPE, TAKE_BREAK_NODE_TYPE } from '../../scripts/engine/runWorkflow';
import { agentParameters, credentialsFor, useSimulator } from '../harness/simulatorFixture';

const rows = [
	{ instanceId: 'ccc-test', userId: 'alice@ccc-test', code: 'lunch' },
	{ instanceId: 'ccc-test', userId: '', code: 'lunch' },
	{ instanceId: 'ccc-test', user: 'bob@ccc-test', code: 'lunch' },
];

const byNode: Array<[string, Record<string, unknown>]> = [
	[TAKE_BREAK_NODE_TYPE, { instanceId: '={{ $json.instanceId }}', userId: '={{ $json.userId }}', breakCode: '={{ $json.code }}', options: {} }],
	[SIGN_OUT_GROUP_NODE_TYPE, { instanceId: '={{ $json.instanceId }}', userId: '={{ $json.userId }}', options: {} }],
	[LIST_DEVICES_NODE_TYPE, { instanceId: '={{ $json.instanceId }}', userId: '={{ $json.userId }}', options: {} }],
	[CCC_NODE_TYPE, { ...agentParameters, deviceId: 'ACC-YUNBS-1.0.10-desk' }],
];

describe("an empty User ID through n8n's engine, at node version 1", () => {
	const simulator = useSimulator();
	const hintsOf = (run: Awaited<ReturnType<typeof runCccWorkflow>>['run']) => run.data.resultData.runData.CCC[0].hints ?? [];

	it.each(byNode)('%s: acts on the credential\'s agent as before, with one execution hint naming the items', async (nodeType, parameters) => {
		const { run, success } = await runCccWorkflow({ nodeType, items: rows, parameters: parameters as never, credentials: credentialsFor(simulator()), onError: 'continueRegularOutput' });
		expect(success.map((item) => item.pairedItem)).toEqual(expect.arrayContaining([{ item: 0 }, { item: 1 }, { item: 2 }]));
		expect(simulator().requests.map((entry) => entry.params.UserId)).toEqual(['alice@ccc-test', undefined, undefined]);
		expect(hintsOf(run)).toEqual([{ message: `${EMPTY_USER_ID_HINT} (items 1, 2)`, location: 'outputPane' }]);
	});

	it('a User ID left empty in the field itself (no expression) is the credential\'s agent, as the field says, with no hint', async () => {
		const { run } = await runCccWorkflow({
			nodeType: SIGN_OUT_GROUP_NODE_TYPE,
			items: [{}],
			parameters: { instanceId: 'ccc-test', userId: '', options: {} },
			credentials: credentialsFor(simulator()),
			onError: 'continueRegularOutput',
		});
		expect(simulator().requests).toHaveLength(1);
		expect(hintsOf(run)).toEqual([]);
	});
});

describe("CCC TakeBreak's Break Code through n8n's engine", () => {
	const simulator = useSimulator();

	it.each([' lunch', 'lunch ', '\tlunch'])('%j is refused by name, not trimmed; nothing is sent', async (code) => {
		const { errors } = await runCccWorkflow({
			nodeType: TAKE_BREAK_NODE_TYPE,
			items: [{ code }],
			parameters: { instanceId: 'ccc-test', userId: 'alice@ccc-test', breakCode: '={{ $json.code }}', options: {} },
			credentials: credentialsFor(simulator()),
			onError: 'continueErrorOutput',
		});
		expect(errors.map((item) => [item.json.error, (item.json.details as { hint: string }).hint])).toEqual([
			[`Break Code ${JSON.stringify(code)} has spaces at its start or end in item 0`, 'Remove them: CCC keeps the text as sent, e.g. lunch'],
		]);
		expect(simulator().requests).toEqual([]);
	});
});
