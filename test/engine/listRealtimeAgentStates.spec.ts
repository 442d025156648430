import { AnswerGate } from '../../simulator/answerGate';
import { addLoadInstance, demoDirectory, loadAgentId } from '../../simulator/directory';
import { LIST_REALTIME_AGENT_STATES_NODE_TYPE, runCccWorkflow } from '../../scripts/engine/runWorkflow';
import { ANSWER_FORMATS, fieldTypes } from '../harness/answerFormats';
import { credentialsFor, useSimulator, type SignatureVersion } from '../harness/simulatorFixture';

/** The SDK's ListRealtimeAgentStatesResponseBodyDataList fields, with their types. */
const SDK_FIELDS = {
	AgentId: 'string',
	AgentName: 'string',
	BreakCode: 'string',
	CallType: 'string',
	CounterParty: 'string',
	Duration: 'number',
	Extension: 'string',
	InstanceId: 'string',
	Mobile: 'string',
	OutboundScenario: 'boolean',
	SkillGroupIdList: 'object',
	SkillGroupNameList: 'object',
	State: 'string',
	StateCode: 'string',
	StateTime: 'number',
	WorkMode: 'string',
};

const parameters = (extra: Record<string, unknown> = {}) => ({
	instanceId: '={{ $json.instanceId }}',
	agentIds: '={{ $json.agentIds ?? "" }}',
	states: [],
	skillGroupId: '',
	returnAll: true,
	options: {},
	...extra,
});

/** 250 load agents (3 pages of 100) beside the demo instance. */
const directoryWithLoad = (count: number) => {
	const directory = demoDirectory();
	addLoadInstance(directory, count);
	return directory;
};

const run = (simulator: { url: string }, items: object[], extra: Record<string, unknown> = {}, signatureVersion: SignatureVersion = 'v3') =>
	runCccWorkflow({
		nodeType: LIST_REALTIME_AGENT_STATES_NODE_TYPE,
		items: items as never,
		parameters: parameters(extra),
		credentials: credentialsFor(simulator, undefined, signatureVersion),
	});

describe('CCC ListRealtimeAgentStates through n8n\'s engine', () => {
	describe.each(ANSWER_FORMATS)('with %s', (_name, options) => {
		const simulator = useSimulator(options);

		it('outputs one item per agent, typed as the SDK types it, paired to the item that asked', async () => {
			const result = await run(simulator(), [{ instanceId: 'ccc-test' }, { instanceId: 'ccc-test', agentIds: 'carol@ccc-test' }]);
			expect(result.workflowError).toBeUndefined();
			expect(result.success.map((output) => [output.pairedItem, output.json.AgentId, output.json.State])).toEqual([
				[{ item: 0 }, 'user-test@ccc-test', 'Break'],
				[{ item: 0 }, 'alice@ccc-test', 'Break'],
				[{ item: 0 }, 'bob@ccc-test', 'ACW'],
				[{ item: 0 }, 'carol@ccc-test', 'Talking'],
				[{ item: 0 }, 'dave@ccc-test', 'Break'],
				[{ item: 0 }, 'erin@ccc-test', 'Offline'],
				[{ item: 0 }, 'frank@ccc-test', 'Offline'],
				[{ item: 0 }, 'grace@ccc-test', 'Offline'],
				[{ item: 1 }, 'carol@ccc-test', 'Talking'],
			]);
			for (const { json } of result.success) expect(fieldTypes(json)).toEqual(SDK_FIELDS);
			expect(result.success[1].json).toMatchObject({ BreakCode: 'Warm-up', SkillGroupIdList: ['skg-sales@ccc-test'], SkillGroupNameList: ['skg-sales'] });
			expect(result.success[0].json).toMatchObject({ SkillGroupIdList: [], SkillGroupNameList: [] });
		});
	});

	describe.each<[SignatureVersion, string, boolean]>([
		['v3', 'JSON', false],
		['v1', 'XML', true],
		['v3', 'XML', true],
	])('signed %s, %s answers', (signatureVersion, _format, forceXml) => {
		const simulator = useSimulator({ directory: directoryWithLoad(250), forceXml });

		it('pages past 100 agents with pages of 100, in order, and stops at the last page', async () => {
			const result = await run(simulator(), [{ instanceId: 'ccc-load' }], {}, signatureVersion);
			expect(result.success.map((output) => output.json.AgentId)).toEqual(Array.from({ length: 250 }, (_, index) => loadAgentId(index)));
			expect(simulator().requests.map((entry) => [entry.params.PageNumber, entry.params.PageSize, entry.code])).toEqual([
				['1', '100', 'OK'],
				['2', '100', 'OK'],
				['3', '100', 'OK'],
			]);
		});

		it('splits more than 20 Agent IDs into calls of 20, sends them and the states as JSON arrays in the form body, and keeps the order asked', async () => {
			// 45 agents, asked last to first; CCC answers each call in its own order.
			const asked = Array.from({ length: 45 }, (_, index) => loadAgentId(44 - index));
			const result = await run(simulator(), [{ instanceId: 'ccc-load', agentIds: asked }], { states: ['Break', 'Ready'] }, signatureVersion);
			expect(result.success.map((output) => output.json.AgentId)).toEqual(asked);
			const sent = simulator().requests;
			expect(sent.map((entry) => JSON.parse(entry.params.AgentIdList) as string[])).toEqual([asked.slice(0, 20), asked.slice(20, 40), asked.slice(40)]);
			for (const entry of sent) {
				expect([...(entry.bodyParams ?? [])].sort()).toEqual(['AgentIdList', 'StateList']);
				expect(entry.params.StateList).toBe('["Break","Ready"]');
				expect(entry.signatureVersion).toBe(signatureVersion);
			}
		});
	});

	describe('with JSON answers', () => {
		const simulator = useSimulator({ directory: directoryWithLoad(250) });

		it('filters by state (either spelling, any case) and skill group', async () => {
			const result = await run(simulator(), [{ instanceId: 'ccc-test' }], { states: '={{ ["offline", "WORKING"] }}', skillGroupId: 'skg-support@ccc-test' });
			expect(result.success.map((output) => [output.json.AgentId, output.json.State])).toEqual([
				['bob@ccc-test', 'ACW'],
				['frank@ccc-test', 'Offline'],
				['grace@ccc-test', 'Offline'],
			]);
			expect(simulator().requests[0].params).toMatchObject({ StateList: '["Offline","ACW"]', SkillGroupId: 'skg-support@ccc-test' });
		});

		it('stops at the Limit, asking for no more than it needs', async () => {
			const result = await run(simulator(), [{ instanceId: 'ccc-load' }, { instanceId: 'ccc-load' }], { returnAll: false, limit: '={{ $itemIndex === 0 ? 30 : 150 }}' });
			expect(result.success.filter((output) => output.pairedItem && (output.pairedItem as { item: number }).item === 0)).toHaveLength(30);
			expect(result.success).toHaveLength(180);
			expect(simulator().requests.map((entry) => [entry.params.PageNumber, entry.params.PageSize])).toEqual([
				['1', '30'],
				['1', '100'],
				['2', '100'],
			]);
		});

		it("stops paging when the execution is cancelled: the page in flight is the last one sent", async () => {
			const gate = new AnswerGate();
			simulator().gate = gate;
			const secondPageHeld = gate.until(1).then(async () => {
				gate.release();
				await gate.until(1);
			});
			const result = await runCccWorkflow({
				nodeType: LIST_REALTIME_AGENT_STATES_NODE_TYPE,
				items: [{ instanceId: 'ccc-load' }],
				parameters: parameters(),
				credentials: credentialsFor(simulator()),
				onError: 'continueRegularOutput',
				cancelWhen: secondPageHeld,
			});
			expect(simulator().requests.map((entry) => entry.params.PageNumber)).toEqual(['1', '2']);
			// The item fails (with Continue, as an error item): none of its agents is output from a cut-short query.
			expect(result.success.map((item) => Object.keys(item.json).sort())).toEqual([['details', 'error']]);
		});

		it('returns the answers page by page when Simplify is off', async () => {
			const result = await run(simulator(), [{ instanceId: 'ccc-load' }], { options: { simplify: false } });
			expect(result.success.map((output) => [output.json.Code, (output.json.Data as { PageNumber: number }).PageNumber, (output.json.Data as { List: unknown[] }).List.length])).toEqual([
				['OK', 1, 100],
				['OK', 2, 100],
				['OK', 3, 50],
			]);
		});

		it('names the field and the item for a bad Agent ID or state, and sends nothing for that item', async () => {
			const result = await runCccWorkflow({
				nodeType: LIST_REALTIME_AGENT_STATES_NODE_TYPE,
				items: [{ instanceId: 'ccc-test', agentIds: 'alice@ccc-test, bob' }, { instanceId: 'ccc-test', states: 'Lunch' }],
				parameters: parameters({ states: '={{ $json.states ?? [] }}' }),
				credentials: credentialsFor(simulator()),
				onError: 'continueErrorOutput',
			});
			expect(result.errors.map((output) => [output.pairedItem, output.json.error])).toEqual([
				[{ item: 0 }, 'Agent IDs holds "bob", which is not of the form name@instance, in item 0'],
				[{ item: 1 }, 'States holds "Lunch", which is not a state, in item 1'],
			]);
			expect(simulator().requests).toEqual([]);
		});
	});

	describe('past CCC\'s last page', () => {
		const simulator = useSimulator({ directory: directoryWithLoad(10_001), log: true });

		it('says so clearly after the first page instead of asking for page 101', async () => {
			const result = await runCccWorkflow({
				nodeType: LIST_REALTIME_AGENT_STATES_NODE_TYPE,
				items: [{ instanceId: 'ccc-load' }],
				parameters: parameters(),
				credentials: credentialsFor(simulator()),
				onError: 'continueErrorOutput',
			});
			expect(result.success).toEqual([]);
			expect(result.errors.map((output) => [output.pairedItem, output.json.error, (output.json.details as { hint: string }).hint])).toEqual([
				[
					{ item: 0 },
					'The query of item 0 matches 10001 agents; CCC lists at most 10000 per query (100 pages of 100)',
					'Narrow it with States, Skill Group ID or Agent IDs, or turn off Return All and set a Limit',
				],
			]);
			expect(simulator().requests).toHaveLength(1);
		});
	});
});
