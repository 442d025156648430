/**
 * n8n's own HTTP Request node (the oldest and the newest version that take a predefined credential) signing with
 * the Alibaba Cloud CCC API credential, through n8n's engine: redirects, and values signed and sent exactly as given.
 */
import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import { DEMO_STS_KEY } from '../../simulator/directory';
import { runCccWorkflow } from '../../scripts/engine/runWorkflow';
import { useHttpRequestNode } from '../harness/httpRequestNode';
import { useRedirectingEndpoint } from '../harness/redirectingEndpoint';
import { HTTP_REQUEST_NODE_TYPE, HTTP_REQUEST_VERSIONS, httpRequestParameters, type HttpCall } from '../harness/httpRequestParameters';
import { credentialsFor, useSimulator, type SignatureVersion } from '../harness/simulatorFixture';

useHttpRequestNode();

async function runHttpRequest(version: number, call: HttpCall, credentials: ICredentialDataDecryptedObject) {
	return await runCccWorkflow({
		nodeType: HTTP_REQUEST_NODE_TYPE,
		typeVersion: version,
		items: [{}],
		parameters: httpRequestParameters(version, call) as never,
		credentials,
		onError: 'continueRegularOutput',
	});
}

/** What an item of the HTTP Request node says, whichever shape its error takes. */
const textOf = (json: IDataObject) => JSON.stringify(json);

describe("n8n's HTTP Request node with the credential, through n8n's engine", () => {
	describe('an endpoint that redirects', () => {
		const redirecting = useRedirectingEndpoint();

		const cases = HTTP_REQUEST_VERSIONS.flatMap((version) =>
			([[301, 'v1'], [302, 'v3'], [307, 'v3'], [308, 'v1']] as const).map(([httpStatus, signing]) => [version, httpStatus, signing] as const),
		);
		it.each(cases)('version %s, HTTP %i (%s, STS token): nothing reaches the other origin, and the item is an error naming the status', async (version, httpStatus, signing) => {
			redirecting.status = httpStatus;
			const { success } = await runHttpRequest(
				version,
				{ url: `${redirecting.url}/`, query: { Action: 'ListRealtimeAgentStates', InstanceId: 'ccc-test', PageNumber: '1', PageSize: '10' }, form: { StateList: '["Ready"]' } },
				credentialsFor(redirecting, DEMO_STS_KEY, signing),
			);
			expect(redirecting.reached).toEqual([]);
			expect(success).toHaveLength(1);
			expect(success[0].json).toHaveProperty('error');
			expect(textOf(success[0].json)).toContain(String(httpStatus));
			expect(textOf(success[0].json)).not.toContain('stolen');
			expect(textOf(success[0].json)).not.toContain('query-secret');
		});
	});

	describe('values signed and sent exactly as given', () => {
		const simulator = useSimulator();
		const signings: SignatureVersion[] = ['v1', 'v3'];
		const versionsAndSignings = HTTP_REQUEST_VERSIONS.flatMap((version) => signings.map((signing) => [version, signing] as const));
		const states = (extra: string) => `/?Action=ListRealtimeAgentStates&InstanceId=ccc-test&PageNumber=1&PageSize=10${extra}`;

		/** What the simulator received (its signature checked) for the one request of the run. */
		const received = () => {
			expect(simulator().requests).toHaveLength(1);
			return simulator().requests[0];
		};

		it.each(versionsAndSignings)('version %s, %s: a "=" inside a URL query value is kept', async (version, signing) => {
			const { success } = await runHttpRequest(version, { url: `${simulator().url}${states('&AgentName=abc==')}` }, credentialsFor(simulator(), undefined, signing));
			expect(received()).toMatchObject({ status: 200, params: { AgentName: 'abc==' } });
			expect(success[0].json).not.toHaveProperty('error');
		});

		it.each(versionsAndSignings)('version %s, %s: a "=" inside a raw form body value is kept', async (version, signing) => {
			await runHttpRequest(
				version,
				{ url: `${simulator().url}${states('')}`, raw: { contentType: 'application/x-www-form-urlencoded', body: 'AgentName=abc%3D%3D&Query=x==' } },
				credentialsFor(simulator(), undefined, signing),
			);
			expect(received()).toMatchObject({ status: 200, params: { AgentName: 'abc==', Query: 'x==' } });
		});

		it.each(versionsAndSignings)('version %s, %s: a raw JSON body is refused, saying to use form fields; nothing is sent', async (version, signing) => {
			const { success } = await runHttpRequest(
				version,
				{ url: `${simulator().url}${states('')}`, raw: { contentType: 'application/json', body: '{"StateList":"[\\"Ready\\"]"}' } },
				credentialsFor(simulator(), undefined, signing),
			);
			expect(simulator().requests).toEqual([]);
			expect(textOf(success[0].json)).toContain('Form Urlencoded');
		});

		it.each(versionsAndSignings)('version %s, %s: a multipart body, whose fields the signature would not cover, is refused; nothing is sent', async (version, signing) => {
			const { success } = await runHttpRequest(version, { url: `${simulator().url}${states('')}`, multipart: { StateList: '["Ready"]' } }, credentialsFor(simulator(), undefined, signing));
			expect(simulator().requests).toEqual([]);
			expect(textOf(success[0].json)).toContain('multipart form data');
		});

		it.each(versionsAndSignings)('version %s, %s: a raw body of plain text is refused, not signed as a parameter; nothing is sent', async (version, signing) => {
			const { success } = await runHttpRequest(version, { url: `${simulator().url}${states('')}`, raw: { contentType: 'text/plain', body: 'hello' } }, credentialsFor(simulator(), undefined, signing));
			expect(simulator().requests).toEqual([]);
			expect(textOf(success[0].json)).toContain('not form parameters');
		});

		it.each(versionsAndSignings)('version %s, %s: a parameter twice in the URL is refused; nothing is sent', async (version, signing) => {
			const { success } = await runHttpRequest(version, { url: `${simulator().url}${states('&AgentName=a&AgentName=b')}` }, credentialsFor(simulator(), undefined, signing));
			expect(simulator().requests).toEqual([]);
			expect(textOf(success[0].json)).toContain('\\"AgentName\\" is given twice in the URL: give it once');
		});

		it.each(versionsAndSignings)('version %s, %s: a URL fragment is dropped, not glued to the last value', async (version, signing) => {
			await runHttpRequest(version, { url: `${simulator().url}${states('&AgentName=alice#top')}` }, credentialsFor(simulator(), undefined, signing));
			expect(received()).toMatchObject({ status: 200, params: { AgentName: 'alice' } });
		});

		it.each(versionsAndSignings)('version %s, %s: a stray "%%" is an error naming the parameter and the fix; nothing is sent', async (version, signing) => {
			const { success } = await runHttpRequest(version, { url: `${simulator().url}${states('&AgentName=100%')}` }, credentialsFor(simulator(), undefined, signing));
			expect(simulator().requests).toEqual([]);
			expect(textOf(success[0].json)).toContain('\\"AgentName\\" holds a \\"%\\" that starts no percent-encoding');
			expect(textOf(success[0].json)).toContain('write %25 for a percent sign');
		});

		it.each(versionsAndSignings)('version %s, %s: "+" in the URL is a space, as the gateway reads it; in Query Parameters it is a plus', async (version, signing) => {
			await runHttpRequest(version, { url: `${simulator().url}${states('&AgentName=a+b')}`, query: { Query: 'c+d' } }, credentialsFor(simulator(), undefined, signing));
			expect(received()).toMatchObject({ status: 200, params: { AgentName: 'a b', Query: 'c+d' } });
		});

		it.each(versionsAndSignings)('version %s, %s: one parameter in both the query and the body is refused; nothing is sent', async (version, signing) => {
			const { success } = await runHttpRequest(
				version,
				{ url: `${simulator().url}${states('')}`, form: { InstanceId: 'ccc-other' } },
				credentialsFor(simulator(), undefined, signing),
			);
			expect(simulator().requests).toEqual([]);
			expect(textOf(success[0].json)).toContain('\\"InstanceId\\" is given in the URL and in the body: give it once');
		});
	});
});
