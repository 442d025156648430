import { AdaptiveRate, cubicSuccess, PROBE_REQUESTS, SMITHY_CUBIC } from '../../../../nodes/AlibabaCloudCcc/transport/adaptiveRate';

describe('cubicSuccess, against the published CUBIC test vectors (smithy, botocore, the AWS SDKs)', () => {
	// "All success": last_max_rate 10, last throttle at t = 5.
	it.each([
		[5, 7.0],
		[6, 9.64893600966],
		[7, 10.000030849917364],
		[8, 10.453284520772092],
		[9, 13.408697022224185],
		[10, 21.26626835427364],
		[11, 36.425998516920465],
	])('last max 10, throttled at t = 5: %d s gives %d', (timestamp, expected) => {
		expect(cubicSuccess(10, timestamp - 5, SMITHY_CUBIC)).toBeCloseTo(expected, 9);
	});

	// "Mixed": throttles at t = 7 (at 9.64893600966) and t = 8 (at 6.754255206761999), then successes.
	it.each([
		[9, 6.606547753887045],
		[10, 6.763279816944947],
		[11, 7.598174833907107],
		[12, 11.511232804773524],
	])('last max 6.754255206761999, throttled at t = 8: %d s gives %d', (timestamp, expected) => {
		expect(cubicSuccess(6.754255206761999, timestamp - 8, SMITHY_CUBIC)).toBeCloseTo(expected, 9);
	});
});

describe('AdaptiveRate', () => {
	const T0 = 1_000_000;

	it('is off until the first throttled answer, however many requests go through', () => {
		const rate = new AdaptiveRate();
		for (let index = 0; index < 500; index++) {
			rate.onSent(T0 + index);
			rate.onAccepted(T0 + index);
		}
		expect(rate.rate(T0 + 600)).toBeUndefined();
		expect(rate.refused).toBe(0);
	});

	it('cuts once when a whole window is refused at once, to 0.7 × what the gateway let through in that second', () => {
		const rate = new AdaptiveRate();
		// A window of 20 leaves at once into a gateway that allows 2 a second: 2 go through, 18 are refused.
		for (let index = 0; index < 20; index++) rate.onSent(T0);
		for (let index = 0; index < 18; index++) rate.onThrottled(T0, T0 + 20);
		for (let index = 0; index < 2; index++) rate.onAccepted(T0);
		expect(rate.refused).toBe(18);
		expect(rate.lastMax).toBe(2);
		// smithy's limiter would have cut 18 times: 2 × 0.7^18 < 0.01 a second.
		expect(rate.rate(T0 + 20)).toBeCloseTo(1.4, 9);
	});

	it('does not cut again for refusals of requests sent before the cut, even when they come later', () => {
		const rate = new AdaptiveRate();
		rate.onSent(T0);
		rate.onAccepted(T0);
		expect(rate.onThrottled(T0, T0 + 20)).toBe(true);
		expect(rate.onThrottled(T0 + 10, T0 + 5_000)).toBe(false);
		expect(rate.refused).toBe(2);
	});

	it('cuts at most once a second, even for requests sent after the cut', () => {
		const rate = new AdaptiveRate();
		rate.onSent(T0);
		expect(rate.onThrottled(T0, T0 + 20)).toBe(true);
		expect(rate.onThrottled(T0 + 500, T0 + 999)).toBe(false);
		expect(rate.onThrottled(T0 + 1_000, T0 + 1_020)).toBe(true);
	});

	it('measures the gateway by what it let through between two cuts (its bucket empty at both)', () => {
		const rate = new AdaptiveRate();
		rate.onSent(T0);
		rate.onThrottled(T0, T0 + 20);
		// 30 seconds later, with 150 requests let through in between: 5 a second.
		for (let index = 1; index <= 150; index++) {
			rate.onSent(T0 + index * 200 - 100);
			rate.onAccepted(T0 + index * 200 - 100);
		}
		expect(rate.onThrottled(T0 + 30_000, T0 + 30_020)).toBe(true);
		expect(rate.lastMax).toBe(5);
		expect(rate.rate(T0 + 30_020)).toBeCloseTo(3.5, 9);
	});

	it(`probes upwards slowly: back at the last maximum after ${PROBE_REQUESTS} requests' time, then beyond`, () => {
		const rate = new AdaptiveRate();
		rate.onSent(T0);
		rate.onAccepted(T0);
		rate.onAccepted(T0);
		rate.onThrottled(T0, T0);
		// 2 a second: K = 60 requests / 2 per second = 30 s.
		expect(rate.rate(T0 + 15_000)).toBeCloseTo(2 - 0.6 / 8, 9);
		expect(rate.rate(T0 + 30_000)).toBeCloseTo(2, 9);
		expect(rate.rate(T0 + 60_000)).toBeCloseTo(2.6, 9);
	});

	it('never sends slower than 0.5 a second, even when the gateway let nothing through', () => {
		const rate = new AdaptiveRate();
		rate.onSent(T0);
		rate.onThrottled(T0, T0 + 20);
		expect(rate.rate(T0 + 20)).toBe(0.5);
	});
});
