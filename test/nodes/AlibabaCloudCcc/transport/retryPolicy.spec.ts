import { backoffDelay, isTransient } from '../../../../nodes/AlibabaCloudCcc/transport/retryPolicy';

describe('isTransient', () => {
	it.each([
		['Throttling', 400],
		['Throttling.User', 400],
		['Throttling.Api', 400],
		['InternalError', 500],
		['ServiceUnavailable', 503],
		['Network.ConnectionReset', undefined],
		['Network.ConnectionRefused', undefined],
		['Network.Timeout', undefined],
		['InvalidResponse', 502],
		['HTTP504', 504],
	])('%s (HTTP %s) is worth another try', (code, httpStatus) => {
		expect(isTransient({ code, message: '', httpStatus })).toBe(true);
	});

	it.each([
		['NotExists.UserId', 404],
		['NotExists.InstanceId', 404],
		['InvalidOperation.UserState', 400],
		['InvalidAccessKeyId.NotFound', 404],
		['SignatureDoesNotMatch', 400],
		['Forbidden.RAM', 403],
		['InvalidParameter', 400],
		['InvalidResponse', 200],
		['Network.HostNotFound', undefined],
		['ThrottlingSomethingElse', 400],
	])('%s (HTTP %s) is final', (code, httpStatus) => {
		expect(isTransient({ code, message: '', httpStatus })).toBe(false);
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
