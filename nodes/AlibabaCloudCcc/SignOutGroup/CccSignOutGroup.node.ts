import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { CCC_CREDENTIAL_TYPE } from '../auth/cccCredentials';
import { signOutGroup } from './signOutGroup';
import { signOutGroupProperties } from './signOutGroupFields';

export class CccSignOutGroup implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'CCC SignOutGroup',
		name: 'cccSignOutGroup',
		icon: { light: 'file:cccSignOutGroup.svg', dark: 'file:cccSignOutGroup.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{"Instance: " + $parameter["instanceId"]}}',
		description: 'Sign an Alibaba Cloud Contact Center agent out of its skill groups at the end of a shift, so that it goes offline',
		defaults: { name: 'CCC SignOutGroup' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: CCC_CREDENTIAL_TYPE, required: true }],
		properties: signOutGroupProperties,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await signOutGroup.call(this);
	}
}
