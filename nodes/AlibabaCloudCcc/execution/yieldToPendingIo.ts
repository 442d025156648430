import { sleep } from 'n8n-workflow';

/**
 * An idle turn is a shortest timer (1 ms) plus the event loop's millisecond rounding: a turn of the loop this short
 * ran no I/O callback worth waiting for.
 */
const IDLE_TURN_MS = 2;
/**
 * So that a busy loop never holds new items back for long. A timer turn costs at least 1 ms even when busy: by the
 * third, the answers that were waiting when the item asked have been handled (measured at Concurrency 40 and 50 ms
 * latency: 1.5-1.7 × the ideal time with 3 turns, 2.0-2.3 × with 20).
 */
export const MAX_TURNS = 3;

/**
 * Lets the answers that have already arrived for other items be handled before the next item starts its CPU work.
 * Without it, the requests of a window advance through n8n's request helper in lockstep, one event-loop hop at a
 * time, so each round lasts the latency plus the whole window's CPU time instead of overlapping them.
 * A turn waits for the next timers phase (n8n Cloud allows no other way to yield): every I/O callback ready by then
 * runs first; the turns stop at the first one that ran nothing.
 */
export async function yieldToPendingIo(): Promise<void> {
	for (let turn = 0; turn < MAX_TURNS; turn++) {
		const started = performance.now();
		await sleep(0);
		if (performance.now() - started < IDLE_TURN_MS) return;
	}
}
