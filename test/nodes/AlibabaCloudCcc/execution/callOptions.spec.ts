import type { IExecuteFunctions, INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { callOptionsProperty, readCallOptions } from '../../../../nodes/AlibabaCloudCcc/execution/callOptions';

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
		// 3e9 ms overflows Node's timers (every call would time out at once); 1e-7 per second would pace nothing.
		['a timeout beyond what timers hold', { timeout: 3e9 }, { ...DOCUMENTED_DEFAULTS, timeout: 300_000 }],
		['a rate too slow to pace', { maxRequestsPerSecond: 1e-7 }, { ...DOCUMENTED_DEFAULTS, maxRequestsPerSecond: 0.01 }],
		['a tiny positive rate: the slowest pacing, not off (the nearest limit)', { maxRequestsPerSecond: 0.004 }, { ...DOCUMENTED_DEFAULTS, maxRequestsPerSecond: 0.01 }],
		['a negative rate (no cap)', { maxRequestsPerSecond: -5 }, DOCUMENTED_DEFAULTS],
		['a rate and a base delay above their limits', { maxRequestsPerSecond: 1e6, retryBaseDelay: 1e9 }, { ...DOCUMENTED_DEFAULTS, maxRequestsPerSecond: 1000, retryBaseDelay: 20_000 }],
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

describe('the Options as the editor shows them', () => {
	const shown = Object.fromEntries(
		(callOptionsProperty.options as Array<{ name: string; description: string; typeOptions?: { minValue: number; maxValue: number } }>).map(
			(option) => [option.name, option],
		),
	);

	it.each([
		['timeout', '1–300000', 1, 300_000],
		['concurrency', '1–100', 1, 100],
		['maxRequestsPerSecond', '0 (off), or 0.01–1000', 0, 1000],
		['maxAttempts', '1–10', 1, 10],
		['retryBaseDelay', '0–20000', 0, 20_000],
	])('%s says its limits (%s) and the editor keeps to them', (name, limits, minValue, maxValue) => {
		expect(shown[name].description).toContain(`Limits: ${limits}.`);
		expect(shown[name].typeOptions).toMatchObject({ minValue, maxValue });
	});

	it('Max Requests per Second says a tiny positive rate is its slowest pacing, not off', () => {
		expect(shown.maxRequestsPerSecond.description).toContain('Limits: 0 (off), or 0.01–1000. A value between 0 and 0.01 is 0.01, not 0.');
	});

	it.each(['concurrency', 'maxRequestsPerSecond'])('%s says it is read from the first item only', (name) => {
		expect(shown[name].description).toContain('Read from the first item only, for the whole run.');
	});

	it('Max Attempts says it counts per call, two calls per agent with the lookup', () => {
		expect(shown.maxAttempts.description).toContain("Attempts per CCC call at most, the first included, when Retry Transient Errors is on; with Agent's Registered Device, the lookup and ReadyForService get this many each.");
	});
});
