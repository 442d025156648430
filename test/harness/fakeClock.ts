/**
 * For engine tests on jest's fake timers: on every turn of the real event loop, fires the timers due at the current
 * fake instant, until stopped. The clock never moves by itself, so a wait that is due later (a backoff, the pacer)
 * stays pending until the test calls `advance`, while a zero-delay timer (the node's yield to pending I/O before
 * each item of a window) fires as it would in n8n.
 *
 * Every tick is synchronous. While an asynchronous tick waits between two timers, fake-timers counts a zero-delay
 * timer set by an I/O callback as due 1 ms later, ahead of a clock that moves only when the test says: the node's
 * next yield would never fire and the run would hang. Two asynchronous ticks at once could also wind the clock back.
 */
export interface FakeClockDriver {
	/** Moves the fake clock by `ms`, firing what falls due and letting what it released run, one millisecond at a time. */
	advance(ms: number): Promise<void>;
	stop(): void;
}

export function fireTimersDueNow(): FakeClockDriver {
	let running = true;
	void (async () => {
		while (running) {
			jest.advanceTimersByTime(0);
			await nextTurn();
		}
	})();
	return {
		// A millisecond at a time, so that what a timer released runs at that timer's instant (a request leaving at its
		// slot is stamped there, not at the end of the advance).
		advance: async (ms) => {
			for (let step = 0; step < ms; step++) {
				jest.advanceTimersByTime(1);
				await nextTurn();
			}
		},
		stop: () => {
			running = false;
		},
	};
}

/** Lets real I/O (the engine, the sockets) run until `condition` holds; the fake clock stays where it is. */
export async function settle(condition: () => boolean): Promise<void> {
	while (!condition()) await nextTurn();
}

async function nextTurn(): Promise<void> {
	await new Promise((resolve) => setImmediate(resolve));
}

/**
 * Runs `run` on jest's fake clock, moved `stepMs` at a time until `run` settles: for runs whose waits (the rate
 * learned from throttled answers, a gateway's retry-after) would take real seconds. Restores real timers after.
 */
export async function onFakeTime<T>(run: () => Promise<T>, stepMs = 50): Promise<T> {
	jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'clearImmediate', 'queueMicrotask', 'performance'] });
	const clock = fireTimersDueNow();
	try {
		let settled = false;
		const running = run().finally(() => (settled = true));
		while (!settled) await clock.advance(stepMs);
		return await running;
	} finally {
		clock.stop();
		jest.useRealTimers();
	}
}
