import type { FieldTypes } from '../response/normalizeFields';

/** The documented types of ReadyForService's `Data` (CCC 2020-07-01); the rest of its fields are strings. */
export const READY_FOR_SERVICE_DATA_TYPES: FieldTypes = {
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
