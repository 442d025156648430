import { registeredDevice, type Device } from '../../../../nodes/AlibabaCloudCcc/agent/devices';

const NOW = 1_800_000_000_000;
const device = (DeviceId: string, Expires?: number): Device => ({ DeviceId, ...(Expires === undefined ? {} : { Expires }) });

describe('registeredDevice', () => {
	it.each<[string, Device[], string | undefined]>([
		['no device', [], undefined],
		['one registered', [device('a', NOW + 60_000)], 'a'],
		['one lapsed', [device('a', NOW - 1)], undefined],
		['one lapsing this very millisecond', [device('a', NOW)], undefined],
		['a lapsed one beside a registered one', [device('old', NOW - 3_600_000), device('new', NOW + 1_000)], 'new'],
		['several registered: the longest lasting', [device('a', NOW + 1_000), device('b', NOW + 9_000), device('c', NOW + 5_000)], 'b'],
		['a tie: the first listed', [device('a', NOW + 5_000), device('b', NOW + 5_000)], 'a'],
		['no Expires', [device('a')], undefined],
		['no DeviceId', [{ Expires: NOW + 5_000 }], undefined],
		['Expires as text (not typed)', [{ DeviceId: 'a', Expires: String(NOW + 5_000) as unknown as number }], undefined],
	])('%s', (_case, devices, expected) => {
		expect(registeredDevice(devices, NOW)?.DeviceId).toBe(expected);
	});
});
