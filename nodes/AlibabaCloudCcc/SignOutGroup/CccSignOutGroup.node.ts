import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { AGENT_SESSION_DATA_TYPES } from '../agent/agentStateData';
import { INSTANCE_SUBTITLE } from '../agent/agentFields';
import { alreadyThereMeaning } from '../agent/alreadyThere';
import { CCC_CREDENTIAL_TYPE } from '../auth/cccCredentials';
import { cccListSearch } from '../pickers/searchLists';
import { type CccToolText, CCC_TOOL_ERRORS, INSTANCE_ID_INPUT, toolDescriptionProperty, userIdInput } from '../tool/cccTool';
import { signOutGroup } from './signOutGroup';
import { signOutGroupProperties } from './signOutGroupFields';

/** What a language model reads about this node as a tool. */
const SIGN_OUT_GROUP_TOOL: CccToolText = {
	does: 'Signs an Alibaba Cloud Contact Center (CCC) agent out of its skill groups at the end of a shift: the agent goes OFFLINE and no call is routed to it any more.',
	inputs: [userIdInput("for the agent bound to the workflow's credential"), INSTANCE_ID_INPUT],
	returns: `the agent's state as one JSON object with ${Object.keys(AGENT_SESSION_DATA_TYPES).join(', ')}. UserState is OFFLINE and SignedSkillGroupIdList empty on success. ${alreadyThereMeaning('SignOutGroup', 'signed out')}.`,
	errors: [
		CCC_TOOL_ERRORS.onCall,
		'"InvalidOperation.UserState" with "User state (OFFLINE)" (workflows saved before version 2): the agent is already signed out. Tell the user there is nothing to do; do not retry.',
		CCC_TOOL_ERRORS.unknownAgent,
	],
};

export class CccSignOutGroup implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'CCC SignOutGroup',
		name: 'cccSignOutGroup',
		icon: { light: 'file:cccSignOutGroup.svg', dark: 'file:cccSignOutGroup.dark.svg' },
		group: ['output'],
		// Version 1 has text fields; 2 picks the instance, agents and skill groups from CCC's lists (params/nodeVersions.ts).
		version: [1, 2],
		defaultVersion: 2,
		subtitle: INSTANCE_SUBTITLE,
		description: 'Sign an Alibaba Cloud Contact Center agent out of its skill groups at the end of a shift, so that it goes offline',
		defaults: { name: 'CCC SignOutGroup' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: CCC_CREDENTIAL_TYPE, required: true }],
		properties: [...signOutGroupProperties, toolDescriptionProperty(SIGN_OUT_GROUP_TOOL)],
	};

	methods = { listSearch: cccListSearch };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await signOutGroup.call(this);
	}
}
