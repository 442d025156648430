import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { CCC_CREDENTIAL_TYPE } from '../auth/cccCredentials';
import { listRealtimeAgentStates } from './listRealtimeAgentStates';
import { listRealtimeAgentStatesProperties } from './listRealtimeAgentStatesFields';

export class CccListRealtimeAgentStates implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'CCC ListRealtimeAgentStates',
		name: 'cccListRealtimeAgentStates',
		icon: { light: 'file:cccListRealtimeAgentStates.svg', dark: 'file:cccListRealtimeAgentStates.dark.svg' },
		group: ['input'],
		version: 1,
		subtitle: '={{"Instance: " + $parameter["instanceId"]}}',
		description: 'List who is where: the current state of Alibaba Cloud Contact Center agents (ready, on break, on a call, offline)',
		defaults: { name: 'CCC ListRealtimeAgentStates' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: CCC_CREDENTIAL_TYPE, required: true }],
		properties: listRealtimeAgentStatesProperties,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await listRealtimeAgentStates.call(this);
	}
}
