import type { FieldTypes } from '../response/normalizeFields';

/**
 * The documented types of an agent's state as CCC's agent-state actions (ReadyForService and its siblings) return it
 * in `Data` (CCC 2020-07-01); the rest of its fields are strings.
 */
export const AGENT_STATE_DATA_TYPES: FieldTypes = {
	BreakCode: 'string',
	DeviceId: 'string',
	Extension: 'string',
	InstanceId: 'string',
	JobId: 'string',
	OutboundScenario: 'boolean',
	SignedSkillGroupIdList: 'stringList',
	UserId: 'string',
	UserState: 'string',
	WorkMode: 'string',
};

/** TakeBreak and SignOutGroup answer the same agent context, plus its heartbeat, reservation time and mobile number. */
export const AGENT_SESSION_DATA_TYPES: FieldTypes = {
	...AGENT_STATE_DATA_TYPES,
	Heartbeat: 'number',
	Mobile: 'string',
	Reserved: 'number',
};
