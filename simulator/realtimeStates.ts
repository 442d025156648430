import { AGENT_STATE_NAMES, AGENT_STATES, type AgentState } from '../nodes/AlibabaCloudCcc/agent/agentStates';
import { invalidParameter, pageBound } from './apiFailure';
import type { SimAgent, SimInstance } from './directory';

/**
 * CCC's realtime reports: ListRealtimeAgentStates (one entry per agent, paged) and GetRealtimeInstanceStates
 * (counters). The limits are CCC's, from its API reference, kept here rather than read from the node: the simulator
 * is the gateway the node is checked against.
 */
const MAX_PAGE_SIZE = 100;
const MAX_PAGE_NUMBER = 100;
const MAX_AGENT_IDS = 20;

type Params = Readonly<Record<string, string>>;

/** A list parameter: a JSON array of strings, as the SDK sends AgentIdList and StateList. */
function jsonList(params: Params, name: string): string[] | undefined {
	if (params[name] === undefined || params[name] === '') return undefined;
	let list: unknown;
	try {
		list = JSON.parse(params[name]);
	} catch {
		throw invalidParameter(name, 'it is not a JSON array');
	}
	if (!Array.isArray(list) || list.some((entry) => typeof entry !== 'string')) throw invalidParameter(name, 'it is not a JSON array of strings');
	return list as string[];
}

const reportStateOf = (report: string): AgentState | undefined => AGENT_STATE_NAMES.find((state) => AGENT_STATES[state].report === report);

export interface ReportOptions {
	/** The gateway's clock (ms since the epoch). */
	readonly now: number;
	/** When the states began of agents that have not moved since the simulator started. */
	readonly since: number;
	/** Numbers and booleans as strings, as Alibaba's own examples show them. */
	readonly stringly?: boolean;
	/** The most entries served per page, whatever PageSize asks (pages are then counted in that size). */
	readonly pageSizeCap?: number;
}

const scalar = (value: number | boolean, stringly?: boolean) => (stringly ? String(value) : value);
const nameOf = (id: string) => id.split('@')[0];

function entryOf(instanceId: string, agentId: string, agent: SimAgent, { now, since, stringly }: ReportOptions): Record<string, unknown> {
	const name = nameOf(agentId);
	const stateTime = agent.stateTime ?? since;
	return {
		AgentId: agentId,
		AgentName: name[0].toUpperCase() + name.slice(1),
		BreakCode: agent.state === 'BREAK' ? (agent.breakCode ?? '') : '',
		CallType: agent.state === 'TALKING' || agent.state === 'RINGING' ? 'Inbound' : agent.state === 'DIALING' ? 'Outbound' : '',
		CounterParty: '',
		Duration: scalar(Math.floor((now - stateTime) / 1000), stringly),
		Extension: agent.extension,
		InstanceId: instanceId,
		Mobile: '',
		OutboundScenario: scalar(agent.outboundScenario ?? false, stringly),
		SkillGroupIdList: [...agent.skillGroups],
		SkillGroupNameList: agent.skillGroups.map(nameOf),
		State: AGENT_STATES[agent.state].report,
		StateCode: agent.state === 'BREAK' ? (agent.breakCode ?? '') : '',
		StateTime: scalar(stateTime, stringly),
		WorkMode: agent.workMode,
	};
}

/** ListRealtimeAgentStates with CCC's rules: required page bounds up to 100, at most 20 Agent IDs, report states. */
export function listRealtimeAgentStates(instanceId: string, instance: SimInstance, params: Params, options: ReportOptions): Record<string, unknown> {
	const pageNumber = pageBound(params, 'PageNumber', MAX_PAGE_NUMBER);
	const pageSize = Math.min(pageBound(params, 'PageSize', MAX_PAGE_SIZE), options.pageSizeCap ?? MAX_PAGE_SIZE);
	const agentIds = jsonList(params, 'AgentIdList');
	if (agentIds && agentIds.length > MAX_AGENT_IDS) throw invalidParameter('AgentIdList', `it lists ${agentIds.length} agents, more than ${MAX_AGENT_IDS}`);
	const states = jsonList(params, 'StateList')?.map((report) => {
		const state = reportStateOf(report);
		if (!state) throw invalidParameter('StateList', `${report} is not a state`);
		return state;
	});
	// CCC's own order (the instance's), whatever order the Agent IDs were asked in.
	const matching = [...instance.agents]
		.filter(([agentId, agent]) => (!agentIds || agentIds.includes(agentId)) && (!states || states.includes(agent.state)) && (!params.SkillGroupId || agent.skillGroups.includes(params.SkillGroupId)))
		.map(([agentId, agent]) => entryOf(instanceId, agentId, agent, options));
	return {
		PageNumber: scalar(pageNumber, options.stringly),
		PageSize: scalar(pageSize, options.stringly),
		TotalCount: scalar(matching.length, options.stringly),
		List: matching.slice((pageNumber - 1) * pageSize, pageNumber * pageSize),
	};
}

/** GetRealtimeInstanceStates: the instance's counters, and how many agents are on each break code. */
export function getRealtimeInstanceStates(instanceId: string, instance: SimInstance, stringly?: boolean): Record<string, unknown> {
	const agents = [...instance.agents.values()];
	const count = (...states: AgentState[]) => scalar(agents.filter((agent) => states.includes(agent.state)).length, stringly);
	const breakCodes = new Map<string, number>();
	for (const agent of agents) if (agent.state === 'BREAK') breakCodes.set(agent.breakCode ?? '', (breakCodes.get(agent.breakCode ?? '') ?? 0) + 1);
	return {
		InstanceId: instanceId,
		TotalAgents: scalar(agents.length, stringly),
		LoggedInAgents: scalar(agents.filter((agent) => agent.state !== 'OFFLINE').length, stringly),
		ReadyAgents: count('READY'),
		BreakingAgents: count('BREAK'),
		TalkingAgents: count('TALKING', 'RINGING', 'DIALING'),
		WorkingAgents: count('WORKING'),
		InteractiveCalls: count('TALKING'),
		WaitingCalls: scalar(0, stringly),
		LongestWaitingTime: scalar(0, stringly),
		BreakCodeDetailList: [...breakCodes].map(([breakCode, agentsOnIt]) => ({ BreakCode: breakCode, Count: scalar(agentsOnIt, stringly) })),
	};
}
