import type { IHttpRequestOptions } from 'n8n-workflow';

import {
	sdkV1ReadyForService,
	sdkV1ReadyForServiceWireQuery,
	sdkV3ReadyForService,
} from '../../../fixtures/signingVectors';
import type { CccCredentials } from '../../../../nodes/AlibabaCloudCcc/auth/cccCredentials';
import { signHttpRequest } from '../../../../nodes/AlibabaCloudCcc/auth/signHttpRequest';

const [v3Vector] = sdkV3ReadyForService;
const [v1GetVector] = sdkV1ReadyForService;

const credentials = (overrides: Partial<CccCredentials> = {}): CccCredentials => ({
	accessKeyId: 'testid',
	accessKeySecret: 'testsecret',
	region: 'cn-shanghai',
	customEndpoint: '',
	signatureVersion: 'v3',
	...overrides,
});

const readyForService = (method: 'GET' | 'POST' = 'POST'): IHttpRequestOptions => ({
	method,
	url: '/',
	baseURL: 'https://ignored.example.com',
	qs: { Action: 'ReadyForService', ...v3Vector.call.params },
	headers: { 'User-Agent': 'n8n-test' },
});

describe('signHttpRequest', () => {
	it('V3: puts the canonical query in the URL, drops qs and signs as the SDK does', () => {
		const signed = signHttpRequest(readyForService(), credentials(), v3Vector.moment);
		expect(signed.url).toBe(
			'https://ccc.cn-shanghai.aliyuncs.com/?DeviceId=ACC-YUNBS-1.0.10-bsd87c04aaa8f7000176ad354b1c&InstanceId=ccc-test&OutboundScenario=false&UserId=user-test%40ccc-test',
		);
		expect(signed.qs).toBeUndefined();
		expect(signed.baseURL).toBeUndefined();
		expect(String(signed.headers?.authorization)).toMatch(new RegExp(`,Signature=${v3Vector.signature}$`));
		expect(signed.headers).toMatchObject({
			'User-Agent': 'n8n-test',
			accept: 'application/json',
			host: 'ccc.cn-shanghai.aliyuncs.com',
			'x-acs-action': 'ReadyForService',
			'x-acs-version': '2020-07-01',
		});
	});

	it('V1: sends exactly the wire query the SDK sent', () => {
		const signed = signHttpRequest(readyForService('GET'), credentials({ signatureVersion: 'v1' }), v1GetVector.moment);
		expect(signed.url).toBe(`https://ccc.cn-shanghai.aliyuncs.com/?${sdkV1ReadyForServiceWireQuery}`);
		expect(Object.keys(signed.headers ?? {}).filter((name) => name.startsWith('x-acs-'))).toEqual([]);
	});

	it.each(['v1', 'v3'] as const)('%s: signing its own output again equals signing the original afresh', (version) => {
		const first = { date: new Date('2025-01-15T08:30:00Z'), nonce: 'first-nonce' };
		const second = { date: new Date('2025-01-15T08:31:00Z'), nonce: 'second-nonce' };
		const creds = credentials({ signatureVersion: version, securityToken: 'sts-token' });
		const resigned = signHttpRequest(signHttpRequest(readyForService(), creds, first), creds, second);
		expect(resigned).toEqual(signHttpRequest(readyForService(), creds, second));
		expect(resigned.url.match(/Signature=/g)?.length ?? 0).toBe(version === 'v1' ? 1 : 0);
	});

	it('renders numbers and booleans, and leaves out empty parameters', () => {
		const signed = signHttpRequest(
			{ method: 'POST', url: '/', qs: { Action: 'ListInstances', PageSize: 1, Flag: true, Absent: undefined } },
			credentials(),
			v3Vector.moment,
		);
		expect(signed.url.split('?')[1]).toBe('Flag=true&PageSize=1');
		expect(signed.headers?.['x-acs-action']).toBe('ListInstances');
	});

	it('signs for the Custom Endpoint, with its port in the Host header, at the root the V3 signature covers', () => {
		const signed = signHttpRequest(readyForService(), credentials({ customEndpoint: 'http://127.0.0.1:8123' }), v3Vector.moment);
		expect(signed.url.startsWith('http://127.0.0.1:8123/?DeviceId=')).toBe(true);
		expect(signed.headers?.host).toBe('127.0.0.1:8123');
	});

	it.each(['v1', 'v3'] as const)('refuses a Custom Endpoint with a path in %s alike', (signatureVersion) => {
		const signing = () =>
			signHttpRequest(readyForService(), credentials({ customEndpoint: 'http://127.0.0.1:8123/ccc-proxy', signatureVersion }), v3Vector.moment);
		expect(signing).toThrow('must not have a path ("/ccc-proxy")');
	});

	it('uses the central endpoint when asked', () => {
		const signed = signHttpRequest(readyForService(), credentials({ region: 'central' }), v3Vector.moment);
		expect(signed.url.startsWith('https://ccc.aliyuncs.com/?')).toBe(true);
	});

	it('never sends the clock hint the transport gives the credential', () => {
		const options = { ...readyForService(), headers: { 'x-n8n-ccc-clock-offset-ms': '5000' } };
		const signed = signHttpRequest(options, credentials(), v3Vector.moment);
		expect(Object.keys(signed.headers ?? {}).map((name) => name.toLowerCase())).not.toContain('x-n8n-ccc-clock-offset-ms');
	});

	it('refuses a request without an Action', () => {
		expect(() => signHttpRequest({ method: 'POST', url: '/', qs: {} }, credentials(), v3Vector.moment)).toThrow(
			'A CCC request needs an Action',
		);
	});

	it('refuses a parameter that is neither text, number nor boolean, naming it', () => {
		const options = { method: 'POST' as const, url: '/', qs: { Action: 'ReadyForService', UserId: { nested: 1 } } };
		expect(() => signHttpRequest(options, credentials(), v3Vector.moment)).toThrow('"UserId"');
	});

	describe('form bodies', () => {
		const listStates = (): IHttpRequestOptions => ({
			method: 'POST',
			url: '/',
			qs: { Action: 'ListRealtimeAgentStates', InstanceId: 'ccc-test', PageNumber: 1, PageSize: 100 },
			body: { StateList: '["Ready","Break"]', AgentIdList: '["a@ccc-test"]' },
		});

		it('V3: sends the body parameters as the exact form text it hashed, with the content-type signed', () => {
			const signed = signHttpRequest(listStates(), credentials(), v3Vector.moment);
			expect(signed.body).toBe('AgentIdList=%5B%22a%40ccc-test%22%5D&StateList=%5B%22Ready%22%2C%22Break%22%5D');
			expect(signed.url.split('?')[1]).toBe('InstanceId=ccc-test&PageNumber=1&PageSize=100');
			expect(signed.headers).toMatchObject({
				'content-type': 'application/x-www-form-urlencoded',
				// sha256 of the body text above.
				'x-acs-content-sha256': '1f797047f3a09a8f9bee9591d1e87adbb66bb8cdefe18ca164a19e35a877269d',
			});
			expect(String(signed.headers?.authorization)).toContain('SignedHeaders=content-type;host;');
		});

		it('V1: keeps the body parameters in the body and out of the query', () => {
			const signed = signHttpRequest(listStates(), credentials({ signatureVersion: 'v1' }), v3Vector.moment);
			expect(signed.body).toBe('AgentIdList=%5B%22a%40ccc-test%22%5D&StateList=%5B%22Ready%22%2C%22Break%22%5D');
			expect(signed.url).not.toContain('StateList');
			expect(signed.headers?.['content-type']).toBe('application/x-www-form-urlencoded');
		});

		it.each(['v1', 'v3'] as const)(
			'%s: reads the legacy options of the HTTP Request node (uri, form, Action in the body) like our own',
			(version) => {
				const creds = credentials({ signatureVersion: version });
				const { body, ...rest } = listStates();
				const legacy = {
					...rest,
					uri: `https://ccc.cn-shanghai.aliyuncs.com/?InstanceId=ccc-test`,
					url: undefined as unknown as string,
					qs: { PageNumber: 1, PageSize: 100 },
					form: { ...(body as object), Action: 'ListRealtimeAgentStates' },
					headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
				};
				const signed = signHttpRequest(legacy, creds, v3Vector.moment);
				expect(signed).toEqual(signHttpRequest(listStates(), creds, v3Vector.moment));
				expect(signed).not.toHaveProperty('form');
				expect(signed).not.toHaveProperty('uri');
			},
		);

		it.each(['v1', 'v3'] as const)('%s: signing its own output again equals signing the original afresh', (version) => {
			const creds = credentials({ signatureVersion: version, securityToken: 'sts-token' });
			const second = { date: new Date('2025-01-15T08:31:00Z'), nonce: 'second-nonce' };
			const resigned = signHttpRequest(signHttpRequest(listStates(), creds, v3Vector.moment), creds, second);
			expect(resigned).toEqual(signHttpRequest(listStates(), creds, second));
		});

		it('refuses a body that is not form parameters', () => {
			const options = { ...listStates(), body: Buffer.from('x') };
			expect(() => signHttpRequest(options, credentials(), v3Vector.moment)).toThrow('x-www-form-urlencoded');
		});
	});
});
