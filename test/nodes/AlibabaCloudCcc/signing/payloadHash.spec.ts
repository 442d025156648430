import { payloadHash } from '../../../../nodes/AlibabaCloudCcc/signing/payloadHash';

describe('payloadHash', () => {
	it('hashes the empty body to the value Alibaba documents for x-acs-content-sha256', () => {
		expect(payloadHash('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
	});

	it('matches the FIPS 180-2 "abc" example, from a string or bytes', () => {
		const expected = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';
		expect(payloadHash('abc')).toBe(expected);
		expect(payloadHash(new TextEncoder().encode('abc'))).toBe(expected);
	});
});
