import {
	publishedV3RunInstances,
	sdkV3ReadyForService,
	sdkV3ReadyForServiceCanonicalRequest,
	sdkV3ReadyForServiceStringToSign,
} from '../../../fixtures/signingVectors';
import { canonicalHeaders } from '../../../../nodes/AlibabaCloudCcc/signing/canonicalHeaders';
import { signRpcV3, v3CanonicalRequest, v3StringToSign } from '../../../../nodes/AlibabaCloudCcc/signing/signV3';

const signatureOf = (authorization: string) => authorization.split('Signature=')[1];

describe('signature V3 (ACS3-HMAC-SHA256)', () => {
	it("reproduces Alibaba's published RunInstances example", () => {
		const { call, key, moment, authorization } = publishedV3RunInstances;
		expect(signRpcV3(call, key, moment).headers.authorization).toBe(authorization);
	});

	it("reproduces the published example's hashed canonical request", () => {
		const { call, key, moment, hashedCanonicalRequest } = publishedV3RunInstances;
		const { query, headers } = signRpcV3(call, key, moment);
		const canonical = v3CanonicalRequest({
			method: call.method,
			query,
			headers: canonicalHeaders(headers),
			hashedPayload: headers['x-acs-content-sha256'],
		});
		expect(v3StringToSign(canonical)).toBe(`ACS3-HMAC-SHA256\n${hashedCanonicalRequest}`);
	});

	it('builds the canonical request and string to sign the SDK builds for ReadyForService', () => {
		const [plain] = sdkV3ReadyForService;
		const { query, headers } = signRpcV3(plain.call, plain.key, plain.moment);
		const canonical = v3CanonicalRequest({
			method: 'POST',
			query,
			headers: canonicalHeaders(headers),
			hashedPayload: headers['x-acs-content-sha256'],
		});
		expect(canonical).toBe(sdkV3ReadyForServiceCanonicalRequest);
		expect(v3StringToSign(canonical)).toBe(sdkV3ReadyForServiceStringToSign);
	});

	it.each(sdkV3ReadyForService)('matches the SDK for ReadyForService, $name', ({ call, key, moment, signature }) => {
		const { headers } = signRpcV3(call, key, moment);
		expect(signatureOf(headers.authorization)).toBe(signature);
	});

	it('sends the STS token as a signed x-acs-security-token header', () => {
		const sts = sdkV3ReadyForService.find(({ key }) => 'securityToken' in key)!;
		const { headers } = signRpcV3(sts.call, sts.key, sts.moment);
		expect(headers['x-acs-security-token']).toBe('test-sts-token');
		expect(headers.authorization).toContain('SignedHeaders=host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-security-token;');
	});

	it('keeps the API parameters, and only them, in the canonical query', () => {
		const [plain] = sdkV3ReadyForService;
		expect(signRpcV3(plain.call, plain.key, plain.moment).query).toBe(
			'DeviceId=ACC-YUNBS-1.0.10-bsd87c04aaa8f7000176ad354b1c&InstanceId=ccc-test&OutboundScenario=false&UserId=user-test%40ccc-test',
		);
	});
});
