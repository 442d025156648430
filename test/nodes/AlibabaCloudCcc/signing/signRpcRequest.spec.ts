import { sdkV1ReadyForService, sdkV3ReadyForService } from '../../../fixtures/signingVectors';
import { signRpcRequest } from '../../../../nodes/AlibabaCloudCcc/signing/signRpcRequest';

describe('signRpcRequest', () => {
	it('signs V1 when asked for v1', () => {
		const [get] = sdkV1ReadyForService;
		expect(signRpcRequest('v1', get.call, get.key, get.moment).query).toContain('SignatureMethod=HMAC-SHA1');
	});

	it('signs V3 when asked for v3', () => {
		const [plain] = sdkV3ReadyForService;
		expect(signRpcRequest('v3', plain.call, plain.key, plain.moment).headers.authorization).toMatch(/^ACS3-HMAC-SHA256 /);
	});

	it('gives a different signature for a different nonce', () => {
		const [plain] = sdkV3ReadyForService;
		const first = signRpcRequest('v3', plain.call, plain.key, plain.moment);
		const second = signRpcRequest('v3', plain.call, plain.key, { ...plain.moment, nonce: 'other' });
		expect(second.headers.authorization).not.toBe(first.headers.authorization);
	});
});
