import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { DEVICE_DATA_TYPES } from '../agent/devices';
import { INSTANCE_SUBTITLE } from '../agent/agentFields';
import { CCC_CREDENTIAL_TYPE } from '../auth/cccCredentials';
import { cccListSearch } from '../pickers/searchLists';
import { type CccToolText, CCC_TOOL_ERRORS, INSTANCE_ID_INPUT, toolDescriptionProperty, userIdInput } from '../tool/cccTool';
import { listDevices } from './listDevices';
import { listDevicesProperties } from './listDevicesFields';

/** What a language model reads about this node as a tool. */
const LIST_DEVICES_TOOL: CccToolText = {
	does: 'Lists the workstations (browser workbench, app, SIP phone) an Alibaba Cloud Contact Center (CCC) agent has registered: whether the agent is signed in, and on which device.',
	inputs: [userIdInput("for the agent bound to the workflow's credential"), INSTANCE_ID_INPUT],
	returns: `one JSON object per device, with ${Object.keys(DEVICE_DATA_TYPES).join(', ')}. Expires is when the registration lapses (milliseconds since the epoch): a device whose Expires is in the future is one the agent is signed in on. No device at all means the agent is not signed in anywhere.`,
	errors: [CCC_TOOL_ERRORS.unknownAgent],
};

export class CccListDevices implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'CCC ListDevices',
		name: 'cccListDevices',
		icon: { light: 'file:cccListDevices.svg', dark: 'file:cccListDevices.dark.svg' },
		group: ['input'],
		// Version 1 has text fields; 2 picks the instance, agents and skill groups from CCC's lists (params/nodeVersions.ts).
		version: [1, 2],
		defaultVersion: 2,
		subtitle: INSTANCE_SUBTITLE,
		description: 'List the workstations an Alibaba Cloud Contact Center agent has registered',
		defaults: { name: 'CCC ListDevices' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: CCC_CREDENTIAL_TYPE, required: true }],
		properties: [...listDevicesProperties, toolDescriptionProperty(LIST_DEVICES_TOOL)],
	};

	methods = { listSearch: cccListSearch };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await listDevices.call(this);
	}
}
