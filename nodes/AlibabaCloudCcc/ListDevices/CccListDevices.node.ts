import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { CCC_CREDENTIAL_TYPE } from '../auth/cccCredentials';
import { listDevices } from './listDevices';
import { listDevicesProperties } from './listDevicesFields';

export class CccListDevices implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'CCC ListDevices',
		name: 'cccListDevices',
		icon: { light: 'file:cccListDevices.svg', dark: 'file:cccListDevices.dark.svg' },
		group: ['input'],
		version: 1,
		subtitle: '={{"Instance: " + $parameter["instanceId"]}}',
		description: 'List the workstations an Alibaba Cloud Contact Center agent has registered',
		defaults: { name: 'CCC ListDevices' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: CCC_CREDENTIAL_TYPE, required: true }],
		properties: listDevicesProperties,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await listDevices.call(this);
	}
}
