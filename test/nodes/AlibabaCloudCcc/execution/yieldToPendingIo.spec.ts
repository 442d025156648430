import { readFile } from 'node:fs';

import { MAX_TURNS, yieldToPendingIo } from '../../../../nodes/AlibabaCloudCcc/execution/yieldToPendingIo';

function busyFor(ms: number): void {
	const until = performance.now() + ms;
	while (performance.now() < until);
}

/** Callbacks queued on the event loop, one after the other, each keeping it busy the way an answer's handling does. */
function queueBusySteps(steps: number | 'until stopped') {
	const done: number[] = [];
	let stopped = false;
	const queue = (step: number) =>
		setImmediate(() => {
			if (stopped) return;
			busyFor(5);
			done.push(step);
			if (steps === 'until stopped' || step < steps) queue(step + 1);
		});
	queue(1);
	return { done, stop: () => (stopped = true) };
}

/** Continues from an I/O callback, where the node is when an answer has just arrived. */
const afterIo = () => new Promise<void>((resolve) => readFile(__filename, () => resolve()));

describe('yieldToPendingIo', () => {
	afterEach(() => jest.useRealTimers());

	it('yields to the event loop once, and returns after that turn when nothing ran in it', async () => {
		jest.useFakeTimers();
		let returned = false;
		const yielding = yieldToPendingIo().then(() => (returned = true));
		await Promise.resolve();
		expect({ returned, timers: jest.getTimerCount() }).toEqual({ returned: false, timers: 1 });
		await jest.advanceTimersByTimeAsync(1);
		expect({ returned, timers: jest.getTimerCount() }).toEqual({ returned: true, timers: 0 });
		await yielding;
	});

	it('lets work that is already queued on the event loop run first', async () => {
		await afterIo();
		const steps = queueBusySteps(3);
		await yieldToPendingIo();
		expect(steps.done).toEqual([1, 2, 3]);
	});

	it('stops yielding after a bounded number of turns when the loop never goes idle', async () => {
		await afterIo();
		const steps = queueBusySteps('until stopped');
		await yieldToPendingIo();
		steps.stop();
		// One busy step runs in every turn; the last turn may let one more through before the loop comes back.
		expect(steps.done.length).toBeGreaterThanOrEqual(MAX_TURNS);
		expect(steps.done.length).toBeLessThanOrEqual(MAX_TURNS + 1);
	});
});
