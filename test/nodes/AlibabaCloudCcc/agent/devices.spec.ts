import { LIST_DEVICES, registeredDevice, type Device } from '../../../../nodes/AlibabaCloudCcc/agent/devices';

const NOW = 1_800_000_000_000;
const device = (DeviceId: string, Expires: number): Device => ({ DeviceId, Expires });

describe('registeredDevice', () => {
	it.each<[string, Device[], string | undefined]>([
		['no device', [], undefined],
		['one registered', [device('a', NOW + 60_000)], 'a'],
		['one lapsed', [device('a', NOW - 1)], undefined],
		['one lapsing this very millisecond', [device('a', NOW)], undefined],
		['a lapsed one beside a registered one', [device('old', NOW - 3_600_000), device('new', NOW + 1_000)], 'new'],
		['several registered: the longest lasting', [device('a', NOW + 1_000), device('b', NOW + 9_000), device('c', NOW + 5_000)], 'b'],
		['a tie: the first listed', [device('a', NOW + 5_000), device('b', NOW + 5_000)], 'a'],
	])('%s', (_case, devices, expected) => {
		expect(registeredDevice(devices, NOW)?.DeviceId).toBe(expected);
	});
});

/** ListDevices' `Data` as the gateway sent it (decoded, not typed): anything but a list of devices with DeviceId and Expires is named. */
describe('ListDevices answers of an unexpected shape', () => {
	const long = 'x'.repeat(500);
	it.each<[string, unknown, string | undefined]>([
		['no Data (no device)', undefined, undefined],
		['Data null (no device)', null, undefined],
		['an empty XML element (no device)', '', undefined],
		['an empty list', [], undefined],
		['devices as documented', [device('a', NOW), device('b', NOW - 1)], undefined],
		['devices from XML, every value text', [{ DeviceId: 'a', Expires: String(NOW) }], undefined],
		['one bare device (a single XML element)', { DeviceId: 'a', Expires: String(NOW) }, undefined],
		['one bare device without Expires', { DeviceId: 'a' }, 'device 1 of 1 (a) has no Expires'],
		['Data as text', 'none', 'Data is text, not a list of devices: "none"'],
		['Data as a number', 7, 'Data is a number, not a list of devices: 7'],
		['a null device', [null], 'device 1 of 1 is null'],
		['a device that is text', [device('a', NOW), 'b'], 'device 2 of 2 is text, not a device: "b"'],
		['a device that is a list', [[device('a', NOW)]], `device 1 of 1 is a list, not a device: [{"DeviceId":"a","Expires":${NOW}}]`],
		['a device without DeviceId', [device('a', NOW), { Expires: NOW }], `device 2 of 2 has no DeviceId ({"Expires":${NOW}})`],
		['a long device without DeviceId: a short excerpt', [{ Note: long }], `device 1 of 1 has no DeviceId (${`{"Note":"${long}`.slice(0, 120)}…)`],
		['a device without Expires', [{ DeviceId: 'a' }], 'device 1 of 1 (a) has no Expires'],
		['Expires as an ISO time', [{ DeviceId: 'a', Expires: '2027-01-15T08:00:00Z' }], 'device 1 of 1 (a) has Expires "2027-01-15T08:00:00Z", not epoch milliseconds'],
		['Expires in seconds', [device('a', NOW / 1000)], 'device 1 of 1 (a) has Expires 1800000000, too small for epoch milliseconds (seconds?)'],
	])('%s', (_case, data, expected) => {
		expect(LIST_DEVICES.unexpectedData!(data)).toBe(expected);
	});
});
