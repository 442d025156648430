import type { IDataObject } from 'n8n-workflow';

import { kindOf, quoted } from '../response/describeValue';
import { normalizeFields, type FieldTypes } from '../response/normalizeFields';

/** CCC's limits for one ListRealtimeAgentStates query: pages of at most 100, page numbers up to 100, 20 Agent IDs. */
export const REALTIME_LIMITS = { maxPageSize: 100, maxPageNumber: 100, maxAgentIds: 20 } as const;

/** The most agents one query can reach: 100 pages of 100. */
export const MAX_AGENTS_PER_QUERY = REALTIME_LIMITS.maxPageSize * REALTIME_LIMITS.maxPageNumber;

/** One agent of ListRealtimeAgentStates' `Data.List`, typed as the official SDK's models type it. */
export const REALTIME_AGENT_STATE_TYPES: FieldTypes = {
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
	SkillGroupIdList: 'stringList',
	SkillGroupNameList: 'stringList',
	State: 'string',
	StateCode: 'string',
	StateTime: 'number',
	WorkMode: 'string',
};

/** ListRealtimeAgentStates' `Data`: one page of agents. */
export const REALTIME_PAGE_TYPES: FieldTypes = {
	PageNumber: 'number',
	PageSize: 'number',
	TotalCount: 'number',
	List: { structList: REALTIME_AGENT_STATE_TYPES },
};

export interface RealtimePage extends IDataObject {
	TotalCount?: number;
	List?: IDataObject[];
}

/** What makes one decoded entry of the page's `List` unlike an agent, if anything. */
function unexpectedAgent(entry: unknown, position: string): string | undefined {
	if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) return `${position} is ${kindOf(entry)}, not an agent: ${quoted(entry)}`;
	const { AgentId, StateTime } = normalizeFields(entry, REALTIME_AGENT_STATE_TYPES);
	if (typeof AgentId !== 'string' || !AgentId) return `${position} has no AgentId (${quoted(entry)})`;
	if (StateTime !== undefined && (typeof StateTime !== 'number' || !Number.isFinite(StateTime))) {
		return `${position} (${AgentId}) has StateTime ${quoted(StateTime)}, not epoch milliseconds`;
	}
	return undefined;
}

/**
 * The documented shape of ListRealtimeAgentStates' `Data` as decoded: a page with its `TotalCount` (without it, a
 * listing cannot know that it is complete) and a `List` of agents, each with its AgentId. One bare agent is a list
 * of one (a single XML element); nothing or an empty element is no agent.
 */
export function unexpectedRealtimePage(data: unknown): string | undefined {
	if (typeof data !== 'object' || data === null || Array.isArray(data)) return `Data is ${kindOf(data)}, not a page of agents: ${quoted(data)}`;
	const { TotalCount, List: list } = normalizeFields(data, { TotalCount: 'number' }) as { TotalCount?: unknown; List?: unknown };
	if (TotalCount === undefined) return 'Data has no TotalCount';
	if (typeof TotalCount !== 'number' || !Number.isInteger(TotalCount) || TotalCount < 0) return `Data has TotalCount ${quoted(TotalCount)}, not a count`;
	if (list === undefined || list === null || list === '') return undefined;
	if (typeof list !== 'object') return `List is ${kindOf(list)}, not a list of agents: ${quoted(list)}`;
	const entries: unknown[] = Array.isArray(list) ? list : [list];
	for (const [index, entry] of entries.entries()) {
		const problem = unexpectedAgent(entry, `agent ${index + 1} of ${entries.length}`);
		if (problem) return problem;
	}
	return undefined;
}
