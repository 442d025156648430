import type { INodeProperties } from 'n8n-workflow';

import { INSTANCE_ID, instanceIdProperties, PICKER_LISTS, pickerModes, USER_ID, userIdProperties } from '../agent/agentFields';
import { callOptionsProperty } from '../execution/callOptions';
import { fromPickerVersion, inVersion1 } from '../params/nodeVersions';
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

/** The workstation to make ready: typed (version 1), or picked from the agent's registrations (version 2). */
const deviceIdField = {
	displayName: DEVICE_ID.displayName,
	name: DEVICE_ID.name,
	required: true,
	description:
		'ID of the agent workstation to make ready (browser, iOS or Android app). An agent may have several, but only one is active at a time.',
	...withDevice(DEVICE_SOURCE.deviceId),
} as const;

export const readyForServiceProperties: INodeProperties[] = [
	...instanceIdProperties(),
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
	inVersion1({ ...deviceIdField, type: 'string', default: '', placeholder: `e.g. ${DEVICE_ID.example}` }),
	...userIdProperties(
		"Agent to make ready, in the form name@instance. Leave empty for the agent bound to the credential's RAM identity.",
		withDevice(DEVICE_SOURCE.deviceId),
	),
	...userIdProperties('Agent to make ready, in the form name@instance: the node looks up the workstation this agent is signed in on', {
		required: true,
		...withDevice(DEVICE_SOURCE.registeredDevice),
	}),
	// Picked once the agent is: the list is that agent's registrations.
	fromPickerVersion({
		...deviceIdField,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		typeOptions: { loadOptionsDependsOn: [`${INSTANCE_ID.name}.value`, `${USER_ID.name}.value`] },
		...pickerModes(PICKER_LISTS.devices, DEVICE_ID),
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
