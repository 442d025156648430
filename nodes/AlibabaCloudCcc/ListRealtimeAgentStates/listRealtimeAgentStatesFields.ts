import type { INodeProperties } from 'n8n-workflow';

import { agentIdsProperties, instanceIdProperties, skillGroupIdProperties } from '../agent/agentFields';
import { AGENT_STATE_NAMES, AGENT_STATES } from '../agent/agentStates';
import { MAX_AGENTS_PER_QUERY } from '../agent/realtimeAgentStates';
import { callOptionsProperty } from '../execution/callOptions';
import type { FieldLabel } from '../params/readParameter';

export const STATES: FieldLabel = { name: 'states', displayName: 'States', example: 'Ready' };
export const RETURN_ALL: FieldLabel = { name: 'returnAll', displayName: 'Return All', example: 'true' };
export const LIMIT: FieldLabel = { name: 'limit', displayName: 'Limit', example: '50' };

export const listRealtimeAgentStatesProperties: INodeProperties[] = [
	...instanceIdProperties('Cloud Contact Center instance whose agents to list'),
	...agentIdsProperties(
		`Only these agents (name@instance, at most ${MAX_AGENTS_PER_QUERY}), separated by commas or lines, a JSON array, or an expression that gives a list. Leave empty for all agents. Longer lists than CCC takes at once are split and merged in the order given.`,
	),
	{
		displayName: STATES.displayName,
		name: STATES.name,
		type: 'multiOptions',
		options: AGENT_STATE_NAMES.map((state) => ({
			name: AGENT_STATES[state].report,
			value: AGENT_STATES[state].report,
			description: `The agent is ${AGENT_STATES[state].meaning}`,
		})).sort((a, b) => a.name.localeCompare(b.name)),
		default: [],
		description: 'Only agents in one of these states, as CCC reports them. Leave empty for every state.',
	},
	...skillGroupIdProperties('Only agents of this skill group. Leave empty for every skill group.'),
	{
		displayName: RETURN_ALL.displayName,
		name: RETURN_ALL.name,
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
	},
	{
		displayName: LIMIT.displayName,
		name: LIMIT.name,
		type: 'number',
		typeOptions: { minValue: 1, maxValue: MAX_AGENTS_PER_QUERY, numberPrecision: 0 },
		default: 50,
		description: 'Max number of results to return',
		displayOptions: { show: { [RETURN_ALL.name]: [false] } },
	},
	callOptionsProperty,
];
