import type { INodeProperties } from 'n8n-workflow';

import { inVersion1, inVersion2 } from '../params/nodeVersions';
import type { FieldLabel } from '../params/readParameter';
import { INSTANCE_ID, PICKER_LISTS, pickerModes, USER_ID } from './agentFields';

/** The fields that name an agent's workstation, shared by CCC ReadyForService and CCC SignInGroup. */
export const DEVICE: FieldLabel = { name: 'device', displayName: 'Device', example: 'deviceId' };
export const DEVICE_ID: FieldLabel = {
	name: 'deviceId',
	displayName: 'Device ID',
	example: 'ACC-YUNBS-1.0.10-bsd87c04aaa8f7000176ad354b1c',
};

/** Where the workstation comes from: the Device ID field, or CCC's ListDevices (the agent's registered device). */
export const DEVICE_SOURCE = { deviceId: 'deviceId', registeredDevice: 'registeredDevice' } as const;
export type DeviceSource = (typeof DEVICE_SOURCE)[keyof typeof DEVICE_SOURCE];

/** Shown only for one source of the workstation. */
export const withDevice = (source: DeviceSource): Partial<INodeProperties> => ({ displayOptions: { show: { [DEVICE.name]: [source] } } });

/** The Device field's choices, for a node that uses the workstation to `purpose` ("make ready", "sign in on"). */
export const deviceSourceOptions = (purpose: string): INodeProperties['options'] => [
	{
		name: "Agent's Registered Device",
		value: DEVICE_SOURCE.registeredDevice,
		description: `Ask CCC (ListDevices) which workstation the agent is signed in on, and ${purpose} that one`,
	},
	{ name: 'Device ID', value: DEVICE_SOURCE.deviceId, description: `Give the ID of the workstation to ${purpose}` },
];

/** Device ID, with what the workstation is for: typed (version 1), or picked from the agent's registrations (version 2). */
export function deviceIdProperties(purpose: string): { text: INodeProperties; picker: INodeProperties } {
	const field = {
		displayName: DEVICE_ID.displayName,
		name: DEVICE_ID.name,
		required: true,
		description: `ID of the agent workstation to ${purpose} (browser, iOS or Android app). An agent may have several, but only one is active at a time.`,
		...withDevice(DEVICE_SOURCE.deviceId),
	} as const;
	return {
		text: inVersion1({ ...field, type: 'string', default: '', placeholder: `e.g. ${DEVICE_ID.example}` }),
		// Picked once the agent is: the list is that agent's registrations.
		picker: inVersion2({
			...field,
			type: 'resourceLocator',
			default: { mode: 'list', value: '' },
			typeOptions: { loadOptionsDependsOn: [`${INSTANCE_ID.name}.value`, `${USER_ID.name}.value`] },
			...pickerModes(PICKER_LISTS.devices, DEVICE_ID),
		}),
	};
}
