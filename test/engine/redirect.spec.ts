import { DEMO_STS_KEY } from '../../simulator/directory';
import { runCccWorkflow } from '../../scripts/engine/runWorkflow';
import { useRedirectingEndpoint } from '../harness/redirectingEndpoint';
import { agent, agentParameters, credentialsFor, type SignatureVersion } from '../harness/simulatorFixture';

/** An endpoint that redirects every request to a second origin, which records whether anyone came. */
describe('an endpoint that redirects, through n8n\'s engine', () => {
	const redirecting = useRedirectingEndpoint();

	it.each<[number, SignatureVersion]>([
		[302, 'v3'],
		[307, 'v3'],
		[301, 'v1'],
		[308, 'v1'],
	])('HTTP %i (%s, STS token) is a final error naming the status and the Location host; the other origin is never contacted', async (httpStatus, version) => {
		redirecting.status = httpStatus;
		const result = await runCccWorkflow({
			items: [agent('alice@ccc-test')],
			parameters: agentParameters,
			credentials: credentialsFor(redirecting, DEMO_STS_KEY, version),
			onError: 'continueRegularOutput',
		});
		expect(redirecting.reached).toEqual([]);
		// Not retried: CCC never redirects, so another try meets the same redirect.
		expect(redirecting.redirects).toBe(1);
		const [item] = result.success;
		expect(item.json.error).toBe(
			`UnexpectedRedirect: The endpoint answered HTTP ${httpStatus}, a redirect to ${redirecting.target}; CCC's API never redirects, so the request was not sent there`,
		);
		expect(item.json.details).toMatchObject({ code: 'UnexpectedRedirect', httpStatus, itemIndex: 0 });
		expect(JSON.stringify(result.success)).not.toContain('query-secret');
		expect(result.success).toHaveLength(1);
	});
});
