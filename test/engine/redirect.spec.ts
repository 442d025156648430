import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { DEMO_STS_KEY } from '../../simulator/directory';
import { runCccWorkflow } from '../../scripts/engine/runWorkflow';
import { agent, agentParameters, credentialsFor, type SignatureVersion } from '../harness/simulatorFixture';

async function listen(server: Server): Promise<string> {
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return `127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** An endpoint that redirects every request to a second origin, which records whether anyone came. */
describe('an endpoint that redirects, through n8n\'s engine', () => {
	const reached: IncomingHttpHeaders[] = [];
	let redirects = 0;
	let status = 302;
	let target = '';
	let endpoint = '';
	const elsewhere = createServer((request, response) => {
		reached.push(request.headers);
		response.setHeader('content-type', 'application/json');
		response.end(JSON.stringify({ RequestId: 'not-ccc', Code: 'OK', Data: { UserId: 'alice@ccc-test', UserState: 'READY' } }));
	});
	const redirecting = createServer((_request, response) => {
		redirects++;
		response.writeHead(status, { location: `http://${target}/collect?token=query-secret` }).end();
	});

	beforeAll(async () => {
		target = await listen(elsewhere);
		endpoint = `http://${await listen(redirecting)}`;
	});
	afterAll(async () => {
		await Promise.all([elsewhere, redirecting].map((server) => new Promise((resolve) => server.close(resolve))));
	});
	beforeEach(() => {
		reached.length = 0;
		redirects = 0;
	});

	it.each<[number, SignatureVersion]>([
		[302, 'v3'],
		[307, 'v3'],
		[301, 'v1'],
		[308, 'v1'],
	])('HTTP %i (%s, STS token) is a final error naming the status and the Location host; the other origin is never contacted', async (httpStatus, version) => {
		status = httpStatus;
		const result = await runCccWorkflow({
			items: [agent('alice@ccc-test')],
			parameters: agentParameters,
			credentials: credentialsFor({ url: endpoint }, DEMO_STS_KEY, version),
			onError: 'continueRegularOutput',
		});
		expect(reached).toEqual([]);
		// Not retried: CCC never redirects, so another try meets the same redirect.
		expect(redirects).toBe(1);
		const [item] = result.success;
		expect(item.json.error).toBe(
			`UnexpectedRedirect: The endpoint answered HTTP ${httpStatus}, a redirect to ${target}; CCC's API never redirects, so the request was not sent there`,
		);
		expect(item.json.details).toMatchObject({ code: 'UnexpectedRedirect', httpStatus, itemIndex: 0 });
		expect(JSON.stringify(result.success)).not.toContain('query-secret');
		expect(result.success).toHaveLength(1);
	});
});
