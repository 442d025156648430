import type { IDataObject } from 'n8n-workflow';

import { kindOf, quoted } from '../response/describeValue';
import { normalizeFields, type FieldTypes } from '../response/normalizeFields';
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

/** What makes one decoded entry of ListDevices' `Data` unlike a device, if anything. */
function unexpectedDevice(entry: unknown, position: string): string | undefined {
	if (entry === null) return `${position} is null`;
	if (typeof entry !== 'object' || Array.isArray(entry)) return `${position} is ${kindOf(entry)}, not a device: ${quoted(entry)}`;
	// Typed as the node will type it: XML sends every value as text.
	const { DeviceId, Expires } = normalizeFields(entry, DEVICE_DATA_TYPES);
	if (typeof DeviceId !== 'string' || !DeviceId) return `${position} has no DeviceId (${quoted(entry)})`;
	if (Expires === undefined) return `${position} (${DeviceId}) has no Expires`;
	if (typeof Expires !== 'number') return `${position} (${DeviceId}) has Expires ${quoted(Expires)}, not epoch milliseconds`;
	if (Expires < EARLIEST_EXPIRES) return `${position} (${DeviceId}) has Expires ${Expires}, too small for epoch milliseconds (seconds?)`;
	return undefined;
}

/**
 * The documented shape of ListDevices' `Data` as decoded: a list of devices, each with its DeviceId and Expires. One
 * bare device is a list of one (a single XML element); nothing or an empty element is no device.
 */
function unexpectedDevices(data: unknown): string | undefined {
	if (data === undefined || data === null || data === '') return undefined;
	if (typeof data !== 'object') return `Data is ${kindOf(data)}, not a list of devices: ${quoted(data)}`;
	const entries: unknown[] = Array.isArray(data) ? data : [data];
	for (const [index, entry] of entries.entries()) {
		const problem = unexpectedDevice(entry, `device ${index + 1} of ${entries.length}`);
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
 * The device whose registration lasts longest, if any has not lapsed by `now` (the gateway's clock); of equals, the
 * first listed.
 */
export function registeredDevice(devices: readonly Device[], now: number): Device | undefined {
	let best: Device | undefined;
	let bestExpires = now;
	for (const device of devices) {
		const { Expires } = device;
		if (Expires !== undefined && Expires > bestExpires) {
			best = device;
			bestExpires = Expires;
		}
	}
	return best;
}
