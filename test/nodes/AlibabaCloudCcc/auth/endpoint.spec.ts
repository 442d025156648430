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
