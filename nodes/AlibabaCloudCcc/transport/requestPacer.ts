import { sleep } from 'n8n-workflow';

import { AdaptiveRate } from './adaptiveRate';

/** What a run that CCC throttled learned, for the user. */
export interface ThrottlingReport {
	readonly refused: number;
	readonly sent: number;
	/** Requests per second the gateway was measured to let through. */
	readonly settledRate: number;
}

/**
 * Paces the requests of one node run, retries included: no faster than `maxPerSecond` (0 = no cap), no faster than
 * the rate learned from CCC's throttled answers (none until the first), and nobody before a pause the gateway asked
 * for is over. Waiting requests leave one at a time in the order they came, each taking its slot before it sleeps,
 * so that requests waiting together never wake together.
 */
export class RequestPacer {
	readonly rate = new AdaptiveRate();

	/** Who waits to leave, first come first served. */
	private readonly queue: Array<(sentAt: number) => void> = [];

	private lastDeparture = -Infinity;

	private pausedUntil = 0;

	/** Ends the queue's sleep early: nobody is left in it (every waiter cancelled), or the learned rate rose. */
	private wake: AbortController | undefined;

	constructor(private readonly maxPerSecond: number) {}

	/** Resolves with the send time (ms) when the next request may leave; rejects at once when `cancelSignal` fires. */
	async wait(cancelSignal?: AbortSignal): Promise<number> {
		cancelSignal?.throwIfAborted();
		if (this.queue.length === 0 && this.nextDeparture() <= Date.now()) return this.depart();
		return await new Promise<number>((resolve, reject) => {
			const onAbort = () => {
				this.queue.splice(this.queue.indexOf(depart), 1);
				if (this.queue.length === 0) this.wake?.abort();
				reject(cancelSignal?.reason);
			};
			const depart = (sentAt: number) => {
				cancelSignal?.removeEventListener('abort', onAbort);
				resolve(sentAt);
			};
			cancelSignal?.addEventListener('abort', onAbort, { once: true });
			this.queue.push(depart);
			if (this.queue.length === 1) void this.drain();
		});
	}

	/** The gateway let the request sent at `sentAt` through. */
	accepted(sentAt: number): void {
		if (this.rate.onAccepted(sentAt)) this.wake?.abort();
	}

	/** The gateway refused the request sent at `sentAt` as throttled. */
	throttled(sentAt: number): void {
		this.rate.onThrottled(sentAt, Date.now());
	}

	/** Holds every request back for `ms` from now. */
	pause(ms: number): void {
		this.pausedUntil = Math.max(this.pausedUntil, Date.now() + ms);
	}

	/** What CCC's throttling did to this run, if it throttled at all. */
	get throttling(): ThrottlingReport | undefined {
		const { refused, sent, lastMax } = this.rate;
		return refused > 0 ? { refused, sent, settledRate: lastMax } : undefined;
	}

	private nextDeparture(): number {
		const rate = Math.min(this.maxPerSecond > 0 ? this.maxPerSecond : Infinity, this.rate.rate(Date.now()) ?? Infinity);
		return Math.max(this.lastDeparture + (rate === Infinity ? 0 : 1000 / rate), this.pausedUntil);
	}

	private depart(): number {
		const now = Date.now();
		this.lastDeparture = now;
		this.rate.onSent(now);
		return now;
	}

	/** Lets the queue go, one request per slot; the slot is worked out again after each sleep (a cut or a pause may have come). */
	private async drain(): Promise<void> {
		while (this.queue.length > 0) {
			const wait = this.nextDeparture() - Date.now();
			if (wait <= 0) {
				this.queue.shift()!(this.depart());
				continue;
			}
			this.wake = new AbortController();
			// Woken early, the loop works the slot out again (or ends, nobody being left).
			await sleep(wait, this.wake.signal).catch(() => {});
		}
	}
}
