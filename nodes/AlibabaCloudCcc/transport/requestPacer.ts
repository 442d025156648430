import { sleep } from 'n8n-workflow';

/**
 * Paces the requests of one node run: at most `maxPerSecond` leave per second (0 = no cap), and after a throttling
 * answer nobody sends until the pause is over, so the whole window backs off instead of hammering the gateway.
 */
export class RequestPacer {
	private nextSlot = 0;

	private pausedUntil = 0;

	constructor(private readonly maxPerSecond: number) {}

	/** Resolves when the next request may leave; rejects at once when `cancelSignal` fires. */
	async wait(cancelSignal?: AbortSignal): Promise<void> {
		const interval = this.maxPerSecond > 0 ? 1000 / this.maxPerSecond : 0;
		// A pause that starts while we sleep sends us back in line, behind it and at the pace.
		for (;;) {
			const slot = Math.max(Date.now(), this.nextSlot, this.pausedUntil);
			this.nextSlot = slot + interval;
			await sleepUntil(slot, cancelSignal);
			if (this.pausedUntil <= Date.now()) return;
		}
	}

	/** Holds every request back for `ms` from now. */
	pause(ms: number): void {
		this.pausedUntil = Math.max(this.pausedUntil, Date.now() + ms);
	}
}

async function sleepUntil(time: number, cancelSignal: AbortSignal | undefined): Promise<void> {
	cancelSignal?.throwIfAborted();
	const wait = time - Date.now();
	if (wait > 0) await sleep(wait, cancelSignal);
}
