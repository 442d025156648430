import type { INodeType } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { CccAgentStateTrigger } from '../../nodes/AlibabaCloudCcc/AgentStateTrigger/CccAgentStateTrigger.node';
import { CccListDevices } from '../../nodes/AlibabaCloudCcc/ListDevices/CccListDevices.node';
import { CccListRealtimeAgentStates } from '../../nodes/AlibabaCloudCcc/ListRealtimeAgentStates/CccListRealtimeAgentStates.node';
import { CccReadyForService } from '../../nodes/AlibabaCloudCcc/ReadyForService/CccReadyForService.node';
import { CccSignOutGroup } from '../../nodes/AlibabaCloudCcc/SignOutGroup/CccSignOutGroup.node';
import { CccTakeBreak } from '../../nodes/AlibabaCloudCcc/TakeBreak/CccTakeBreak.node';
import { triggerPoller } from '../../scripts/engine/pollTrigger';
import {
	CCC_NODE_TYPE,
	LIST_DEVICES_NODE_TYPE,
	LIST_REALTIME_AGENT_STATES_NODE_TYPE,
	runCccWorkflow,
	SIGN_OUT_GROUP_NODE_TYPE,
	TAKE_BREAK_NODE_TYPE,
} from '../../scripts/engine/runWorkflow';
import { credentialsFor, useSimulator } from '../harness/simulatorFixture';

const picked = (value: string) => ({ __rl: true, mode: 'list', value, cachedResultName: `${value} (picked)` });
const byId = (value: string) => ({ __rl: true, mode: 'id', value });
const byUrl = (value: string) => ({ __rl: true, mode: 'url', value });

const NODES: ReadonlyArray<[string, INodeType, string[]]> = [
	['CCC ReadyForService', new CccReadyForService(), ['instanceId', 'deviceId', 'userId']],
	['CCC ListDevices', new CccListDevices(), ['instanceId', 'userId']],
	['CCC TakeBreak', new CccTakeBreak(), ['instanceId', 'userId']],
	['CCC SignOutGroup', new CccSignOutGroup(), ['instanceId', 'userId']],
	['CCC ListRealtimeAgentStates', new CccListRealtimeAgentStates(), ['instanceId', 'agentIds', 'skillGroupId']],
	['CCC Agent State Trigger', new CccAgentStateTrigger(), ['instanceId']],
];

describe('Node versions: version 1 keeps its text fields, version 2 picks from lists under the same names', () => {
	it.each(NODES)('%s: a new node is version 2; the fields a saved version-1 node has are text, version 2 starts them as pickers', (_name, nodeType, fields) => {
		expect([nodeType.description.version, nodeType.description.defaultVersion]).toEqual([[1, 2], 2]);
		// What n8n gives a node placed on the canvas at each version: the displayed parameters with their defaults.
		const defaults = (typeVersion: number) =>
			NodeHelpers.getNodeParameters(nodeType.description.properties, {}, true, false, { typeVersion, parameters: {} } as never, nodeType.description) ?? {};
		const v1 = defaults(1);
		const v2 = defaults(2);
		for (const field of fields) {
			expect([field, v1[field]]).toEqual([field, '']);
			expect([field, v2[field]]).toEqual([field, { __rl: true, mode: 'list', value: '' }]);
		}
		const searched = nodeType.description.properties.flatMap((property) => property.modes ?? []).map((mode) => mode.typeOptions?.searchListMethod).filter(Boolean);
		for (const method of searched) expect(Object.keys(nodeType.methods?.listSearch ?? {})).toContain(method);
	});
});

describe('Version 2 through n8n\'s engine: picked, typed and URL values', () => {
	const simulator = useSimulator();
	const credentials = () => credentialsFor(simulator());
	const sent = () => simulator().requests.map((entry) => [entry.action, entry.params] as const);

	it('readies an agent on a picked device, the instance given By URL', async () => {
		const run = await runCccWorkflow({
			typeVersion: 2,
			items: [{}],
			parameters: {
				instanceId: byUrl('https://ccc-v2.aliyun.com/#/workbench/ccc-test'),
				device: 'deviceId',
				userId: picked('alice@ccc-test'),
				deviceId: picked('ACC-YUNBS-1.0.10-alice-desk'),
				options: {},
			},
			credentials: credentials(),
		});
		expect(run.workflowError).toBeUndefined();
		expect(run.success.map((item) => [item.json.UserId, item.json.UserState])).toEqual([['alice@ccc-test', 'READY']]);
		expect(sent()).toEqual([
			['ReadyForService', { InstanceId: 'ccc-test', DeviceId: 'ACC-YUNBS-1.0.10-alice-desk', UserId: 'alice@ccc-test', OutboundScenario: 'false' }],
		]);
	});

	it('takes By ID values from expressions (a roster, or a model\'s $fromAI) and checks them again, naming field and item', async () => {
		const run = await runCccWorkflow({
			nodeType: TAKE_BREAK_NODE_TYPE,
			typeVersion: 2,
			items: [
				{ instanceId: 'ccc-test', userId: 'alice@ccc-test' },
				{ instanceId: 'ccc test', userId: 'bob@ccc-test' },
				{ instanceId: 'ccc-test', userId: 'bob' },
			],
			parameters: { instanceId: byId('={{ $json.instanceId }}'), userId: byId('={{ $json.userId }}'), breakCode: 'lunch', options: {} },
			credentials: credentials(),
			onError: 'continueErrorOutput',
		});
		expect(run.success.map((item) => [item.pairedItem, item.json.UserId, item.json.BreakCode])).toEqual([[{ item: 0 }, 'alice@ccc-test', 'lunch']]);
		expect(run.errors.map((item) => [item.pairedItem, item.json.error])).toEqual([
			[{ item: 1 }, 'Instance ID "ccc test" is not an instance ID (letters, digits, - and _) in item 1'],
			[{ item: 2 }, 'User ID "bob" is not of the form name@instance in item 2'],
		]);
		expect(sent().map(([action]) => action)).toEqual(['TakeBreak']);
	});

	/** CCC SignOutGroup of erin, the instance given By URL as `url`. */
	const signOutByUrl = (url: string) =>
		runCccWorkflow({
			nodeType: SIGN_OUT_GROUP_NODE_TYPE,
			typeVersion: 2,
			items: [{}],
			parameters: { instanceId: byUrl(url), userId: picked('erin@ccc-test'), options: {} },
			credentials: credentials(),
			onError: 'continueErrorOutput',
		});

	it('refuses a URL from an expression that names no instance, naming the field and the item (the editor refuses a typed one)', async () => {
		const run = await signOutByUrl('={{ "https://ccc-v2.aliyun.com/#/overview" }}');
		expect(run.errors.map((item) => item.json.error)).toEqual(['Instance ID holds a URL that names no ID the node can read in item 0']);
		expect(sent()).toEqual([]);
	});

	it("leaves an expression's own failure in By URL to n8n's words, not to the URL's", async () => {
		const run = await signOutByUrl('={{ $("Console Links").item.json.url }}');
		expect(run.errors.map((item) => item.json.error)).toEqual(["Referenced node doesn't exist"]);
		expect(sent()).toEqual([]);
	});

	it('makes an expression that leaves User ID empty an error (version 1 acted on the credential\'s agent with a hint); a field left empty still means that agent', async () => {
		const run = await runCccWorkflow({
			nodeType: LIST_DEVICES_NODE_TYPE,
			typeVersion: 2,
			items: [{ userId: 'bob@ccc-test' }, { userId: '' }],
			parameters: { instanceId: picked('ccc-test'), userId: byId('={{ $json.userId }}'), options: {} },
			credentials: credentials(),
			onError: 'continueErrorOutput',
		});
		expect(run.errors.map((item) => [item.pairedItem, item.json.error])).toEqual([[{ item: 1 }, 'User ID is empty in item 1']]);
		expect(run.run.data.resultData.runData.CCC[0].hints ?? []).toEqual([]);
		const own = await runCccWorkflow({
			nodeType: LIST_DEVICES_NODE_TYPE,
			typeVersion: 2,
			items: [{}],
			parameters: { instanceId: picked('ccc-test'), userId: picked(''), options: {} },
			credentials: credentials(),
		});
		expect(own.success.map((item) => item.json.UserId)).toEqual(['user-test@ccc-test']);
		expect(sent()).toEqual([
			['ListDevices', { InstanceId: 'ccc-test', UserId: 'bob@ccc-test' }],
			['ListDevices', { InstanceId: 'ccc-test' }],
		]);
	});

	it('lists a picked skill group\'s agents, and the agents picked or typed By ID', async () => {
		const states = async (parameters: Record<string, unknown>) =>
			(
				await runCccWorkflow({
					nodeType: LIST_REALTIME_AGENT_STATES_NODE_TYPE,
					typeVersion: 2,
					items: [{}],
					parameters: { instanceId: picked('ccc-test'), states: [], returnAll: true, options: {}, ...parameters } as never,
					credentials: credentials(),
				})
			).success.map((item) => item.json.AgentId);
		expect(await states({ agentIds: picked(''), skillGroupId: picked('skg-sales@ccc-test') })).toEqual(['alice@ccc-test', 'bob@ccc-test', 'erin@ccc-test']);
		expect(await states({ agentIds: picked('carol@ccc-test'), skillGroupId: picked('') })).toEqual(['carol@ccc-test']);
		expect(await states({ agentIds: byId('grace@ccc-test, dave@ccc-test'), skillGroupId: byId('') })).toEqual(['grace@ccc-test', 'dave@ccc-test']);
	});

	it('runs the ReadyForService registered-device lookup with a picked agent', async () => {
		const run = await runCccWorkflow({
			nodeType: CCC_NODE_TYPE,
			typeVersion: 2,
			items: [{}],
			parameters: { instanceId: picked('ccc-test'), device: 'registeredDevice', userId: picked('bob@ccc-test'), options: {} },
			credentials: credentials(),
			onError: 'continueErrorOutput',
		});
		// bob is finishing a call's paperwork (after-call work), from which CCC readies an agent: on the desk looked up.
		expect(sent()).toEqual([
			['ListDevices', { InstanceId: 'ccc-test', UserId: 'bob@ccc-test' }],
			['ReadyForService', { InstanceId: 'ccc-test', DeviceId: 'ACC-YUNBS-1.0.10-bob-desk', UserId: 'bob@ccc-test', OutboundScenario: 'false' }],
		]);
		expect([run.success.map((item) => [item.json.UserId, item.json.UserState, item.json.DeviceId]), run.errors]).toEqual([[['bob@ccc-test', 'READY', 'ACC-YUNBS-1.0.10-bob-desk']], []]);
	});

	it('watches a picked skill group with the trigger at version 2', async () => {
		const poller = triggerPoller({
			typeVersion: 2,
			parameters: { instanceId: picked('ccc-test'), agents: 'skillGroup', skillGroupId: picked('skg-support@ccc-test'), triggerOn: ['stateChanged'] },
			credentials: credentials(),
		});
		expect(await poller.poll()).toBeNull();
		simulator().setAgentState('ccc-test', 'carol@ccc-test', 'READY');
		const [[event]] = (await poller.poll())!;
		expect(event.json).toMatchObject({ AgentId: 'carol@ccc-test', PreviousState: 'TALKING', State: 'READY' });
		expect(sent().every(([, params]) => params.SkillGroupId === 'skg-support@ccc-test')).toBe(true);
	});
});
