import { DEMO_STS_KEY } from '../../simulator/directory';
import { runCccWorkflow, SIGN_OUT_GROUP_NODE_TYPE, TAKE_BREAK_NODE_TYPE } from '../../scripts/engine/runWorkflow';
import { ANSWER_FORMATS, fieldTypes } from '../harness/answerFormats';
import { credentialsFor, useSimulator, type SignatureVersion } from '../harness/simulatorFixture';

/** The SDK's TakeBreakResponseBodyData and SignOutGroupResponseBodyData fields (the same), with their types. */
const SDK_FIELDS = {
	BreakCode: 'string',
	DeviceId: 'string',
	Extension: 'string',
	Heartbeat: 'number',
	InstanceId: 'string',
	Mobile: 'string',
	OutboundScenario: 'boolean',
	Reserved: 'number',
	SignedSkillGroupIdList: 'object',
	UserId: 'string',
	UserState: 'string',
	WorkMode: 'string',
};

const takeBreakParameters = { instanceId: '={{ $json.instanceId }}', userId: '={{ $json.userId }}', breakCode: '={{ $json.code }}', options: {} };
const signOutParameters = { instanceId: '={{ $json.instanceId }}', userId: '={{ $json.userId }}', options: {} };
const item = (userId: string, code = 'lunch') => ({ instanceId: 'ccc-test', userId, code });

/** The error item's details when `userId`, an agent who is not signed in, goes through the node. */
async function offlineRefusal(nodeType: string, parameters: Parameters<typeof runCccWorkflow>[0]['parameters'], userId: string, simulator: Parameters<typeof credentialsFor>[0]) {
	const result = await runCccWorkflow({ nodeType, items: [item(userId)], parameters, credentials: credentialsFor(simulator), onError: 'continueErrorOutput' });
	return result.errors[0].json.details;
}

describe('CCC TakeBreak through n8n\'s engine', () => {
	describe.each(ANSWER_FORMATS)('with %s', (_name, options) => {
		const simulator = useSimulator(options);

		it.each<SignatureVersion>(['v3', 'v1'])('puts each agent on its break code, typed as the SDK types it (%s)', async (signatureVersion) => {
			const result = await runCccWorkflow({
				nodeType: TAKE_BREAK_NODE_TYPE,
				items: [item('alice@ccc-test', 'lunch'), item('bob@ccc-test', 'meeting')],
				parameters: takeBreakParameters,
				credentials: credentialsFor(simulator(), undefined, signatureVersion),
			});
			expect(result.workflowError).toBeUndefined();
			expect(result.success.map((output) => [output.pairedItem, output.json.UserId, output.json.UserState, output.json.BreakCode])).toEqual([
				[{ item: 0 }, 'alice@ccc-test', 'BREAK', 'lunch'],
				[{ item: 1 }, 'bob@ccc-test', 'BREAK', 'meeting'],
			]);
			for (const { json } of result.success) expect(fieldTypes(json)).toEqual(SDK_FIELDS);
			expect(simulator().requests.map((entry) => [entry.action, entry.params])).toEqual([
				['TakeBreak', { InstanceId: 'ccc-test', UserId: 'alice@ccc-test', Code: 'lunch' }],
				['TakeBreak', { InstanceId: 'ccc-test', UserId: 'bob@ccc-test', Code: 'meeting' }],
			]);
		});
	});

	describe('with JSON answers', () => {
		const simulator = useSimulator();

		it('tells that an agent who is not signed in signs in first, without speaking of readying', async () => {
			expect(await offlineRefusal(TAKE_BREAK_NODE_TYPE, takeBreakParameters, 'grace@ccc-test', simulator())).toMatchObject({
				code: 'InvalidOperation.UserState',
				agentState: 'OFFLINE',
				hint: 'The agent is not signed in: only a signed-in agent takes a break; the agent signs in to the CCC workbench (or app) first, then run again',
			});
		});

		it('signs with an STS token', async () => {
			const result = await runCccWorkflow({
				nodeType: TAKE_BREAK_NODE_TYPE,
				items: [item('alice@ccc-test')],
				parameters: takeBreakParameters,
				credentials: credentialsFor(simulator(), DEMO_STS_KEY),
			});
			expect(result.success.map((output) => output.json.UserState)).toEqual(['BREAK']);
		});

		it('names the field and the item for an empty Break Code or a bad User ID, sending nothing for them; an empty User ID is the credential\'s agent', async () => {
			const result = await runCccWorkflow({
				nodeType: TAKE_BREAK_NODE_TYPE,
				items: [item('alice@ccc-test', '  '), item('alice'), item(''), item('carol@ccc-test')],
				parameters: takeBreakParameters,
				credentials: credentialsFor(simulator()),
				onError: 'continueErrorOutput',
			});
			expect(result.errors.map((output) => [output.pairedItem, output.json.error])).toEqual([
				[{ item: 0 }, 'Break Code is empty in item 0'],
				[{ item: 1 }, 'User ID "alice" is not of the form name@instance in item 1'],
				// carol is on a call: CCC refuses, the other items carry on.
				[{ item: 3 }, expect.stringContaining('User state (TALKING) does not meet expectations (READY,BREAK,WORKING)')],
			]);
			expect(result.success.map((output) => [output.pairedItem, output.json.UserId, output.json.BreakCode])).toEqual([[{ item: 2 }, 'user-test@ccc-test', 'lunch']]);
			expect(simulator().requests.map((entry) => entry.params)).toEqual([
				{ InstanceId: 'ccc-test', Code: 'lunch' },
				{ InstanceId: 'ccc-test', UserId: 'carol@ccc-test', Code: 'lunch' },
			]);
		});
	});
});

describe('CCC SignOutGroup through n8n\'s engine', () => {
	describe.each(ANSWER_FORMATS)('with %s', (_name, options) => {
		const simulator = useSimulator(options);

		it.each<SignatureVersion>(['v3', 'v1'])(
			'signs the idle agents out (OFFLINE, no skill group); a busy agent goes to the error output with what to do (%s)',
			async (signatureVersion) => {
				const result = await runCccWorkflow({
					nodeType: SIGN_OUT_GROUP_NODE_TYPE,
					items: [item('alice@ccc-test'), item('carol@ccc-test'), item('bob@ccc-test')],
					parameters: signOutParameters,
					credentials: credentialsFor(simulator(), undefined, signatureVersion),
					onError: 'continueErrorOutput',
				});
				expect(result.success.map((output) => [output.pairedItem, output.json.UserId, output.json.UserState, output.json.SignedSkillGroupIdList])).toEqual([
					[{ item: 0 }, 'alice@ccc-test', 'OFFLINE', []],
					[{ item: 2 }, 'bob@ccc-test', 'OFFLINE', []],
				]);
				for (const { json } of result.success) expect(fieldTypes(json)).toEqual(SDK_FIELDS);
				expect(result.errors).toHaveLength(1);
				expect(result.errors[0].pairedItem).toEqual({ item: 1 });
				expect(result.errors[0].json.details).toMatchObject({
					code: 'InvalidOperation.UserState',
					httpStatus: 400,
					itemIndex: 1,
					hint: expect.stringMatching(/call/),
				});
				expect(simulator().directory.instances.get('ccc-test')!.agents.get('carol@ccc-test')!.state).toBe('TALKING');
			},
		);

		it('tells that an agent who is not signed in is already signed out, rather than to sign in', async () => {
			expect(await offlineRefusal(SIGN_OUT_GROUP_NODE_TYPE, signOutParameters, 'erin@ccc-test', simulator())).toMatchObject({
				code: 'InvalidOperation.UserState',
				agentState: 'OFFLINE',
				hint: 'The agent is already signed out (OFFLINE): nothing to do',
			});
		});
	});
});
