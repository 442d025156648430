import { yieldToPendingIo } from '../../../../nodes/AlibabaCloudCcc/execution/yieldToPendingIo';

function busyFor(ms: number): void {
	const until = performance.now() + ms;
	while (performance.now() < until);
}

describe('yieldToPendingIo', () => {
	it('returns at once when nothing is waiting', async () => {
		await expect(yieldToPendingIo()).resolves.toBeUndefined();
	});

	it('lets work that is already queued on the event loop run first', async () => {
		const done: number[] = [];
		// Three queued callbacks that each keep the loop busy, the way answers for other items would.
		const queue = (step: number) =>
			setImmediate(() => {
				busyFor(2);
				done.push(step);
				if (step < 3) queue(step + 1);
			});
		queue(1);
		await yieldToPendingIo();
		expect(done).toEqual([1, 2, 3]);
	});
});
