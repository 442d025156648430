import type { IExecuteFunctions, INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { readCallOptions } from '../../../../nodes/AlibabaCloudCcc/execution/callOptions';

const node: INode = { id: 'n', name: 'CCC', type: 'cccReadyForService', typeVersion: 1, position: [0, 0], parameters: {} };

/** What n8n hands the node for its Options collection: the options the user added, as their expressions gave them. */
const withOptions = (options: Record<string, unknown>) =>
	({ getNodeParameter: () => options, getNode: () => node }) as unknown as IExecuteFunctions;

const DOCUMENTED_DEFAULTS = {
	concurrency: 1,
	maxAttempts: 3,
	maxRequestsPerSecond: 0,
	retryBaseDelay: 500,
	retryTransientErrors: true,
	simplify: true,
	timeout: 10_000,
};

describe('readCallOptions', () => {
	it.each([
		['nothing added', {}, DOCUMENTED_DEFAULTS],
		['numbers and booleans as text, as expressions give them', { concurrency: '20', timeout: ' 5000 ', simplify: 'false' }, { ...DOCUMENTED_DEFAULTS, concurrency: 20, timeout: 5000, simplify: false }],
		['numbers beyond the limits', { concurrency: 500, maxAttempts: 0, retryBaseDelay: -1 }, { ...DOCUMENTED_DEFAULTS, concurrency: 100, maxAttempts: 1, retryBaseDelay: 0 }],
		['an empty expression', { timeout: '' }, DOCUMENTED_DEFAULTS],
	])('reads %s', (_name, options, expected) => {
		expect(readCallOptions(withOptions(options), 0)).toEqual(expected);
	});

	it.each([
		[{ concurrency: 'abc' }, 'Options → Concurrency is "abc", not a number, in item 2'],
		[{ timeout: { ms: 5 } }, 'Options → Timeout is {"ms":5}, not a number, in item 2'],
		[{ simplify: 'yes' }, 'Options → Simplify is "yes", not true or false, in item 2'],
	])('refuses %j, naming the option and the item', (options, message) => {
		const reading = () => readCallOptions(withOptions(options), 2);
		expect(reading).toThrow(NodeOperationError);
		expect(reading).toThrow(message);
	});
});
