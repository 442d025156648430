import type { IDataObject } from 'n8n-workflow';

import { quoted } from '../response/describeValue';
import type { FieldTypes } from '../response/normalizeFields';
import { unexpectedPage, type PageShape } from '../response/pageShape';

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

const REALTIME_PAGE_SHAPE: PageShape = {
	noun: 'agent',
	idField: 'AgentId',
	entryTypes: REALTIME_AGENT_STATE_TYPES,
	entryProblem: ({ StateTime }, position) =>
		StateTime !== undefined && (typeof StateTime !== 'number' || !Number.isFinite(StateTime)) ? `${position} has StateTime ${quoted(StateTime)}, not epoch milliseconds` : undefined,
};

/** The documented shape of ListRealtimeAgentStates' `Data` as decoded: a page of agents, each with its AgentId. */
export const unexpectedRealtimePage = (data: unknown): string | undefined => unexpectedPage(data, REALTIME_PAGE_SHAPE);
