import { percentEncode } from '../../../../nodes/AlibabaCloudCcc/signing/percentEncode';

describe('percentEncode', () => {
	it('leaves only the RFC 3986 unreserved characters literal', () => {
		expect(percentEncode('AZaz09-_.~')).toBe('AZaz09-_.~');
	});

	it.each([
		[' ', '%20'],
		['*', '%2A'],
		['+', '%2B'],
		['!', '%21'],
		["'", '%27'],
		['(', '%28'],
		[')', '%29'],
		['/', '%2F'],
		['=', '%3D'],
		['&', '%26'],
		[':', '%3A'],
		['@', '%40'],
	])('encodes %j as %s (upper-case hex, space never as +)', (raw, encoded) => {
		expect(percentEncode(raw)).toBe(encoded);
	});

	it('encodes the UTF-8 bytes of non-ASCII text', () => {
		// From the SDK-produced torture vector: DeviceId=dev%2A~%21%27%28%29%2F%3D%26%C3%A9%E4%B8%AD
		expect(percentEncode("dev*~!'()/=&é中")).toBe('dev%2A~%21%27%28%29%2F%3D%26%C3%A9%E4%B8%AD');
	});

	it('encodes an empty string as an empty string', () => {
		expect(percentEncode('')).toBe('');
	});
});
