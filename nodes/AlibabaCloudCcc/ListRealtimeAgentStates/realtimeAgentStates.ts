import type { IDataObject } from 'n8n-workflow';

import type { FieldTypes } from '../response/normalizeFields';

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
