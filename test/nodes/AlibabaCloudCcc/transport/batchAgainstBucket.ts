import { RequestPacer } from '../../../../nodes/AlibabaCloudCcc/transport/requestPacer';

/** A gateway's token bucket on the fake clock: `rate` a second, `burst` at once, full to start with. */
export function tokenBucket(rate: number, burst: number): (now: number) => boolean {
	let tokens = burst;
	let at = Date.now();
	return (now) => {
		tokens = Math.min(burst, tokens + ((now - at) / 1000) * rate);
		at = now;
		if (tokens < 1) return false;
		tokens--;
		return true;
	};
}

export interface BatchOutcome {
	readonly sent: number;
	readonly refused: number;
	/** Items that used up their attempts. */
	readonly failed: number;
	/** When the last answer came, in ms from the start. */
	readonly endMs: number;
	/** Every request's departure (ms from the start) and whether it was let through. */
	readonly log: ReadonlyArray<{ readonly at: number; readonly accepted: boolean }>;
}

/**
 * `items` calls, `concurrency` at a time, through one pacer as callCcc makes them: each request waits its turn, is
 * answered `latencyMs` later (the gateway decides halfway), and a throttled one goes back in line, up to
 * `maxAttempts`. Runs on jest's fake timers: call with them on.
 */
export async function batchAgainstBucket(options: {
	readonly pacer: RequestPacer;
	readonly admit: (now: number) => boolean;
	readonly items: number;
	readonly concurrency: number;
	readonly latencyMs: number;
	readonly maxAttempts?: number;
}): Promise<BatchOutcome> {
	const { pacer, admit, items, concurrency, latencyMs, maxAttempts = 3 } = options;
	const start = Date.now();
	const log: Array<{ at: number; accepted: boolean }> = [];
	let next = 0;
	let failed = 0;
	let endMs = 0;
	const delay = async (ms: number) => await new Promise((resolve) => setTimeout(resolve, ms));
	const worker = async () => {
		while (next < items) {
			next++;
			for (let attempt = 1; ; attempt++) {
				const sentAt = await pacer.wait();
				await delay(latencyMs / 2);
				const accepted = admit(Date.now());
				await delay(latencyMs / 2);
				log.push({ at: sentAt - start, accepted });
				endMs = Date.now() - start;
				if (accepted) {
					pacer.accepted(sentAt);
					break;
				}
				pacer.throttled(sentAt);
				if (attempt >= maxAttempts) {
					failed++;
					break;
				}
			}
		}
	};
	const done = Promise.all(Array.from({ length: concurrency }, worker));
	let finished = false;
	void done.then(() => (finished = true));
	while (!finished) await jest.advanceTimersByTimeAsync(10);
	return { sent: log.length, refused: log.filter((entry) => !entry.accepted).length, failed, endMs, log };
}
