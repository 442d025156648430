import { formatTimestamp } from '../../../../nodes/AlibabaCloudCcc/signing/formatTimestamp';

describe('formatTimestamp', () => {
	it('writes UTC without milliseconds', () => {
		expect(formatTimestamp(new Date(Date.UTC(2025, 0, 15, 8, 30, 0, 999)))).toBe('2025-01-15T08:30:00Z');
	});

	it('pads single-digit fields', () => {
		expect(formatTimestamp(new Date(Date.UTC(2016, 1, 3, 2, 4, 5)))).toBe('2016-02-03T02:04:05Z');
	});
});
