import type { INodeProperties } from 'n8n-workflow';

import { AGENT_EVENT_NAMES, AGENT_EVENTS, BREAK_EVENTS } from '../agent/agentEvents';
import { agentIdsProperties, instanceIdProperties, skillGroupIdProperties } from '../agent/agentFields';
import { MAX_AGENTS_PER_QUERY } from '../agent/realtimeAgentStates';
import type { FieldLabel } from '../params/readParameter';

export const AGENTS: FieldLabel = { name: 'agents', displayName: 'Agents', example: 'all' };
export const TRIGGER_ON: FieldLabel = { name: 'triggerOn', displayName: 'Trigger On', example: 'signedOut' };
export const BREAK_CODES: FieldLabel = { name: 'breakCodes', displayName: 'Break Codes', example: 'lunch,meeting' };
export const BREAK_MINUTES: FieldLabel = { name: 'breakMinutes', displayName: 'Break Minutes', example: '60' };

/** Which agents the trigger watches. */
export const AGENT_SCOPES = { all: 'all', agentIds: 'agentIds', skillGroup: 'skillGroup' } as const;
export type AgentScope = (typeof AGENT_SCOPES)[keyof typeof AGENT_SCOPES];

export const BREAK_MINUTES_LIMITS = { min: 1, max: 24 * 60 } as const;

export const agentStateTriggerProperties: INodeProperties[] = [
	...instanceIdProperties('Cloud Contact Center instance whose agents to watch'),
	{
		displayName: AGENTS.displayName,
		name: AGENTS.name,
		type: 'options',
		options: [
			{ name: 'All Agents', value: AGENT_SCOPES.all, description: `Every agent of the instance (up to CCC's ${MAX_AGENTS_PER_QUERY})` },
			{ name: 'Agent IDs', value: AGENT_SCOPES.agentIds, description: 'Only the agents listed' },
			{ name: 'Skill Group', value: AGENT_SCOPES.skillGroup, description: 'The members of one skill group' },
		],
		default: 'all',
	},
	...agentIdsProperties('The agents to watch (name@instance), separated by commas or lines, or as a JSON array', {
		required: true,
		displayOptions: { show: { [AGENTS.name]: [AGENT_SCOPES.agentIds] } },
	}),
	...skillGroupIdProperties('The skill group whose members to watch', { required: true, displayOptions: { show: { [AGENTS.name]: [AGENT_SCOPES.skillGroup] } } }),
	{
		displayName: TRIGGER_ON.displayName,
		name: TRIGGER_ON.name,
		type: 'multiOptions',
		options: AGENT_EVENT_NAMES.map((event) => ({ name: AGENT_EVENTS[event].name, value: event, description: AGENT_EVENTS[event].description })),
		default: ['stateChanged'],
		required: true,
		description: 'The changes that start the workflow: one item per agent and event',
	},
	{
		displayName: BREAK_CODES.displayName,
		name: BREAK_CODES.name,
		type: 'string',
		default: '',
		placeholder: `e.g. ${BREAK_CODES.example}`,
		description: 'Only breaks with these codes, separated by commas. Leave empty for every break.',
		displayOptions: { show: { [TRIGGER_ON.name]: [...BREAK_EVENTS] } },
	},
	{
		displayName: BREAK_MINUTES.displayName,
		name: BREAK_MINUTES.name,
		type: 'number',
		typeOptions: { minValue: BREAK_MINUTES_LIMITS.min, maxValue: BREAK_MINUTES_LIMITS.max, numberPrecision: 0 },
		default: 30,
		description: 'How many minutes a break may last before Break Lasts Too Long fires (once per break)',
		displayOptions: { show: { [TRIGGER_ON.name]: ['breakTooLong'] } },
	},
];
