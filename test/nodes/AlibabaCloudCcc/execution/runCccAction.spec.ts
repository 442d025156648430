import type { IExecuteFunctions, IHttpRequestOptions, INode } from 'n8n-workflow';

import { runCccAction } from '../../../../nodes/AlibabaCloudCcc/execution/runCccAction';

/**
 * n8n's request helper as far as a hung gateway shows it: the request settles only when its `timeout` passes
 * (axios's ECONNABORTED), never without one. Everything runs on fake timers: no real time is measured.
 */
function helperWithHungFirstAnswer() {
	const calls: Array<{ at: number; timeout: number | undefined }> = [];
	const request = async (_credentialType: string, options: IHttpRequestOptions) => {
		calls.push({ at: Date.now(), timeout: options.timeout });
		if (calls.length > 1) {
			return { statusCode: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ Code: 'OK', Data: { UserId: 'u@i' } }) };
		}
		return await new Promise((_resolve, reject) => {
			if (options.timeout) {
				setTimeout(() => reject(Object.assign(new Error(`timeout of ${options.timeout}ms exceeded`), { code: 'ECONNABORTED' })), options.timeout);
			}
		});
	};
	return { calls, request };
}

const node: INode = { id: 'n', name: 'CCC', type: 'cccReadyForService', typeVersion: 1, position: [0, 0], parameters: {} };

/** An execution of one item whose Options the user never touched (n8n then gives the collection as {}). */
function contextWith(request: (credentialType: string, options: IHttpRequestOptions) => Promise<unknown>): IExecuteFunctions {
	return {
		getInputData: () => [{ json: {} }],
		getNodeParameter: (name: string, _itemIndex: number, fallback: unknown) => (name === 'options' ? {} : fallback),
		getNode: () => node,
		continueOnFail: () => false,
		getExecutionCancelSignal: () => undefined,
		getCredentials: async () => ({}),
		helpers: { httpRequestWithAuthentication: request },
	} as unknown as IExecuteFunctions;
}

beforeEach(() => {
	jest.useFakeTimers({ now: 0 });
	// The backoff draws a random share of Retry Base Delay (500 ms by default): half of it here.
	jest.spyOn(Math, 'random').mockReturnValue(0.5);
});
afterEach(() => {
	jest.useRealTimers();
	jest.restoreAllMocks();
});

describe('runCccAction with Options left empty', () => {
	it('cuts a hung first answer at the documented 10 s and sends the item again after the backoff', async () => {
		const { calls, request } = helperWithHungFirstAnswer();
		const run = runCccAction(contextWith(request), { action: 'ReadyForService', dataTypes: {}, readParams: () => ({}) });

		await jest.advanceTimersByTimeAsync(9_999);
		expect(calls).toEqual([{ at: 0, timeout: 10_000 }]);
		await jest.advanceTimersByTimeAsync(1 + 250);
		expect(calls).toEqual([
			{ at: 0, timeout: 10_000 },
			{ at: 10_250, timeout: 10_000 },
		]);
		await expect(run).resolves.toEqual([[{ json: { UserId: 'u@i' }, pairedItem: { item: 0 } }]]);
	});
});

describe('runCccAction output', () => {
	it('gives an answer without Data its documented lists, each empty', async () => {
		const request = async () => ({ statusCode: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ Code: 'OK' }) });
		const output = await runCccAction(contextWith(request), {
			action: 'ReadyForService',
			dataTypes: { UserId: 'string', SignedSkillGroupIdList: 'stringList' },
			readParams: () => ({}),
		});
		expect(output).toEqual([[{ json: { SignedSkillGroupIdList: [] }, pairedItem: { item: 0 } }]]);
	});
});
