import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { CCC_CREDENTIAL_TYPE } from '../auth/cccCredentials';
import { readyForService } from './readyForService';
import { readyForServiceProperties } from './readyForServiceFields';

export class CccReadyForService implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'CCC ReadyForService',
		name: 'cccReadyForService',
		icon: { light: 'file:cccReadyForService.svg', dark: 'file:cccReadyForService.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{"Instance: " + $parameter["instanceId"]}}',
		description: 'Put an Alibaba Cloud Contact Center agent into the ready state',
		defaults: { name: 'CCC ReadyForService' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: CCC_CREDENTIAL_TYPE, required: true }],
		properties: readyForServiceProperties,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await readyForService.call(this);
	}
}
