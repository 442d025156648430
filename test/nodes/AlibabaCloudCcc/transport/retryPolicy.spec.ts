import { backoffDelay, isThrottling, isTransient } from '../../../../nodes/AlibabaCloudCcc/transport/retryPolicy';

/**
 * The classification of smithy's service-error-classification (AWS's SDKs), told in CCC's codes: 429 and
 * `Throttling*` codes throttle; 500, 502, 503, 504 and lost connections are transient; the rest is final.
 */
const VECTORS: Array<[code: string, httpStatus: number | undefined, verdict: 'throttling' | 'transient' | 'final']> = [
	['Throttling', 400, 'throttling'],
	['Throttling.User', 400, 'throttling'],
	['Throttling.Api', 400, 'throttling'],
	['HTTP429', 429, 'throttling'],
	['InvalidResponse', 429, 'throttling'],
	['SomeGatewayCode', 429, 'throttling'],
	['InternalError', 500, 'transient'],
	['ServiceUnavailable', 503, 'transient'],
	['UnknownError', 400, 'transient'],
	['HTTP500', 500, 'transient'],
	['InvalidResponse', 502, 'transient'],
	['HTTP503', 503, 'transient'],
	['HTTP504', 504, 'transient'],
	['Network.ConnectionReset', undefined, 'transient'],
	['Network.ConnectionRefused', undefined, 'transient'],
	['Network.Timeout', undefined, 'transient'],
	['Network.HostNotFound', undefined, 'transient'],
	['Network.DnsFailure', undefined, 'transient'],
	['InvalidResponse', 200, 'transient'],
	['HTTP501', 501, 'final'],
	['HTTP505', 505, 'final'],
	['HTTP599', 599, 'final'],
	['InvalidResponse', 501, 'final'],
	['InvalidResponse', 404, 'final'],
	['UnexpectedResponse', 200, 'final'],
	['Network.Failed', undefined, 'final'],
	['NotExists.UserId', 404, 'final'],
	['NotExists.InstanceId', 404, 'final'],
	['InvalidOperation.UserState', 400, 'final'],
	['InvalidAccessKeyId.NotFound', 404, 'final'],
	['SignatureDoesNotMatch', 400, 'final'],
	['Forbidden.RAM', 403, 'final'],
	['InvalidParameter', 400, 'final'],
	['ThrottlingSomethingElse', 400, 'final'],
	['Throttling.', 400, 'final'],
];

describe('the retry classification', () => {
	it.each(VECTORS)('%s (HTTP %s) is %s', (code, httpStatus, verdict) => {
		const failure = { code, message: '', httpStatus };
		expect({ throttling: isThrottling(failure), transient: isTransient(failure) }).toEqual({
			throttling: verdict === 'throttling',
			transient: verdict !== 'final',
		});
	});
});

describe('backoffDelay', () => {
	const policy = { maxAttempts: 5, baseDelayMs: 100, maxDelayMs: 1000 };

	it('draws up to base × 2^(attempt-1): full jitter', () => {
		expect(backoffDelay(policy, 1, () => 0.999)).toBe(99);
		expect(backoffDelay(policy, 2, () => 0.999)).toBe(199);
		expect(backoffDelay(policy, 3, () => 0.5)).toBe(200);
		expect(backoffDelay(policy, 3, () => 0)).toBe(0);
	});

	it('never waits longer than the cap', () => {
		expect(backoffDelay(policy, 10, () => 0.999)).toBe(999);
	});
});
