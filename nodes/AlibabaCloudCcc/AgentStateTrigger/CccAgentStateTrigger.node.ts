import type { INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { INSTANCE_SUBTITLE } from '../agent/agentFields';
import { CCC_CREDENTIAL_TYPE } from '../auth/cccCredentials';
import { cccListSearch } from '../pickers/searchLists';
import { agentStateTriggerProperties } from './agentStateTriggerFields';
import { watchAgentStates } from './watchAgentStates';

export class CccAgentStateTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'CCC Agent State Trigger',
		name: 'cccAgentStateTrigger',
		icon: { light: 'file:cccAgentStateTrigger.svg', dark: 'file:cccAgentStateTrigger.dark.svg' },
		group: ['trigger'],
		// Version 1 has text fields; 2 picks the instance, agents and skill groups from CCC's lists (params/nodeVersions.ts).
		version: [1, 2],
		defaultVersion: 2,
		subtitle: INSTANCE_SUBTITLE,
		description: 'Starts the workflow when Alibaba Cloud Contact Center agents change state: sign in or out, take a break, run a break long, start or end a call',
		defaults: { name: 'CCC Agent State Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: CCC_CREDENTIAL_TYPE, required: true }],
		properties: agentStateTriggerProperties,
	};

	methods = { listSearch: cccListSearch };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		return await watchAgentStates.call(this);
	}
}
