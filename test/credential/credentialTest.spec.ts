import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { ExecuteContext, ExecutionLifecycleHooks, RoutingNode } from 'n8n-core';
import type { ICredentialDataDecryptedObject, INode, INodeExecutionData, INodeType, INodeTypes } from 'n8n-workflow';
import { createRunExecutionData, Workflow } from 'n8n-workflow';

import { AlibabaCloudCccApi } from '../../credentials/AlibabaCloudCccApi.credentials';
import { DEMO_ACCESS_KEY, DEMO_STS_KEY } from '../../simulator/directory';
import { TestCredentialsHelper } from '../../scripts/engine/credentialsHelper';
import { testAdditionalData } from '../../scripts/engine/runWorkflow';
import { credentialsFor, useSimulator } from '../harness/simulatorFixture';

const credentialType = new AlibabaCloudCccApi();

type TestResult = { status: 'OK'; data: INodeExecutionData[][] } | { status: 'Error'; message: string };

/**
 * The credential's Test button, as n8n's CredentialsTester runs a request-based test: the request goes through
 * RoutingNode (so through `authenticate()`), and an HTTP error is matched against the test's rules.
 */
async function testCredential(data: ICredentialDataDecryptedObject): Promise<TestResult> {
	const nodeType: INodeType = {
		description: {
			displayName: 'Temp',
			name: 'credentialTest',
			group: [],
			version: 1,
			description: '',
			defaults: {},
			inputs: ['main'],
			outputs: ['main'],
			credentials: [{ name: credentialType.name, required: true }],
			properties: [{ displayName: 'Temp', name: 'temp', type: 'string', default: '', routing: { request: credentialType.test.request } }],
		},
	};
	const node: INode = {
		id: 'temp',
		name: 'Temp-Node',
		type: 'credentialTest',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
		credentials: { [credentialType.name]: { id: 'cred-1', name: 'test' } },
	};
	const nodeTypes: INodeTypes = { getByName: () => nodeType, getByNameAndVersion: () => nodeType, getKnownTypes: () => ({}) };
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	const hooks = new ExecutionLifecycleHooks('internal', 'execution-1', { nodes: [node] } as never);
	const context = new ExecuteContext(
		workflow,
		node,
		testAdditionalData(new TestCredentialsHelper(data), hooks),
		'internal',
		createRunExecutionData(),
		0,
		[],
		{ main: [[{ json: {} }]] },
		{ node, data: {}, source: null },
		[],
	);
	try {
		const result = await new RoutingNode(context, nodeType, { id: 'cred-1', name: 'test', type: credentialType.name, data }).runNode();
		return { status: 'OK', data: result ?? [] };
	} catch (error) {
		const status = (error as { cause?: { response?: { status?: number } } }).cause?.response?.status;
		const rule = credentialType.test.rules?.find((candidate) => candidate.type === 'responseCode' && candidate.properties.value === status);
		return { status: 'Error', message: rule?.properties.message ?? (error as Error).message };
	}
}

describe('the credential test ("Test" in n8n)', () => {
	const simulator = useSimulator();

	it.each(['v3', 'v1'] as const)('passes with working keys (%s), having listed one CCC instance', async (signatureVersion) => {
		const result = await testCredential(credentialsFor(simulator(), DEMO_ACCESS_KEY, signatureVersion));
		expect(result.status).toBe('OK');
		expect(simulator().requests.map((entry) => [entry.action, entry.params.PageNumber, entry.params.PageSize, entry.code])).toEqual([['ListInstances', '1', '1', 'OK']]);
	});

	it('passes with an STS token', async () => {
		expect((await testCredential(credentialsFor(simulator(), DEMO_STS_KEY))).status).toBe('OK');
	});

	it('fails a wrong secret with a message about the secret', async () => {
		const result = await testCredential(credentialsFor(simulator(), { ...DEMO_ACCESS_KEY, accessKeySecret: 'wrong' }));
		expect(result).toEqual({ status: 'Error', message: expect.stringContaining('check the AccessKey Secret') });
	});

	it('refuses plain http off this machine before anything is sent, naming the field and the fix', async () => {
		// The IPv4-mapped form of the simulator's own address: it would reach the simulator, but only 127.x.x.x, [::1]
		// and localhost count as this machine, so the Test must stop at authenticate() with nothing sent.
		const mapped = simulator().url.replace('127.0.0.1', '[::ffff:127.0.0.1]');
		const result = await testCredential({ ...credentialsFor(simulator(), DEMO_STS_KEY), customEndpoint: mapped });
		expect(result).toEqual({
			status: 'Error',
			message: expect.stringContaining("The credential's Custom Endpoint may use plain http only on this machine"),
		});
		expect(simulator().requests).toEqual([]);
	});

	it('fails an unknown AccessKey ID with a message about the ID', async () => {
		const result = await testCredential(credentialsFor(simulator(), { accessKeyId: 'nope', accessKeySecret: 'x' }));
		expect(result).toEqual({ status: 'Error', message: expect.stringContaining('AccessKey ID was not found') });
	});
});

/** An endpoint that redirects every request to a second origin, which records whether anyone came. */
describe('the credential test against an endpoint that redirects', () => {
	const reached: string[] = [];
	let target = '';
	let endpoint = '';
	const elsewhere = createServer((request, response) => {
		reached.push(String(request.headers['x-acs-security-token'] ?? request.url));
		response.setHeader('content-type', 'application/json');
		response.end(JSON.stringify({ RequestId: 'not-ccc', Code: 'OK', Data: {} }));
	});
	const redirecting = createServer((_request, response) => {
		response.writeHead(307, { location: `http://${target}/collect` }).end();
	});
	const listen = async (server: Server): Promise<string> => {
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		return `127.0.0.1:${(server.address() as AddressInfo).port}`;
	};
	beforeAll(async () => {
		target = await listen(elsewhere);
		endpoint = `http://${await listen(redirecting)}`;
	});
	afterAll(async () => await Promise.all([elsewhere, redirecting].map((server) => new Promise((resolve) => server.close(resolve)))));

	it.each(['v3', 'v1'] as const)('fails (%s, STS token) without sending the signed request to the other origin', async (signatureVersion) => {
		reached.length = 0;
		const result = await testCredential({ ...credentialsFor({ url: endpoint }, DEMO_STS_KEY, signatureVersion), customEndpoint: endpoint });
		expect(reached).toEqual([]);
		expect(result).toEqual({ status: 'Error', message: expect.stringContaining('307') });
	});
});
