import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { AGENT_SESSION_DATA_TYPES } from '../agent/agentStateData';
import { CCC_CREDENTIAL_TYPE } from '../auth/cccCredentials';
import { cccListSearch } from '../pickers/searchLists';
import { type CccToolText, CCC_TOOL_ERRORS, INSTANCE_ID_INPUT, toolDescriptionProperty, userIdInput } from '../tool/cccTool';
import { takeBreak } from './takeBreak';
import { BREAK_CODE, takeBreakProperties } from './takeBreakFields';

/** What a language model reads about this node as a tool. */
const TAKE_BREAK_TOOL: CccToolText = {
	does: 'Puts an Alibaba Cloud Contact Center (CCC) agent on a break with a break code (lunch, meeting, training): no calls are routed to the agent until it is made ready again.',
	inputs: [
		userIdInput("for the agent bound to the workflow's credential"),
		INSTANCE_ID_INPUT,
		{ field: BREAK_CODE, format: 'why the agent is away, free text as the reports should show it' },
	],
	returns: `the agent's state as one JSON object with ${Object.keys(AGENT_SESSION_DATA_TYPES).join(', ')}. UserState is BREAK and BreakCode the code given on success.`,
	errors: [CCC_TOOL_ERRORS.onCall, CCC_TOOL_ERRORS.notSignedIn, CCC_TOOL_ERRORS.unknownAgent],
};

export class CccTakeBreak implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'CCC TakeBreak',
		name: 'cccTakeBreak',
		icon: { light: 'file:cccTakeBreak.svg', dark: 'file:cccTakeBreak.dark.svg' },
		group: ['output'],
		// Version 1 has text fields; 2 picks the instance, agents and skill groups from CCC's lists (params/nodeVersions.ts).
		version: [1, 2],
		defaultVersion: 2,
		subtitle: '={{"Break: " + $parameter["breakCode"]}}',
		description: 'Put an Alibaba Cloud Contact Center agent on a break, with a break code such as lunch',
		defaults: { name: 'CCC TakeBreak' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: CCC_CREDENTIAL_TYPE, required: true }],
		properties: [...takeBreakProperties, toolDescriptionProperty(TAKE_BREAK_TOOL)],
	};

	methods = { listSearch: cccListSearch };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await takeBreak.call(this);
	}
}
