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

/**
 * `Expires` is in epoch milliseconds: any such time since September 2001 is at least this. Seconds since the epoch
 * stay far below it for centuries.
 */
const EARLIEST_EXPIRES = 1e12;

/** What makes one entry of ListDevices' `Data` unlike a device, if anything. */
function unexpectedDevice(entry: IDataObject, position: string): string | undefined {
	const seen = JSON.stringify(entry);
	if (typeof entry.DeviceId !== 'string' || !entry.DeviceId) return `${position} has no DeviceId (${seen})`;
	const { Expires } = entry;
	if (Expires === undefined) return `${position} (${entry.DeviceId}) has no Expires`;
	if (typeof Expires !== 'number') return `${position} (${entry.DeviceId}) has Expires ${JSON.stringify(Expires)}, not epoch milliseconds`;
	if (Expires < EARLIEST_EXPIRES) return `${position} (${entry.DeviceId}) has Expires ${Expires}, too small for epoch milliseconds (seconds?)`;
	return undefined;
}

/** The documented shape of ListDevices' `Data`: a list of devices, each with its DeviceId and Expires. */
function unexpectedDevices(data: unknown): string | undefined {
	if (data === undefined) return undefined;
	if (!Array.isArray(data)) return `Data is not a list (${JSON.stringify(data)})`;
	for (const [index, entry] of data.entries()) {
		const problem = unexpectedDevice(entry as IDataObject, `device ${index + 1} of ${data.length}`);
		if (problem) return problem;
	}
	return undefined;
}

/** ListDevices (parameters `InstanceId`, optional `UserId`) answers a list of devices in `Data`. */
export const LIST_DEVICES: Omit<CccRequest, 'params'> = {
	action: 'ListDevices',
	dataTypes: DEVICE_DATA_TYPES,
	dataIsList: true,
	unexpectedData: unexpectedDevices,
};

/**
 * The device whose registration lasts longest, if any has not lapsed by `now` (the gateway's clock). The answer has
 * been checked: every device has its DeviceId and Expires.
 */
export function registeredDevice(devices: readonly Device[], now: number): Device | undefined {
	return devices.reduce<Device | undefined>(
		(best, device) => (device.Expires! > now && (!best || device.Expires! > best.Expires!) ? device : best),
		undefined,
	);
}
