import { resolveEndpoint } from '../../../../nodes/AlibabaCloudCcc/auth/endpoint';

describe('resolveEndpoint', () => {
	it('maps the regions to their CCC endpoints', () => {
		expect(resolveEndpoint({ region: 'cn-shanghai', customEndpoint: '' }).href).toBe('https://ccc.cn-shanghai.aliyuncs.com/');
		expect(resolveEndpoint({ region: 'central', customEndpoint: '' }).href).toBe('https://ccc.aliyuncs.com/');
	});

	it('lets the Custom Endpoint override the region', () => {
		expect(resolveEndpoint({ region: 'cn-shanghai', customEndpoint: 'http://127.0.0.1:9000' }).host).toBe('127.0.0.1:9000');
		expect(resolveEndpoint({ region: 'cn-shanghai', customEndpoint: 'https://proxy.example/' }).href).toBe('https://proxy.example/');
	});

	it.each([
		['http://localhost:9000', 'localhost:9000'],
		['http://LOCALHOST', 'localhost'],
		['http://127.0.0.1:9000', '127.0.0.1:9000'],
		['http://127.1.2.3', '127.1.2.3'],
		['http://127.1', '127.0.0.1'],
		['http://[::1]:9000', '[::1]:9000'],
		['http://[0:0:0:0:0:0:0:1]', '[::1]'],
		['https://10.0.0.1', '10.0.0.1'],
		['https://ccc.example.com', 'ccc.example.com'],
		['https://[2001:db8::1]:8443', '[2001:db8::1]:8443'],
	])('accepts the Custom Endpoint %j (plain http only on this machine)', (customEndpoint, host) => {
		expect(resolveEndpoint({ region: 'cn-shanghai', customEndpoint }).host).toBe(host);
	});

	it.each([
		['http://10.0.0.1', 'https://10.0.0.1'],
		['http://192.168.1.20:8080', 'https://192.168.1.20:8080'],
		['http://128.0.0.1', 'https://128.0.0.1'],
		['http://0.0.0.0:9000', 'https://0.0.0.0:9000'],
		['http://ccc.example.com', 'https://ccc.example.com'],
		['http://localhost.evil.com', 'https://localhost.evil.com'],
		['http://127.0.0.1.nip.io', 'https://127.0.0.1.nip.io'],
		['http://localhost.', 'https://localhost.'],
		['http://[::ffff:127.0.0.1]', 'https://[::ffff:7f00:1]'],
		['http://[::]:9000', 'https://[::]:9000'],
		['http://[2001:db8::1]', 'https://[2001:db8::1]'],
	])('refuses plain http to %j, naming the field and the https form', (customEndpoint, fix) => {
		const refusal = () => resolveEndpoint({ region: 'cn-shanghai', customEndpoint });
		expect(refusal).toThrow("The credential's Custom Endpoint may use plain http only on this machine");
		expect(refusal).toThrow(`use ${fix},`);
	});

	it.each([
		['not a url', 'is not a URL'],
		['ftp://ccc.example.com', 'must use http or https'],
		['https://ccc.example.com/?x=1', 'must not carry'],
		['https://user:pw@ccc.example.com', 'must not carry'],
		['https://proxy.example/ccc/', 'must not have a path ("/ccc/")'],
		['https://proxy.example/ccc', 'must not have a path ("/ccc")'],
	])('rejects the Custom Endpoint %j with a message that says how to fix it', (customEndpoint, problem) => {
		expect(() => resolveEndpoint({ region: 'cn-shanghai', customEndpoint })).toThrow(problem);
		expect(() => resolveEndpoint({ region: 'cn-shanghai', customEndpoint })).toThrow('Custom Endpoint');
	});

	it('does not echo a password embedded in the Custom Endpoint', () => {
		expect(() => resolveEndpoint({ region: 'cn-shanghai', customEndpoint: 'https://u:hunter2@x.example.com' })).toThrow(
			expect.objectContaining({ message: expect.not.stringContaining('hunter2') }),
		);
	});

	it('rejects an unknown region', () => {
		expect(() => resolveEndpoint({ region: 'mars-1', customEndpoint: '' })).toThrow('Unknown CCC region "mars-1"');
	});
});
