/** The CUBIC curve of AWS's adaptive retry mode (smithy's DefaultRateLimiter, botocore's retries/adaptive.py). */
export interface CubicConstants {
	/** C: how steeply the curve leaves the last maximum, in (requests per second) per second³. */
	readonly scale: number;
	/** β: the share of the rate kept at a throttle. */
	readonly beta: number;
}

export const SMITHY_CUBIC: CubicConstants = { scale: 0.4, beta: 0.7 };

/**
 * The rate `seconds` after a throttle at `lastMax`: lastMax × β at the throttle, back at lastMax after K seconds
 * (concave before, flat around it, convex after, probing for more).
 */
export function cubicSuccess(lastMax: number, seconds: number, { scale, beta }: CubicConstants): number {
	const k = Math.cbrt((lastMax * (1 - beta)) / scale);
	return scale * (seconds - k) ** 3 + lastMax;
}

/**
 * About how many requests leave between a throttle and the curve's return to the last maximum: K is this many
 * requests' time at that rate. smithy's absolute C (0.4) puts K at ∛(0.75 × lastMax) seconds, about a second at
 * CCC's few requests per second: the run would probe past the limit every two seconds or so (a batch on the fake
 * clock, 20 at a time: 21 % of the requests refused at 2 per second, 11 % at 5; with 60 requests, 9.5 % and 6.8 %).
 * Counted in requests, a probe costs about one refused request in a hundred at any rate; the gateway refills at its
 * rate, so the time spent below the limit is won back above it.
 */
export const PROBE_REQUESTS = 60;

/** smithy's minimum fill rate: a run never stops sending altogether. */
export const MIN_RATE = 0.5;

/** Throttled answers within this long of a cut do not cut again: they tell of the rate before it. */
export const MIN_CUT_INTERVAL_MS = 1000;

/** Requests the gateway let through over a stretch of send times. */
interface Stretch {
	readonly from: number;
	readonly to: number;
	accepted: number;
}

/**
 * The send rate one execution has learned from CCC's answers: none until the first throttled answer, then CUBIC
 * around the rate the gateway was measured to let through. That measure is the answers it let through between two
 * cuts, by the time the requests left: the gateway's bucket was empty at both, so what it let through in between is
 * what it refilled (its rate). Before the first cut nothing is known but the first burst: CCC's limits are per
 * second, so that burst counts as one second's worth.
 */
export class AdaptiveRate {
	/** Requests the gateway refused as throttled. */
	refused = 0;

	/** Requests sent, refused ones included. */
	sent = 0;

	/** When the rate was last cut (ms), if ever; until then the rate is off. */
	private cutAt: number | undefined;

	/** The stretch that ended at the last cut: its late answers still refine the measure. */
	private measured: Stretch | undefined;

	/** The stretch since the last cut. */
	private current: Stretch | undefined;

	/** Requests per second the gateway was measured to let through; 0 until the first cut. */
	get lastMax(): number {
		if (!this.measured) return 0;
		const seconds = Math.max(MIN_CUT_INTERVAL_MS, this.measured.to - this.measured.from) / 1000;
		return Math.max(MIN_RATE, this.measured.accepted / seconds);
	}

	/** The rate to send at, in requests per second; undefined while no request has been throttled. */
	rate(now: number): number | undefined {
		if (this.cutAt === undefined) return undefined;
		const lastMax = this.lastMax;
		const k = Math.max(MIN_CUT_INTERVAL_MS / 1000, PROBE_REQUESTS / lastMax);
		const constants = { beta: SMITHY_CUBIC.beta, scale: (lastMax * (1 - SMITHY_CUBIC.beta)) / k ** 3 };
		return Math.max(MIN_RATE, cubicSuccess(lastMax, (now - this.cutAt) / 1000, constants));
	}

	onSent(at: number): void {
		this.sent++;
		this.current ??= { from: at, to: at, accepted: 0 };
	}

	/** The gateway let a request through (whatever CCC then answered). Returns whether that raised the measured rate. */
	onAccepted(sentAt: number): boolean {
		if (this.measured && sentAt >= this.measured.from && sentAt <= this.measured.to) {
			this.measured.accepted++;
			return true;
		}
		if (this.current) this.current.accepted++;
		return false;
	}

	/**
	 * The gateway refused a request as throttled. Cuts the rate unless the request left before the last cut, or the
	 * cut was less than a second ago: many throttled answers arriving at once cut the rate once. Returns whether it cut.
	 */
	onThrottled(sentAt: number, now: number): boolean {
		this.refused++;
		if (this.cutAt !== undefined && (sentAt < this.cutAt || now - this.cutAt < MIN_CUT_INTERVAL_MS)) return false;
		const from = this.current?.from ?? sentAt;
		this.measured = { from, to: sentAt, accepted: this.current?.accepted ?? 0 };
		this.current = { from: sentAt, to: sentAt, accepted: 0 };
		this.cutAt = now;
		return true;
	}
}
