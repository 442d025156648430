/**
 * For engine tests on jest's fake timers: on every turn of the real event loop, fires the timers due at the current
 * fake instant, until stopped. The clock never moves by itself, so a wait that is due later (a backoff, the pacer)
 * stays pending until the test advances the clock, while a zero-delay timer (the node's yield to pending I/O before
 * each item of a window) fires as it would in n8n.
 */
export function fireTimersDueNow(): () => void {
	let running = true;
	void (async () => {
		while (running) {
			await jest.advanceTimersByTimeAsync(0);
			await new Promise((resolve) => setImmediate(resolve));
		}
	})();
	return () => {
		running = false;
	};
}

/** Lets real I/O (the engine, the sockets) run until `condition` holds; the fake clock stays where it is. */
export async function settle(condition: () => boolean): Promise<void> {
	while (!condition()) await new Promise((resolve) => setImmediate(resolve));
}
