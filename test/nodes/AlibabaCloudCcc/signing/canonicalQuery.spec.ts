import { sdkV1ReadyForServiceCanonicalQuery } from '../../../fixtures/signingVectors';
import { canonicalQuery } from '../../../../nodes/AlibabaCloudCcc/signing/canonicalQuery';

describe('canonicalQuery', () => {
	it('reproduces the SDK canonical query for ReadyForService', () => {
		const params = {
			Version: '2020-07-01',
			UserId: 'user-test@ccc-test',
			Timestamp: '2025-01-15T08:30:00Z',
			SignatureVersion: '1.0',
			SignatureNonce: 'd3d4e1f2-8a9b-4c0d-9e1f-2a3b4c5d6e7f',
			SignatureMethod: 'HMAC-SHA1',
			OutboundScenario: 'false',
			InstanceId: 'ccc-test',
			Format: 'JSON',
			DeviceId: 'ACC-YUNBS-1.0.10-bsd87c04aaa8f7000176ad354b1c',
			Action: 'ReadyForService',
			AccessKeyId: 'testid',
		};
		expect(canonicalQuery(params)).toBe(sdkV1ReadyForServiceCanonicalQuery);
	});

	it('sorts by code unit, upper case before lower case, not by locale', () => {
		expect(canonicalQuery({ b: '1', a: '2', B: '3', A: '4' })).toBe('A=4&B=3&a=2&b=1');
	});

	it('keeps an empty value as "name="', () => {
		expect(canonicalQuery({ Empty: '', Next: 'x' })).toBe('Empty=&Next=x');
	});

	it('is empty for no parameters', () => {
		expect(canonicalQuery({})).toBe('');
	});
});
