import { performance } from 'node:perf_hooks';
import { setImmediate as nextTurn } from 'node:timers/promises';

/** A turn of the event loop this short ran no I/O callback: nothing was waiting. */
const IDLE_TURN_MS = 0.1;
/** So that a busy loop never holds new items back for long. */
const MAX_TURNS = 20;

/**
 * Lets the answers that have already arrived for other items be handled before the next item starts its CPU work.
 * Without it, the requests of a window advance through n8n's request helper in lockstep, one event-loop hop at a
 * time, so each round lasts the latency plus the whole window's CPU time instead of overlapping them (measured at
 * Concurrency 20 and 50 ms latency: 1.65 × the ideal time without, 1.19 × with).
 */
export async function yieldToPendingIo(): Promise<void> {
	for (let turn = 0; turn < MAX_TURNS; turn++) {
		const started = performance.now();
		await nextTurn();
		if (performance.now() - started < IDLE_TURN_MS) return;
	}
}
