import type { INodeProperties } from 'n8n-workflow';

import { instanceIdProperty, userIdProperty } from '../agent/agentFields';
import { callOptionsProperty } from '../execution/callOptions';
import type { FieldLabel } from '../params/readParameter';

export const DEVICE: FieldLabel = { name: 'device', displayName: 'Device', example: 'deviceId' };
export const DEVICE_ID: FieldLabel = {
	name: 'deviceId',
	displayName: 'Device ID',
	example: 'ACC-YUNBS-1.0.10-bsd87c04aaa8f7000176ad354b1c',
};
export const OUTBOUND_SCENARIO: FieldLabel = {
	name: 'outboundScenario',
	displayName: 'Outbound Scenario',
	example: 'false',
};

/** Where the workstation to make ready comes from: the Device ID field (the default), or CCC's ListDevices. */
export const DEVICE_SOURCE = { deviceId: 'deviceId', registeredDevice: 'registeredDevice' } as const;

const withDevice = (source: string): Partial<INodeProperties> => ({ displayOptions: { show: { [DEVICE.name]: [source] } } });

export const readyForServiceProperties: INodeProperties[] = [
	instanceIdProperty,
	{
		displayName: DEVICE.displayName,
		name: DEVICE.name,
		type: 'options',
		options: [
			{
				name: "Agent's Registered Device",
				value: DEVICE_SOURCE.registeredDevice,
				description: 'Ask CCC (ListDevices) which workstation the agent is signed in on, and make that one ready',
			},
			{
				name: 'Device ID',
				value: DEVICE_SOURCE.deviceId,
				description: 'Give the ID of the workstation to make ready',
			},
		],
		// A literal, for n8n's lint; the package test holds it to DEVICE_SOURCE.deviceId.
		default: 'deviceId',
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
		...withDevice(DEVICE_SOURCE.deviceId),
	},
	userIdProperty(
		"Agent to make ready, in the form name@instance. Leave empty for the agent bound to the credential's RAM identity.",
		withDevice(DEVICE_SOURCE.deviceId),
	),
	userIdProperty('Agent to make ready, in the form name@instance: the node looks up the workstation this agent is signed in on', {
		required: true,
		...withDevice(DEVICE_SOURCE.registeredDevice),
	}),
	{
		displayName: OUTBOUND_SCENARIO.displayName,
		name: OUTBOUND_SCENARIO.name,
		type: 'boolean',
		default: false,
		description: 'Whether the agent only makes outbound calls',
	},
	callOptionsProperty,
];
