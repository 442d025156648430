import {
	publishedV1DescribeRegions,
	sdkV1ReadyForService,
	sdkV1ReadyForServiceWireQuery,
} from '../../../fixtures/signingVectors';
import { canonicalQuery } from '../../../../nodes/AlibabaCloudCcc/signing/canonicalQuery';
import { percentEncode } from '../../../../nodes/AlibabaCloudCcc/signing/percentEncode';
import { signRpcV1, v1Signature, v1StringToSign } from '../../../../nodes/AlibabaCloudCcc/signing/signV1';

describe('signature V1 (HMAC-SHA1)', () => {
	it("reproduces Alibaba's published DescribeRegions example", () => {
		const { method, params, secret, stringToSign, signature } = publishedV1DescribeRegions;
		const computed = v1StringToSign(method, canonicalQuery(params));
		expect(computed).toBe(stringToSign);
		expect(v1Signature(computed, secret)).toBe(signature);
	});

	it.each(sdkV1ReadyForService)('matches the SDK for ReadyForService, $name', ({ call, key, moment, signature }) => {
		const { query, headers } = signRpcV1(call, key, moment);
		expect(query.endsWith(`&Signature=${percentEncode(signature)}`)).toBe(true);
		expect(headers).toEqual({});
	});

	it('puts exactly the query pop-core sent on the wire', () => {
		const [get] = sdkV1ReadyForService;
		expect(signRpcV1(get.call, get.key, get.moment).query).toBe(sdkV1ReadyForServiceWireQuery);
	});

	it('signs the STS token as a parameter', () => {
		const sts = sdkV1ReadyForService.find(({ key }) => 'securityToken' in key)!;
		expect(signRpcV1(sts.call, sts.key, sts.moment).query).toContain('&SecurityToken=test-sts-token&');
	});

	it('lets the common parameters win over an API parameter of the same name', () => {
		const [get] = sdkV1ReadyForService;
		const call = { ...get.call, params: { ...get.call.params, Format: 'XML', AccessKeyId: 'other' } };
		const { query } = signRpcV1(call, get.key, get.moment);
		expect(query).toContain('Format=JSON');
		expect(query).toContain('AccessKeyId=testid');
		expect(query).not.toContain('other');
	});
});
