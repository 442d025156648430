import { RequestPacer } from '../../../../nodes/AlibabaCloudCcc/transport/requestPacer';
import { batchAgainstBucket, tokenBucket } from './batchAgainstBucket';

// Fake timers (Date.now included): the pacer's waits are checked exactly, without measuring real time.
beforeEach(() => jest.useFakeTimers({ now: 1_000_000 }));
afterEach(() => jest.useRealTimers());

/** Starts `count` waits and records when each one resolves, on the fake clock. */
function startWaits(pacer: RequestPacer, count: number): number[] {
	const times: number[] = [];
	for (let index = 0; index < count; index++) void pacer.wait().then(() => times.push(Date.now() - 1_000_000));
	return times;
}

describe('RequestPacer', () => {
	it('lets requests go at once without a cap', async () => {
		const times = startWaits(new RequestPacer(0), 50);
		await jest.advanceTimersByTimeAsync(0);
		expect(times).toEqual(Array(50).fill(0));
	});

	it('spaces requests by 1/rate', async () => {
		const times = startWaits(new RequestPacer(50), 5);
		await jest.advanceTimersByTimeAsync(200);
		expect(times).toEqual([0, 20, 40, 60, 80]);
	});

	it('holds everyone back during a pause, then keeps the pace', async () => {
		const pacer = new RequestPacer(100);
		pacer.pause(60);
		const times = startWaits(pacer, 3);
		await jest.advanceTimersByTimeAsync(200);
		expect(times).toEqual([60, 70, 80]);
	});

	it('ends every wait at once when the execution is cancelled, and lets nobody go after that', async () => {
		const pacer = new RequestPacer(1);
		const cancel = new AbortController();
		const outcomes: string[] = [];
		for (let index = 0; index < 3; index++) {
			void pacer.wait(cancel.signal).then(
				() => outcomes.push(`went at ${Date.now() - 1_000_000}`),
				() => outcomes.push(`cancelled at ${Date.now() - 1_000_000}`),
			);
		}
		await jest.advanceTimersByTimeAsync(10);
		cancel.abort();
		await jest.advanceTimersByTimeAsync(0);
		await expect(pacer.wait(cancel.signal)).rejects.toThrow();
		expect(outcomes).toEqual(['went at 0', 'cancelled at 10', 'cancelled at 10']);
	});

	it('sends waiting requests back in line when a pause starts while they wait', async () => {
		const pacer = new RequestPacer(100);
		const times = startWaits(pacer, 3);
		await jest.advanceTimersByTimeAsync(5);
		pacer.pause(100);
		await jest.advanceTimersByTimeAsync(300);
		expect(times).toEqual([0, 105, 115]);
	});

	/** A pacer that has learned 2 requests a second: a request left at 0, two were let through, then a refusal. */
	function learnedTwoPerSecond(maxPerSecond = 0): RequestPacer {
		const pacer = new RequestPacer(maxPerSecond);
		void pacer.wait();
		pacer.accepted(Date.now());
		pacer.accepted(Date.now());
		pacer.throttled(Date.now());
		return pacer;
	}

	/** Gaps between departures at a rate between 1.4 a second (0.7 × 2, right after the cut) and 2 (the measure). */
	const withinLearnedRate = (gap: number) => gap >= 500 && gap <= 715;

	it('sends nothing faster than the rate learned from a throttled answer: from 0.7 × what the gateway let through', async () => {
		const pacer = learnedTwoPerSecond();
		const times = startWaits(pacer, 3);
		await jest.advanceTimersByTimeAsync(3_000);
		// One request at a time, the first a 1.4-a-second slot after the request before the cut.
		expect(times).toHaveLength(3);
		expect(times[0]).toBe(714);
		expect([times[1] - times[0], times[2] - times[1]].every(withinLearnedRate)).toBe(true);
	});

	it('keeps Max Requests per Second as a ceiling above the learned rate', async () => {
		const pacer = learnedTwoPerSecond(0.5);
		const times = startWaits(pacer, 2);
		await jest.advanceTimersByTimeAsync(5_000);
		expect(times).toEqual([2_000, 4_000]);
	});

	it('lets waiting requests go at the new pace when the rate is cut while they wait', async () => {
		const pacer = new RequestPacer(10);
		const times = startWaits(pacer, 4);
		await jest.advanceTimersByTimeAsync(150);
		expect(times).toEqual([0, 100]);
		// The gateway let 2 through in its first second: 1.4 a second from now on, the two waiting included.
		pacer.accepted(1_000_000);
		pacer.accepted(1_000_100);
		pacer.throttled(1_000_100);
		await jest.advanceTimersByTimeAsync(2_000);
		expect(times).toHaveLength(4);
		expect([times[2] - times[1], times[3] - times[2]].every(withinLearnedRate)).toBe(true);
	});

	it("honours the gateway's wait before anyone sends again", async () => {
		const pacer = learnedTwoPerSecond();
		pacer.pause(5_000);
		const times = startWaits(pacer, 2);
		await jest.advanceTimersByTimeAsync(6_000);
		expect(times[0]).toBe(5_000);
		expect(withinLearnedRate(times[1] - times[0])).toBe(true);
	});
});

describe('a batch into an unknown limit, on the fake clock', () => {
	it.each([
		[2, 200],
		[5, 300],
		[20, 1_000],
		[50, 1_000],
	])('gateway of %i a second, %i items, 20 at a time: one cut for the first burst, no collapse, every item through', async (rate, items) => {
		const pacer = new RequestPacer(0);
		const outcome = await batchAgainstBucket({ pacer, admit: tokenBucket(rate, rate), items, concurrency: 20, latencyMs: 20 });
		expect(outcome.failed).toBe(0);
		expect(outcome.sent - outcome.refused).toBe(items);
		// The first window is refused but for the gateway's burst; afterwards, about one refusal a probe.
		expect(outcome.refused / outcome.sent).toBeLessThanOrEqual(0.1);
		// Collapsing (a cut per throttled answer) would take several times N / R.
		expect(outcome.endMs).toBeLessThanOrEqual(1.15 * (items / rate) * 1000);
		expect(pacer.throttling?.settledRate).toBeGreaterThan(0.9 * rate);
	});

	it('a window of throttled answers arriving together costs one cut, not one each', async () => {
		const pacer = new RequestPacer(0);
		const outcome = await batchAgainstBucket({ pacer, admit: tokenBucket(2, 2), items: 40, concurrency: 20, latencyMs: 20 });
		// 20 left at once, 18 were refused together; after that, the requests leave one at a time at about 1.4–2 a second.
		const afterFirstSecond = outcome.log.filter(({ at }) => at >= 1_000).map(({ at }) => at).sort((a, b) => a - b);
		const gaps = afterFirstSecond.slice(1).map((at, index) => at - afterFirstSecond[index]);
		expect(Math.min(...gaps)).toBeGreaterThanOrEqual(480);
		expect(Math.max(...gaps)).toBeLessThanOrEqual(720);
	});
});
