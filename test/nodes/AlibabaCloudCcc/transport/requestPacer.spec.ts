import { RequestPacer } from '../../../../nodes/AlibabaCloudCcc/transport/requestPacer';

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
});
