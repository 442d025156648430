import { CLOCK_OFFSET_HEADER, readClockOffset } from '../../../../nodes/AlibabaCloudCcc/auth/clockOffset';

describe('readClockOffset', () => {
	it('reads the header whatever its case', () => {
		expect(readClockOffset({ [CLOCK_OFFSET_HEADER.toUpperCase()]: '-3600000' })).toBe(-3600000);
	});

	it.each([[undefined], [{}], [{ [CLOCK_OFFSET_HEADER]: 'soon' }]])('is 0 without a usable header (%j)', (headers) => {
		expect(readClockOffset(headers)).toBe(0);
	});
});
