import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { CCC_CREDENTIAL_TYPE } from '../auth/cccCredentials';
import { takeBreak } from './takeBreak';
import { takeBreakProperties } from './takeBreakFields';

export class CccTakeBreak implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'CCC TakeBreak',
		name: 'cccTakeBreak',
		icon: { light: 'file:cccTakeBreak.svg', dark: 'file:cccTakeBreak.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{"Break: " + $parameter["breakCode"]}}',
		description: 'Put an Alibaba Cloud Contact Center agent on a break, with a break code such as lunch',
		defaults: { name: 'CCC TakeBreak' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: CCC_CREDENTIAL_TYPE, required: true }],
		properties: takeBreakProperties,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await takeBreak.call(this);
	}
}
