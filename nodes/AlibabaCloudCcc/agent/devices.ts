import type { IDataObject } from 'n8n-workflow';

import type { FieldTypes } from '../response/normalizeFields';
import type { CccRequest } from '../transport/cccRequest';

/** The types of one entry of ListDevices' `Data` list (CCC 2020-07-01, as the official SDK's models give them). */
export const DEVICE_DATA_TYPES: FieldTypes = {
	CallId: 'string',
	Contact: 'string',
	DeviceId: 'string',
	DeviceType: 'string',
	Expires: 'number',
	Extension: 'string',
	InstanceId: 'string',
	UserId: 'string',
};

/** A workstation registered for an agent; `Expires` is when an unrenewed registration lapses (ms since the epoch). */
export interface Device extends IDataObject {
	DeviceId?: string;
	DeviceType?: string;
	Expires?: number;
}

/** ListDevices (parameters `InstanceId`, optional `UserId`) answers a list of devices in `Data`. */
export const LIST_DEVICES: Omit<CccRequest, 'params'> = { action: 'ListDevices', dataTypes: DEVICE_DATA_TYPES, dataIsList: true };

const lastsUntil = (device: Device): number =>
	typeof device.Expires === 'number' && device.DeviceId ? device.Expires : Number.NEGATIVE_INFINITY;

/** The device whose registration lasts longest, if any has not lapsed by `now` (the gateway's clock). */
export function registeredDevice(devices: readonly Device[], now: number): Device | undefined {
	return devices.reduce<Device | undefined>(
		(best, device) => (lastsUntil(device) > now && (!best || lastsUntil(device) > lastsUntil(best)) ? device : best),
		undefined,
	);
}
