import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { INSTANCE_SUBTITLE } from '../agent/agentFields';
import { AGENT_STATE_DATA_TYPES } from '../agent/agentStateData';
import { alreadyThereMeaning } from '../agent/alreadyThere';
import { DEVICE_ID } from '../agent/deviceFields';
import { NO_REGISTERED_DEVICE } from '../agent/lookUpDevice';
import { NO_SKILL_GROUPS } from '../agent/signIn';
import { CCC_CREDENTIAL_TYPE } from '../auth/cccCredentials';
import { agentSkillGroupOptions, cccListSearch } from '../pickers/searchLists';
import { type CccToolText, CCC_TOOL_ERRORS, INSTANCE_ID_INPUT, toolDescriptionProperty, userIdInput } from '../tool/cccTool';
import { signInGroup } from './signInGroup';
import { AGENT_SKILL_GROUPS_METHOD, SKILL_GROUP_IDS, signInGroupProperties } from './signInGroupFields';

/** What a language model reads about this node as a tool. */
const SIGN_IN_GROUP_TOOL: CccToolText = {
	does: "Signs an Alibaba Cloud Contact Center (CCC) agent in to their skill groups on the workstation they have open (the CCC workbench, app or SIP phone): the agent goes online, usually on a break (Warm-up) until made ready. It cannot open the workstation itself.",
	inputs: [
		userIdInput(),
		INSTANCE_ID_INPUT,
		{
			field: DEVICE_ID,
			format: "the ID of the agent's workstation, as CCC ListDevices returns it",
			mayBeEmpty: "when the workflow looks the agent's registered device up itself",
		},
		{ field: SKILL_GROUP_IDS, format: 'a JSON array of skill group IDs (name@instance)', mayBeEmpty: "for all of the agent's own skill groups" },
	],
	returns: `the agent's state as one JSON object with ${Object.keys(AGENT_STATE_DATA_TYPES).join(', ')}, ChatDeviceId. ${alreadyThereMeaning('SignInGroup', 'signed in')}.`,
	errors: [
		`"${NO_REGISTERED_DEVICE}": the agent has no workstation open. Tell the user the agent must open the CCC workbench first; do not retry.`,
		CCC_TOOL_ERRORS.deviceOffline,
		CCC_TOOL_ERRORS.onCall,
		`"${NO_SKILL_GROUPS}": the agent belongs to no skill group. Tell the user; do not retry.`,
		CCC_TOOL_ERRORS.unknownAgent,
	],
};

export class CccSignInGroup implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'CCC SignInGroup',
		name: 'cccSignInGroup',
		icon: { light: 'file:cccSignInGroup.svg', dark: 'file:cccSignInGroup.dark.svg' },
		group: ['output'],
		// A new node: it starts at the version of the package's pickers and outcomes (params/nodeVersions.ts).
		version: 2,
		subtitle: INSTANCE_SUBTITLE,
		description: 'Sign an Alibaba Cloud Contact Center agent in to their skill groups on the workstation they have open, at the start of a shift',
		defaults: { name: 'CCC SignInGroup' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: CCC_CREDENTIAL_TYPE, required: true }],
		properties: [...signInGroupProperties, toolDescriptionProperty(SIGN_IN_GROUP_TOOL)],
	};

	methods = { listSearch: cccListSearch, loadOptions: { [AGENT_SKILL_GROUPS_METHOD]: agentSkillGroupOptions } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await signInGroup.call(this);
	}
}
