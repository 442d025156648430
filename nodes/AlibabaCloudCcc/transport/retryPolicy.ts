import type { CccFailure } from '../response/cccFailure';

export interface RetryPolicy {
	/** Calls per item at most, the first included (1 = no retries). */
	readonly maxAttempts: number;
	/** The backoff before the second attempt, doubled for each further one. */
	readonly baseDelayMs: number;
	readonly maxDelayMs: number;
}

export const NO_RETRIES: RetryPolicy = { maxAttempts: 1, baseDelayMs: 0, maxDelayMs: 0 };

const THROTTLING_CODE = /^Throttling(\..+)?$/;
const OTHER_TRANSIENT_CODES = /^(InternalError|ServiceUnavailable|UnknownError|Network\.(ConnectionRefused|ConnectionReset|Timeout|DnsFailure|Failed))$/;

export const isThrottling = (failure: CccFailure): boolean => THROTTLING_CODE.test(failure.code);

/**
 * What may succeed if sent again: throttling, Alibaba's passing server errors, any 5xx, and answers that never came.
 * Business and authentication errors are final (another try gives the same answer).
 */
export function isTransient(failure: CccFailure): boolean {
	return isThrottling(failure) || OTHER_TRANSIENT_CODES.test(failure.code) || (failure.httpStatus ?? 0) >= 500;
}

/** The longest wait after the `failedAttempt`-th attempt: base × 2^(attempt-1), capped. */
export function backoffCeiling(policy: RetryPolicy, failedAttempt: number): number {
	return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (failedAttempt - 1));
}

/** Exponential backoff with full jitter: a random wait up to the ceiling. */
export function backoffDelay(policy: RetryPolicy, failedAttempt: number, random: () => number = Math.random): number {
	return Math.floor(random() * backoffCeiling(policy, failedAttempt));
}
