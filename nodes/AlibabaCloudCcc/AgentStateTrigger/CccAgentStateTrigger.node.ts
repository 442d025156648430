import type { INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { CCC_CREDENTIAL_TYPE } from '../auth/cccCredentials';
import { agentStateTriggerProperties } from './agentStateTriggerFields';
import { watchAgentStates } from './watchAgentStates';

export class CccAgentStateTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'CCC Agent State Trigger',
		name: 'cccAgentStateTrigger',
		icon: { light: 'file:cccAgentStateTrigger.svg', dark: 'file:cccAgentStateTrigger.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{"Instance: " + $parameter["instanceId"]}}',
		description: 'Starts the workflow when Alibaba Cloud Contact Center agents change state: sign in or out, take a break, run a break long, start or end a call',
		defaults: { name: 'CCC Agent State Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: CCC_CREDENTIAL_TYPE, required: true }],
		properties: agentStateTriggerProperties,
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		return await watchAgentStates.call(this);
	}
}
