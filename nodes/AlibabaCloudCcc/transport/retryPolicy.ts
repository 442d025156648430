import type { CccFailure } from '../response/cccFailure';

export interface RetryPolicy {
	/** Calls per item at most, the first included (1 = no retries). */
	readonly maxAttempts: number;
	/** The longest backoff before the second attempt, doubled for each further one. */
	readonly baseDelayMs: number;
	readonly maxDelayMs: number;
}

/** No backoff is ever longer than this, whatever the attempt. */
export const MAX_RETRY_DELAY_MS = 20_000;

export const NO_RETRIES: RetryPolicy = { maxAttempts: 1, baseDelayMs: 0, maxDelayMs: 0 };

/** An inclusive range of HTTP statuses. */
export type StatusRange = readonly [from: number, to: number];

/**
 * What may succeed if sent again, after the classification AWS's SDKs use (smithy's service-error-classification):
 * throttling backs every request of the run off; a transient failure is retried alone. A rule matches a failure by
 * its code (`X.*`: any code under `X.`), by its HTTP status, or, when it names both, by both.
 * Everything else (business and authentication errors, other statuses, transport errors the node does not
 * recognise) is final: another try gives the same answer.
 */
export interface RetryRule {
	readonly kind: 'throttling' | 'transient';
	readonly codes?: readonly string[];
	readonly statuses?: readonly StatusRange[];
	/** What the rule covers, in the README's words. */
	readonly what: string;
}

export const RETRY_RULES: readonly RetryRule[] = [
	{ kind: 'throttling', codes: ['Throttling', 'Throttling.*'], what: "Alibaba's rate limits" },
	{ kind: 'throttling', statuses: [[429, 429]], what: 'Too Many Requests, from a gateway or proxy in front of CCC' },
	{ kind: 'transient', codes: ['InternalError', 'ServiceUnavailable', 'UnknownError'], what: "Alibaba's passing server errors" },
	{ kind: 'transient', statuses: [[500, 500], [502, 504]], what: 'server errors and error pages that may pass' },
	{
		kind: 'transient',
		codes: ['Network.ConnectionRefused', 'Network.ConnectionReset', 'Network.Timeout', 'Network.HostNotFound', 'Network.DnsFailure'],
		what: 'no answer: the connection was refused or lost, the Timeout passed, the host name did not resolve',
	},
	{ kind: 'transient', codes: ['InvalidResponse'], statuses: [[200, 299]], what: 'a success answer whose body was cut off' },
];

const codeMatches = (pattern: string, code: string): boolean =>
	pattern.endsWith('.*') ? code.startsWith(pattern.slice(0, -1)) && code.length > pattern.length - 1 : code === pattern;

function matches(rule: RetryRule, { code, httpStatus }: CccFailure): boolean {
	const byCode = !rule.codes || rule.codes.some((pattern) => codeMatches(pattern, code));
	const byStatus =
		!rule.statuses || (httpStatus !== undefined && rule.statuses.some(([from, to]) => httpStatus >= from && httpStatus <= to));
	return byCode && byStatus;
}

/** Throttling concerns the whole run: every request backs off, not just the throttled one. */
export const isThrottling = (failure: CccFailure): boolean =>
	RETRY_RULES.some((rule) => rule.kind === 'throttling' && matches(rule, failure));

export const isTransient = (failure: CccFailure): boolean => RETRY_RULES.some((rule) => matches(rule, failure));

/** The longest wait after the `failedAttempt`-th attempt: base × 2^(attempt-1), capped. */
export function backoffCeiling(policy: RetryPolicy, failedAttempt: number): number {
	return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (failedAttempt - 1));
}

/** Exponential backoff with full jitter: a random wait up to the ceiling. */
export function backoffDelay(policy: RetryPolicy, failedAttempt: number, random: () => number = Math.random): number {
	return Math.floor(random() * backoffCeiling(policy, failedAttempt));
}
