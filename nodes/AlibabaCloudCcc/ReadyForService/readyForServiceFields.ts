import type { INodeProperties } from 'n8n-workflow';

import { callOptionsProperty } from '../execution/callOptions';
import type { FieldLabel } from '../params/readParameter';

export const INSTANCE_ID: FieldLabel = { name: 'instanceId', displayName: 'Instance ID', example: 'ccc-test' };
export const DEVICE_ID: FieldLabel = {
	name: 'deviceId',
	displayName: 'Device ID',
	example: 'ACC-YUNBS-1.0.10-bsd87c04aaa8f7000176ad354b1c',
};
export const USER_ID: FieldLabel = { name: 'userId', displayName: 'User ID', example: 'user-test@ccc-test' };
export const OUTBOUND_SCENARIO: FieldLabel = {
	name: 'outboundScenario',
	displayName: 'Outbound Scenario',
	example: 'false',
};

export const readyForServiceProperties: INodeProperties[] = [
	{
		displayName: INSTANCE_ID.displayName,
		name: INSTANCE_ID.name,
		type: 'string',
		default: '',
		required: true,
		placeholder: `e.g. ${INSTANCE_ID.example}`,
		description: 'ID of the Cloud Contact Center instance the agent belongs to',
	},
	{
		displayName: DEVICE_ID.displayName,
		name: DEVICE_ID.name,
		type: 'string',
		default: '',
		required: true,
		placeholder: `e.g. ${DEVICE_ID.example}`,
		description:
			'ID of the agent workstation to make ready (browser, iOS or Android app). An agent may have several, but only one is active at a time.',
	},
	{
		displayName: USER_ID.displayName,
		name: USER_ID.name,
		type: 'string',
		default: '',
		placeholder: `e.g. ${USER_ID.example}`,
		description:
			'Agent to make ready, in the form name@instance. Leave empty for the agent bound to the credential\'s RAM identity.',
	},
	{
		displayName: OUTBOUND_SCENARIO.displayName,
		name: OUTBOUND_SCENARIO.name,
		type: 'boolean',
		default: false,
		description: 'Whether the agent only makes outbound calls',
	},
	callOptionsProperty,
];
