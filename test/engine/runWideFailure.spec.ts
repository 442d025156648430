import { readFileSync } from 'node:fs';
import path from 'node:path';

import { LIST_DEVICES_NODE_TYPE, runCccWorkflow, type OnError } from '../../scripts/engine/runWorkflow';
import { agent, agentParameters, credentialsFor, useSimulator } from '../harness/simulatorFixture';

/** Options are read from item 0 for the whole run: a bad value there fails the run, and must fail every item. */
describe('a failure before the per-item loop, through n8n\'s engine', () => {
	const simulator = useSimulator();
	const items = [agent('alice@ccc-test'), agent('bob@ccc-test'), agent('user-test@ccc-test')];
	const message = 'Options → Max Requests per Second is "fast", not a number, in item 0';
	const options = { maxRequestsPerSecond: '={{ $itemIndex === 0 ? "fast" : 0 }}' };
	const nodes = [
		{ node: 'CCC ReadyForService', nodeType: undefined, parameters: { ...agentParameters, options } },
		{ node: 'CCC ListDevices', nodeType: LIST_DEVICES_NODE_TYPE, parameters: { instanceId: '={{ $json.instanceId }}', userId: '={{ $json.userId }}', options } },
	];

	const errorItem = (index: number) => ({
		error: message,
		details: expect.objectContaining({ itemIndex: index, hint: expect.stringContaining('remove the option') }),
	});
	// On the error output n8n adds the paired input item's fields to each error item.
	const expected = {
		errors: items.map((item, index) => ({ json: { ...item, ...errorItem(index) }, pairedItem: { item: index } })),
		success: items.map((_, index) => ({ json: errorItem(index), pairedItem: { item: index } })),
	};

	it.each([
		['a Custom Endpoint that is not a URL', { customEndpoint: 'ccc endpoint' }, 'Custom Endpoint "ccc endpoint" is not a URL'],
		['a Custom Endpoint with a path', { customEndpoint: 'http://127.0.0.1:1/ccc/' }, 'must not have a path'],
		['a credential without its secret', { accessKeySecret: '' }, 'needs both an AccessKey ID and an AccessKey Secret'],
		['an AccessKey ID holding half a character, signed V1', { accessKeyId: 'LTAI\uD83D', signatureVersion: 'v1' }, 'The AccessKey ID in the Alibaba Cloud CCC credential holds a character'],
		['an unknown region', { customEndpoint: '', region: 'mars-1' }, 'Unknown CCC region "mars-1"'],
	])('%s fails every item alike on the error output (lookup included), nothing on the success output', async (_name, credential, message) => {
		const result = await runCccWorkflow({
			items,
			parameters: { instanceId: '={{ $json.instanceId }}', device: 'registeredDevice', userId: '={{ $json.userId }}', options: {} },
			credentials: { ...credentialsFor(simulator()), ...credential },
			onError: 'continueErrorOutput',
		});
		expect(result.success).toEqual([]);
		expect(result.errors.map((item) => [String(item.json.error).includes(message), item.pairedItem])).toEqual(items.map((_, index) => [true, { item: index }]));
		expect(simulator().requests).toEqual([]);
	});

	it('a run-wide option that is not a number in a later item fails that item only, as docs/nodes.md says; the others are readied', async () => {
		const result = await runCccWorkflow({
			items,
			parameters: { ...agentParameters, options: { concurrency: '={{ [1, "abc", 50][$itemIndex] }}' } },
			credentials: credentialsFor(simulator()),
			onError: 'continueErrorOutput',
		});
		expect(result.success.map((item) => [item.json.UserId, item.pairedItem])).toEqual([
			['alice@ccc-test', { item: 0 }],
			['user-test@ccc-test', { item: 2 }],
		]);
		expect(result.errors.map((item) => [item.json.error, item.pairedItem])).toEqual([['Options → Concurrency is "abc", not a number, in item 1', { item: 1 }]]);
		expect(simulator().requests.map((entry) => entry.params.UserId)).toEqual(['alice@ccc-test', 'user-test@ccc-test']);
		const readme = readFileSync(path.join(__dirname, '../../docs/nodes.md'), 'utf8').replace(/\s+/g, ' ');
		expect(readme).toContain('a different number in a later item has no effect, but a value that is not a number fails that item, like any bad option value.');
	});

	describe.each(nodes)('$node', ({ nodeType, parameters }) => {
		it.each<[OnError, 'success' | 'errors']>([
			['continueErrorOutput', 'errors'],
			['continueRegularOutput', 'success'],
		])('with %s, every item is an error item naming the option and item 0, and nothing is sent', async (onError, output) => {
			const result = await runCccWorkflow({ nodeType, items, parameters, credentials: credentialsFor(simulator()), onError });
			expect(result.workflowError).toBeUndefined();
			expect(result[output]).toEqual(expected[output]);
			if (output === 'errors') expect(result.success).toEqual([]);
			expect(simulator().requests).toEqual([]);
		});

		it('without Continue, the node fails with that message and nothing is sent', async () => {
			const result = await runCccWorkflow({ nodeType, items, parameters, credentials: credentialsFor(simulator()) });
			expect(result.workflowError?.message).toBe(message);
			expect(result.success).toEqual([]);
			expect(simulator().requests).toEqual([]);
		});
	});
});
