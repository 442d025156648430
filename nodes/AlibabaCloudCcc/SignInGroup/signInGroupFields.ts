import type { INodeProperties } from 'n8n-workflow';

import { INSTANCE_ID, instanceIdProperties, USER_ID, userIdProperties } from '../agent/agentFields';
import { DEVICE, deviceIdProperties, deviceSourceOptions } from '../agent/deviceFields';
import { callOptionsProperty } from '../execution/callOptions';
import type { FieldLabel } from '../params/readParameter';

export const SKILL_GROUP_IDS: FieldLabel = { name: 'skillGroupIds', displayName: 'Skill Groups', example: 'skg-sales@ccc-test' };
export const ADDITIVITY: FieldLabel = { name: 'additivity', displayName: 'Additivity', example: 'false' };

/** The method that lists the chosen agent's own skill groups for Skill Groups. */
export const AGENT_SKILL_GROUPS_METHOD = 'agentSkillGroups';

export const signInGroupProperties: INodeProperties[] = [
	...instanceIdProperties(),
	...userIdProperties('Agent to sign in, in the form name@instance', { required: true }),
	{
		displayName: DEVICE.displayName,
		name: DEVICE.name,
		type: 'options',
		options: deviceSourceOptions('sign the agent in on'),
		// A literal, for n8n's lint: the registered device, where the agent's workbench is open.
		default: 'registeredDevice',
	},
	deviceIdProperties('sign the agent in on').picker,
	{
		displayName: SKILL_GROUP_IDS.displayName,
		name: SKILL_GROUP_IDS.name,
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: AGENT_SKILL_GROUPS_METHOD, loadOptionsDependsOn: [`${INSTANCE_ID.name}.value`, `${USER_ID.name}.value`] },
		default: [],
		description:
			"The skill groups to sign the agent in to: picked from the agent's own, or IDs from an expression. Leave empty for all of the agent's own groups (CCC's ListSkillLevelsOfUser).",
	},
	{
		displayName: ADDITIVITY.displayName,
		name: ADDITIVITY.name,
		type: 'boolean',
		default: false,
		description: 'Whether to add these groups to those the agent is already signed in to, rather than sign in to these alone',
	},
	callOptionsProperty,
];
