import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { AGENT_STATE_DATA_TYPES } from '../agent/agentStateData';
import { INSTANCE_SUBTITLE } from '../agent/agentFields';
import { alreadyThereMeaning } from '../agent/alreadyThere';
import { DEVICE_ID } from '../agent/deviceFields';
import { CCC_CREDENTIAL_TYPE } from '../auth/cccCredentials';
import { cccListSearch } from '../pickers/searchLists';
import { type CccToolText, CCC_TOOL_ERRORS, INSTANCE_ID_INPUT, toolDescriptionProperty, userIdInput } from '../tool/cccTool';
import { readyForService, SIGNED_IN_FIELD } from './readyForService';
import { OUTBOUND_SCENARIO, readyForServiceProperties } from './readyForServiceFields';

/** What a language model reads about this node as a tool. */
const READY_FOR_SERVICE_TOOL: CccToolText = {
	does: 'Puts an Alibaba Cloud Contact Center (CCC) agent into the ready state (READY), so that calls are routed to them. The agent must already be signed in to a workstation: this does not sign in.',
	inputs: [
		userIdInput(
			"only when the workflow gives the Device ID (then it means the agent bound to the workflow's credential); when the workflow looks the agent's device up, the User ID is required",
		),
		{
			field: DEVICE_ID,
			format: 'the ID of the workstation the agent is signed in on (browser, app or SIP phone), as CCC ListDevices returns it',
			mayBeEmpty: "when the workflow looks the agent's registered device up itself: then only the User ID is needed",
		},
		INSTANCE_ID_INPUT,
		{ field: OUTBOUND_SCENARIO, format: 'true or false: whether the agent only makes outbound calls (normally false)' },
	],
	returns: `the agent's state as one JSON object with ${Object.keys(AGENT_STATE_DATA_TYPES).join(', ')}. UserState is READY on success; SignedSkillGroupIdList lists the skill groups the agent takes calls for. ${alreadyThereMeaning('ReadyForService', 'ready')}. With ${SIGNED_IN_FIELD}: true the workflow signed the agent in first.`,
	errors: [CCC_TOOL_ERRORS.notSignedIn, CCC_TOOL_ERRORS.onCall, CCC_TOOL_ERRORS.unknownAgent],
};

export class CccReadyForService implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'CCC ReadyForService',
		name: 'cccReadyForService',
		icon: { light: 'file:cccReadyForService.svg', dark: 'file:cccReadyForService.dark.svg' },
		group: ['output'],
		// Version 1 has text fields; 2 picks the instance, agents and skill groups from CCC's lists (params/nodeVersions.ts).
		version: [1, 2],
		defaultVersion: 2,
		subtitle: INSTANCE_SUBTITLE,
		description: 'Put an Alibaba Cloud Contact Center agent into the ready state',
		defaults: { name: 'CCC ReadyForService' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: CCC_CREDENTIAL_TYPE, required: true }],
		properties: [...readyForServiceProperties, toolDescriptionProperty(READY_FOR_SERVICE_TOOL)],
	};

	methods = { listSearch: cccListSearch };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await readyForService.call(this);
	}
}
