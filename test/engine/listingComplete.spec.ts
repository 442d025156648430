/**
 * CCC ListRealtimeAgentStates lists every agent once, or says why not: a live list that moves between pages, a
 * gateway whose pages do not add up, answers of another shape, and Agent IDs as users and models type them.
 */
import type { AgentState } from '../../nodes/AlibabaCloudCcc/agent/agentStates';
import { LISTING_PASSES } from '../../nodes/AlibabaCloudCcc/execution/listPages';
import { CccSimulator, type SimRequest, type SimulatorOptions } from '../../simulator/cccSimulator';
import { addLoadInstance, demoDirectory, loadAgentId } from '../../simulator/directory';
import { LIST_REALTIME_AGENT_STATES_NODE_TYPE, runCccWorkflow } from '../../scripts/engine/runWorkflow';
import { credentialsFor } from '../harness/simulatorFixture';

const AGENTS = 250;

/** 250 load agents on BREAK, of whom agents 10 to 129 (120 of them) are READY. */
function directory() {
	const built = demoDirectory();
	addLoadInstance(built, AGENTS);
	for (let index = 10; index < 130; index++) built.instances.get('ccc-load')!.agents.get(loadAgentId(index))!.state = 'READY';
	return built;
}

const parameters = (extra: Record<string, unknown> = {}) => ({
	instanceId: 'ccc-load',
	agentIds: '',
	states: ['Ready'],
	skillGroupId: '',
	returnAll: true,
	options: {},
	...extra,
});

/** A simulator per test, on a directory of its own: tests move and add agents. */
function useFreshSimulator(options: SimulatorOptions = {}): () => CccSimulator {
	let simulator: CccSimulator | undefined;
	beforeEach(async () => {
		simulator = new CccSimulator({ directory: directory(), ...options });
		await simulator.start();
	});
	afterEach(async () => await simulator?.stop());
	return () => simulator!;
}

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, offset) => loadAgentId(from + offset));

describe("CCC ListRealtimeAgentStates through n8n's engine: every agent once, or an error", () => {
	const simulator = useFreshSimulator();
	const loadAgent = (index: number) => simulator().directory.instances.get('ccc-load')!.agents.get(loadAgentId(index))!;
	const run = (extra: Record<string, unknown> = {}, items: object[] = [{}]) =>
		runCccWorkflow({
			nodeType: LIST_REALTIME_AGENT_STATES_NODE_TYPE,
			items: items as never,
			parameters: parameters(extra),
			credentials: credentialsFor(simulator()),
			onError: 'continueErrorOutput',
		});

	/** Moves one agent when the gateway is first asked for a page past the first. */
	const moveBetweenPages = (index: number, state: AgentState) => {
		let moved = false;
		simulator().faults = ({ params }: SimRequest) => {
			if (!moved && params.PageNumber !== '1') {
				loadAgent(index).state = state;
				moved = true;
			}
			return undefined;
		};
	};
	const agentIdsOf = (items: ReadonlyArray<{ json: { AgentId?: unknown } }>) => items.map((item) => String(item.json.AgentId));

	it.each<[string, number, AgentState]>([
		['enters the States filter before the page boundary (once: one agent twice)', 5, 'READY'],
		['leaves the States filter before the page boundary (once: one agent missing)', 20, 'BREAK'],
	])('an agent who %s: every agent who stayed Ready is listed, and each agent once', async (_case, index, state) => {
		moveBetweenPages(index, state);
		const { success, errors } = await run();
		expect(errors).toEqual([]);
		const listed = agentIdsOf(success);
		expect(new Set(listed).size).toBe(listed.length);
		const stayed = range(10, 130).filter((agentId) => agentId !== loadAgentId(index));
		expect(listed.filter((agentId) => agentId !== loadAgentId(index))).toEqual(stayed);
		// Past one page the filter is applied here, on pages read without it, so a state change moves no one.
		expect(simulator().requests.map((entry) => [entry.params.PageNumber, entry.params.StateList ?? 'every state'])).toEqual([
			['1', '["Ready"]'],
			['1', 'every state'],
			['2', 'every state'],
			['3', 'every state'],
		]);
	});

	it('a States filter whose agents fit on one page costs one request', async () => {
		const { success } = await run({ returnAll: false, limit: 100 });
		expect(agentIdsOf(success)).toEqual(range(10, 110));
		expect(simulator().requests).toHaveLength(1);
	});

	it('an agent added to the instance between two pages: the listing is read again, and every agent is listed once', async () => {
		let added = false;
		simulator().faults = ({ params }: SimRequest) => {
			if (!added && params.PageNumber === '2') {
				const agents = simulator().directory.instances.get('ccc-load')!.agents;
				const rest = [...agents].slice(3);
				for (const [agentId] of rest) agents.delete(agentId);
				agents.set('new-agent@ccc-load', { ...loadAgent(0), state: 'BREAK' });
				for (const [agentId, entry] of rest) agents.set(agentId, entry);
				added = true;
			}
			return undefined;
		};
		const { success, errors } = await run({ states: [] });
		expect(errors).toEqual([]);
		const listed = agentIdsOf(success);
		expect(listed).toHaveLength(AGENTS + 1);
		expect(new Set(listed).size).toBe(AGENTS + 1);
		expect(simulator().requests.map((entry) => entry.params.PageNumber)).toEqual(['1', '2', '1', '2', '3']);
	});

	it(`a page that comes back empty before TotalCount, on each of ${LISTING_PASSES} reads, is an error item, not a short list`, async () => {
		simulator().reshape = (request, data) =>
			request.params.PageNumber === '2' ? { ...(data as object), List: [] } : data;
		const { success, errors } = await run({ states: [] });
		expect(success).toEqual([]);
		expect(errors.map((item) => item.json.error)).toEqual([
			`CCC's list of agents did not read whole for item 0 in ${LISTING_PASSES} reads (last: page 2 ended after 100 of ${AGENTS} agents), so some agents would be missing or listed twice`,
		]);
		expect(simulator().requests).toHaveLength(2 * LISTING_PASSES);
	});

	it('a page with more agents than its TotalCount, on each read, is an error item, not a list cut at TotalCount', async () => {
		simulator().reshape = (_request, data) => ({ ...(data as object), TotalCount: 0 });
		const { success, errors } = await run({ states: [] });
		expect(success).toEqual([]);
		expect(errors.map((item) => item.json.error)).toEqual([
			`CCC's list of agents did not read whole for item 0 in ${LISTING_PASSES} reads (last: 100 agents were listed where TotalCount is 0), so some agents would be missing or listed twice`,
		]);
	});

	it('States read on pages without the filter are pages of 100, whatever the Limit', async () => {
		// The filtered page comes back short of what it promises, so the node reads every state.
		simulator().reshape = (request, data) => (request.params.StateList ? { ...(data as object), List: (data as { List: unknown[] }).List.slice(0, 2) } : data);
		const { success } = await run({ returnAll: false, limit: 5 });
		expect(agentIdsOf(success)).toEqual(range(10, 15));
		expect(simulator().requests.map((entry) => [entry.params.PageNumber, entry.params.PageSize, entry.params.StateList ?? 'every state'])).toEqual([
			['1', '5', '["Ready"]'],
			['1', '100', 'every state'],
		]);
	});

	describe('a gateway that serves 50 per page', () => {
		const capped = useFreshSimulator({ pageSizeCap: 50 });

		it('its page size is used from page 2 on, and all agents come', async () => {
			const { success, errors } = await runCccWorkflow({
				nodeType: LIST_REALTIME_AGENT_STATES_NODE_TYPE,
				items: [{}],
				parameters: parameters({ states: [] }),
				credentials: credentialsFor(capped()),
				onError: 'continueErrorOutput',
			});
			expect(errors).toEqual([]);
			expect(agentIdsOf(success)).toEqual(range(0, AGENTS));
			expect(capped().requests.map((entry) => [entry.params.PageNumber, entry.params.PageSize])).toEqual([
				['1', '100'],
				['2', '50'],
				['3', '50'],
				['4', '50'],
				['5', '50'],
			]);
		});
	});

	it.each<[string, (data: Record<string, unknown>) => unknown, string]>([
		['no TotalCount', ({ TotalCount: _total, ...data }) => data, 'Data has no TotalCount'],
		['a List of text', (data) => ({ ...data, List: 'agents' }), 'List is text, not a list of agents: "agents"'],
		['a null agent', (data) => ({ ...data, List: [null] }), 'agent 1 of 1 is null, not an agent: null'],
		['an agent without AgentId', (data) => ({ ...data, List: [{ State: 'Ready' }] }), 'agent 1 of 1 has no AgentId ({"State":"Ready"})'],
		['a StateTime that is no number', (data) => ({ ...data, List: [{ AgentId: 'a@ccc-load', StateTime: 'soon' }] }), 'agent 1 of 1 (a@ccc-load) has StateTime "soon", not epoch milliseconds'],
	])('an answer with %s is InvalidResponse, not phantom agents', async (_case, reshape, problem) => {
		simulator().reshape = (_request, data) => reshape(data as Record<string, unknown>);
		const { success, errors } = await run({ states: [] });
		expect(success).toEqual([]);
		expect(errors.map((item) => [item.json.error, (item.json.details as { code: string }).code])).toEqual([
			[`InvalidResponse: CCC's ListRealtimeAgentStates answer does not have its documented shape: ${problem}`, 'InvalidResponse'],
		]);
	});

	describe('Agent IDs', () => {
		const asked = range(0, 45).reverse();

		it('JSON-array text is read as a list', async () => {
			const { success, errors } = await run({ states: [], agentIds: JSON.stringify([loadAgentId(7), loadAgentId(3)]) });
			expect(errors).toEqual([]);
			expect(agentIdsOf(success)).toEqual([loadAgentId(7), loadAgentId(3)]);
		});

		it.each([`["${loadAgentId(1)}"`, `'${loadAgentId(1)}'`, `["${loadAgentId(1)}",]x`])('brackets and quotes are not part of an ID: %s is refused, nothing is sent', async (agentIds) => {
			const { errors } = await run({ states: [], agentIds });
			expect(String(errors[0].json.error)).toMatch(/^Agent IDs (holds ".*", which is not of the form name@instance|looks like a JSON array but is not one), in item 0$/);
			expect(simulator().requests).toEqual([]);
		});

		it('with a Limit and more than 20 IDs, the items follow the order given', async () => {
			const { success } = await run({ states: [], agentIds: asked, returnAll: false, limit: 5 });
			expect(agentIdsOf(success)).toEqual(asked.slice(0, 5));
		});

		it("more IDs than CCC's ceiling of 10,000 is an error before anything is sent", async () => {
			const { success, errors } = await run({ states: [], agentIds: Array.from({ length: 10_003 }, (_, index) => `agent-${index}@ccc-load`) });
			expect(success).toEqual([]);
			expect(errors.map((item) => item.json.error)).toEqual(['Agent IDs holds 10003 agents in item 0; CCC lists at most 10000 per query']);
			expect(simulator().requests).toEqual([]);
		});
	});

	it('a States expression that gives null is an error, not every state', async () => {
		const { success, errors } = await run({ states: '={{ null }}' });
		expect(success).toEqual([]);
		expect(errors.map((item) => item.json.error)).toEqual(['States is empty (its expression gave null) in item 0']);
		expect(simulator().requests).toEqual([]);
	});
});
