import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { AGENT_STATE_NAMES, AGENT_STATES, SYSTEM_BREAK_CODES } from '../agent/agentStates';
import { CCC_CREDENTIAL_TYPE } from '../auth/cccCredentials';
import { cccListSearch } from '../pickers/searchLists';
import { type CccToolText, INSTANCE_ID_INPUT, toolDescriptionProperty } from '../tool/cccTool';
import { listRealtimeAgentStates } from './listRealtimeAgentStates';
import {
	LIMIT,
	listRealtimeAgentStatesProperties,
	RETURN_ALL,
	STATES,
} from './listRealtimeAgentStatesFields';
import { AGENT_IDS, INSTANCE_SUBTITLE, SKILL_GROUP_ID } from '../agent/agentFields';
import { MAX_AGENTS_PER_QUERY, REALTIME_AGENT_STATE_TYPES } from '../agent/realtimeAgentStates';

const REPORT_STATES = AGENT_STATE_NAMES.map((state) => AGENT_STATES[state].report).join(', ');

/** What a language model reads about this node as a tool. */
const LIST_REALTIME_AGENT_STATES_TOOL: CccToolText = {
	does: 'Lists who is where in an Alibaba Cloud Contact Center (CCC) instance: the current state of each agent (ready, on a break and why, on a call, after-call work, offline).',
	inputs: [
		{ ...INSTANCE_ID_INPUT, format: 'the ID of the CCC instance whose agents to list' },
		{ field: AGENT_IDS, format: `only these agents (at most ${MAX_AGENTS_PER_QUERY}), each of the form name@instance, separated by commas or as a JSON array`, mayBeEmpty: 'for every agent' },
		{ field: STATES, format: `only agents in these states, separated by commas, from ${REPORT_STATES}`, mayBeEmpty: 'for every state' },
		{ field: SKILL_GROUP_ID, format: 'only agents of this skill group', mayBeEmpty: 'for every skill group' },
		{ field: RETURN_ALL, format: 'true to list every agent the query matches, false to stop at Limit' },
		{ field: LIMIT, format: `the most agents to list, from 1 to ${MAX_AGENTS_PER_QUERY}`, mayBeEmpty: 'when Return All is true' },
	],
	returns: `one JSON object per agent, with ${Object.keys(REALTIME_AGENT_STATE_TYPES).join(', ')}. State is one of ${REPORT_STATES}; BreakCode says why an agent is on a break (${SYSTEM_BREAK_CODES.warmUp}: just signed in). No object at all means no agent matches.`,
	errors: [
		`"CCC lists at most ${MAX_AGENTS_PER_QUERY} per query": the query matches more agents than CCC lists. Narrow it with States, Skill Group ID or Agent IDs, or set a Limit; do not retry as it is.`,
		'"NotExists.InstanceId": there is no such instance. Ask the user for the right Instance ID; do not guess another one.',
		'"did not read whole": agents joined or left the list while it was read. Retry once; if it fails again, narrow the query.',
	],
};

export class CccListRealtimeAgentStates implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'CCC ListRealtimeAgentStates',
		name: 'cccListRealtimeAgentStates',
		icon: { light: 'file:cccListRealtimeAgentStates.svg', dark: 'file:cccListRealtimeAgentStates.dark.svg' },
		group: ['input'],
		// Version 1 has text fields; 2 picks the instance, agents and skill groups from CCC's lists (params/nodeVersions.ts).
		version: [1, 2],
		defaultVersion: 2,
		subtitle: INSTANCE_SUBTITLE,
		description: 'List who is where: the current state of Alibaba Cloud Contact Center agents (ready, on break, on a call, offline)',
		defaults: { name: 'CCC ListRealtimeAgentStates' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: CCC_CREDENTIAL_TYPE, required: true }],
		properties: [...listRealtimeAgentStatesProperties, toolDescriptionProperty(LIST_REALTIME_AGENT_STATES_TOOL)],
	};

	methods = { listSearch: cccListSearch };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await listRealtimeAgentStates.call(this);
	}
}
