import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { ErrorReporter } from 'n8n-core';
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';
import { LoggerProxy } from 'n8n-workflow';

import { CccSimulator, type Fault, type SimulatorOptions } from '../../simulator/cccSimulator';
import { addLoadInstance, demoDirectory, loadAgentId } from '../../simulator/directory';
import { runCccWorkflow } from '../../scripts/engine/runWorkflow';
import { onFakeTime } from '../harness/fakeClock';
import { leakedSecrets, signaturesSent } from '../harness/secretScan';
import { agentParameters, credentialsFor, faultFirstCalls } from '../harness/simulatorFixture';

const ITEMS = 50;

/**
 * Which items meet trouble: 5 fail once, 5 fail twice (recover on the third and last attempt), 2 keep failing
 * (give up after 3 attempts), and 2 ask for an agent that does not exist (a permanent error, tried once).
 */
function planFor(index: number): { times: number; permanent?: boolean } {
	if (index === 7 || index === 31) return { times: 0, permanent: true };
	if (index === 9 || index === 34) return { times: Infinity };
	if (index % 10 === 3) return { times: 2 };
	if (index % 10 === 1) return { times: 1 };
	return { times: 0 };
}

const items = Array.from({ length: ITEMS }, (_, index) => ({
	instanceId: 'ccc-load',
	deviceId: `dev-${index}`,
	userId: planFor(index).permanent ? `ghost-${index}@ccc-load` : loadAgentId(index),
}));

const retryOptions = { maxAttempts: 3, retryBaseDelay: 1 };
/** Only the hung-connection case needs a short timeout; elsewhere a slow machine must not turn into timeouts. */
const HANG_TIMEOUT_MS = 300;

async function withSimulator<T>(options: SimulatorOptions, body: (simulator: CccSimulator) => Promise<T>): Promise<T> {
	const directory = demoDirectory();
	addLoadInstance(directory, ITEMS);
	const simulator = new CccSimulator({ directory, ...options });
	await simulator.start();
	try {
		return await body(simulator);
	} finally {
		await simulator.stop();
	}
}

function faultPlan(fault: Fault) {
	return new Map(
		items.flatMap((item, index) => (planFor(index).times > 0 ? [[item.userId, { fault, times: planFor(index).times }] as const] : [])),
	);
}

const byItem = (outputs: INodeExecutionData[]) =>
	new Map(outputs.map((output) => [(output.pairedItem as { item: number }).item, output.json]));

/** Each fault kind, whether it is retried, and the code an item reports when it gives up on it. */
const MATRIX: Array<{ name: string; fault: Fault; retried: boolean; code: string }> = [
	{ name: 'Throttling (HTTP 400)', fault: { kind: 'error', status: 400, code: 'Throttling' }, retried: true, code: 'Throttling' },
	{ name: 'Throttling.User', fault: { kind: 'error', status: 400, code: 'Throttling.User' }, retried: true, code: 'Throttling.User' },
	{ name: 'Throttling.Api', fault: { kind: 'error', status: 400, code: 'Throttling.Api' }, retried: true, code: 'Throttling.Api' },
	{ name: 'InternalError (HTTP 500)', fault: { kind: 'error', status: 500, code: 'InternalError' }, retried: true, code: 'InternalError' },
	{ name: 'ServiceUnavailable (HTTP 503)', fault: { kind: 'error', status: 503, code: 'ServiceUnavailable' }, retried: true, code: 'ServiceUnavailable' },
	{ name: 'connection reset', fault: { kind: 'reset' }, retried: true, code: 'Network.ConnectionReset' },
	{ name: 'hung connection (timeout)', fault: { kind: 'hang' }, retried: true, code: 'Network.Timeout' },
	{ name: 'HTML 502 page', fault: { kind: 'html', status: 502 }, retried: true, code: 'InvalidResponse' },
	{ name: 'truncated JSON (HTTP 200)', fault: { kind: 'truncated', format: 'json' }, retried: true, code: 'InvalidResponse' },
	{ name: 'truncated XML (HTTP 200)', fault: { kind: 'truncated', format: 'xml' }, retried: true, code: 'InvalidResponse' },
	{ name: 'connection dropped while the body streams (HTTP 200)', fault: { kind: 'cut' }, retried: true, code: 'Network.ConnectionReset' },
	{ name: 'HTTP 429 from a gateway in front of CCC', fault: { kind: 'error', status: 429, code: 'TooManyRequests' }, retried: true, code: 'TooManyRequests' },
	{ name: 'HTTP 501 (not a passing failure)', fault: { kind: 'error', status: 501, code: 'NotImplemented' }, retried: false, code: 'NotImplemented' },
	{ name: 'other 4xx (InvalidParameter)', fault: { kind: 'error', status: 400, code: 'InvalidParameter' }, retried: false, code: 'InvalidParameter' },
];

describe('per-item resilience, through n8n\'s engine', () => {
	it.each(MATRIX)('$name: each item yields one output, in order, and only failed items are called again', async ({ fault, retried, code }) => {
		await withSimulator({}, async (simulator) => {
			faultFirstCalls(simulator, faultPlan(fault));
			// Throttled answers slow the run to the rate they show (a second or more a request): on the fake clock.
			const result = await onFakeTime(() =>
				runCccWorkflow({
					items,
					parameters: { ...agentParameters, options: { ...retryOptions, ...(fault.kind === 'hang' ? { timeout: HANG_TIMEOUT_MS } : {}) } },
					credentials: credentialsFor(simulator),
					onError: 'continueErrorOutput',
				}),
			);

			expect(result.workflowError).toBeUndefined();
			const indexes = (outputs: INodeExecutionData[]) => outputs.map((output) => (output.pairedItem as { item: number }).item);
			expect([...indexes(result.success), ...indexes(result.errors)].sort((a, b) => a - b)).toEqual(items.map((_, index) => index));
			expect(indexes(result.success)).toEqual([...indexes(result.success)].sort((a, b) => a - b));
			expect(indexes(result.errors)).toEqual([...indexes(result.errors)].sort((a, b) => a - b));

			const successes = byItem(result.success);
			const errors = byItem(result.errors);
			items.forEach((item, index) => {
				const { times, permanent } = planFor(index);
				const calls = simulator.attemptsFor(item.userId).length;
				if (permanent) {
					expect({ index, calls, code: (errors.get(index)?.details as IDataObject)?.code }).toEqual({ index, calls: 1, code: 'NotExists.UserId' });
				} else if (times === 0 || (retried && times < retryOptions.maxAttempts)) {
					expect({ index, calls, user: successes.get(index)?.UserId, state: successes.get(index)?.UserState }).toEqual({
						index,
						calls: times + 1,
						user: item.userId,
						state: 'READY',
					});
				} else {
					const attempts = retried ? retryOptions.maxAttempts : 1;
					const failure = errors.get(index);
					expect({ index, calls, code: (failure?.details as IDataObject)?.code }).toEqual({ index, calls: attempts, code });
					expect(failure?.error).toContain(attempts > 1 ? `(gave up after ${attempts} attempts)` : code);
					// A body that stays unreadable is reported with its start, to see what came instead.
					if (code === 'InvalidResponse') expect(failure?.error).toMatch(/could not be read \(cut off, or neither JSON nor XML\): (<|\{")/);
				}
			});
			// A retry that re-sent an already signed request would have met SignatureNonceUsed.
			expect(simulator.requests.filter((entry) => entry.code === 'SignatureNonceUsed')).toEqual([]);
		});
	});

	describe('a transport failure the node does not recognise', () => {
		/** A loopback server of the test's own that answers every request with `answer`, for as long as the test runs. */
		async function withServer(answer: (request: IncomingMessage, response: ServerResponse) => void, body: (url: string) => Promise<void>) {
			const server = createServer(answer);
			await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
			try {
				await body(`127.0.0.1:${(server.address() as AddressInfo).port}`);
			} finally {
				server.closeAllConnections();
				await new Promise((resolve) => server.close(resolve));
			}
		}

		it.each([
			['TLS spoken to a plain HTTP server', 'https', (_request: IncomingMessage, response: ServerResponse) => response.end(), /EPROTO/],
		])('%s: the item fails at once, saying what it was', async (_name, scheme, answer, reason) => {
			await withServer(answer, async (address) => {
				const result = await runCccWorkflow({
					items: items.slice(0, 1),
					parameters: { ...agentParameters, options: retryOptions },
					credentials: { ...credentialsFor({ url: '' }), customEndpoint: `${scheme}://${address}` },
					onError: 'continueErrorOutput',
				});
				expect(result.credentialsHelper.authenticated).toHaveLength(1);
				const details = result.errors[0]?.json.details as IDataObject;
				expect(details.code).toBe('Network.Failed');
				expect(details.message).toMatch(reason);
				expect(details.attempts).toBeUndefined();
			});
		});
	});

	it('retries nothing when Retry Transient Errors is off', async () => {
		await withSimulator({}, async (simulator) => {
			faultFirstCalls(simulator, faultPlan({ kind: 'error', status: 503, code: 'ServiceUnavailable' }));
			const result = await runCccWorkflow({
				items,
				parameters: { ...agentParameters, options: { ...retryOptions, retryTransientErrors: false } },
				credentials: credentialsFor(simulator),
				onError: 'continueRegularOutput',
			});
			expect(result.success).toHaveLength(ITEMS);
			expect(simulator.requests).toHaveLength(ITEMS);
			expect(result.success[1].json.error).toBe('ServiceUnavailable: Simulated ServiceUnavailable.');
		});
	});

	it('stops the workflow at the item that used up its attempts, saying how many and the last code', async () => {
		await withSimulator({}, async (simulator) => {
			simulator.faults = () => ({ kind: 'error', status: 400, code: 'Throttling.User', message: 'Request was denied due to user flow control.' });
			const result = await onFakeTime(() => runCccWorkflow({ items: items.slice(0, 3), parameters: { ...agentParameters, options: retryOptions }, credentials: credentialsFor(simulator) }));
			expect(result.workflowError?.message).toBe('Throttling.User: Request was denied due to user flow control. (gave up after 3 attempts)');
			expect(simulator.requests).toHaveLength(3);
		});
	});

	describe('clock skew', () => {
		it.each([60, -60])('signs with the gateway\'s time once its Date header shows our clock is %i minutes off', async (minutes) => {
			await withSimulator({ clockOffsetMs: minutes * 60_000 }, async (simulator) => {
				const result = await runCccWorkflow({ items: items.slice(0, 5), parameters: agentParameters, credentials: credentialsFor(simulator) });
				expect(result.workflowError).toBeUndefined();
				expect(result.success.map((output) => output.json.UserState)).toEqual(Array(5).fill('READY'));
				// Only the first item paid for finding out; the rest of the run signs with the corrected time.
				expect(simulator.requests.map((entry) => entry.code)).toEqual(['InvalidTimeStamp.Expired', 'OK', 'OK', 'OK', 'OK', 'OK']);
			});
		});

		it('counts the attempts as Max Attempts does: the call sent again with the gateway\'s time is told apart', async () => {
			await withSimulator({ clockOffsetMs: 60 * 60_000 }, async (simulator) => {
				// The first request fails the gateway's timestamp check; every later one (corrected time) fails with ServiceUnavailable.
				simulator.faults = () => ({ kind: 'error', status: 503, code: 'ServiceUnavailable' });
				const result = await runCccWorkflow({
					items: items.slice(0, 1),
					parameters: { ...agentParameters, options: { maxAttempts: 10, retryBaseDelay: 0 } },
					credentials: credentialsFor(simulator),
				});
				expect(simulator.requests.map((entry) => entry.code)).toEqual(['InvalidTimeStamp.Expired', ...Array(10).fill('ServiceUnavailable')]);
				expect(result.workflowError?.message).toBe('ServiceUnavailable: Simulated ServiceUnavailable. (gave up after 10 attempts)');
				expect(result.workflowError?.description).toContain("about 60 minutes behind Alibaba Cloud's: the call was also sent once more with the gateway's time, besides the attempts");
			});
		});

		it('gives a clear error when the corrected time is refused too', async () => {
			await withSimulator({ clockOffsetMs: 60 * 60_000 }, async (simulator) => {
				simulator.faults = () => ({ kind: 'error', status: 400, code: 'InvalidTimeStamp.Expired', message: 'Specified time stamp or date value is expired.' });
				const result = await runCccWorkflow({ items: items.slice(0, 1), parameters: agentParameters, credentials: credentialsFor(simulator) });
				// The call sent again with the gateway's time is told apart, not counted as a second attempt.
				expect(result.workflowError?.message).toBe('InvalidTimeStamp.Expired: Specified time stamp or date value is expired.');
				expect(result.workflowError?.description).toContain("about 60 minutes behind Alibaba Cloud's: the call was also sent once more with the gateway's time");
				expect(simulator.requests).toHaveLength(2);
			});
		});
	});

	it('lets no secret, token or signature into outputs, errors or logs across the whole matrix', async () => {
		const secret = 'zz-resilience-secret-4b2e';
		const token = 'zz-resilience-sts-token-c81d';
		const logged: unknown[] = [];
		const record = (...entry: unknown[]) => void logged.push(entry);
		LoggerProxy.init({ error: record, warn: record, info: record, debug: record } as unknown as Parameters<typeof LoggerProxy.init>[0]);
		const reported = jest.spyOn(ErrorReporter.prototype, 'error').mockImplementation((error) => void logged.push(error));
		try {
			for (const { fault } of MATRIX) {
				for (const signatureVersion of ['v3', 'v1'] as const) {
					await withSimulator({}, async (simulator) => {
						simulator.directory.accounts.push({ accessKeyId: 'resilience-id', accessKeySecret: secret, securityToken: token });
						faultFirstCalls(simulator, faultPlan(fault));
						const key = { accessKeyId: 'resilience-id', accessKeySecret: secret, securityToken: token };
						for (const onError of ['continueErrorOutput', 'stopWorkflow'] as const) {
							const result = await onFakeTime(() =>
								runCccWorkflow({
									items: items.slice(0, 12),
									parameters: { ...agentParameters, options: { ...retryOptions, timeout: HANG_TIMEOUT_MS } },
									credentials: credentialsFor(simulator, key, signatureVersion),
									onError,
								}),
							);
							const secrets = [secret, token, ...signaturesSent(result.credentialsHelper)];
							expect(leakedSecrets([result.run, result.workflowError ?? null], secrets)).toEqual([]);
							expect(leakedSecrets(logged, secrets)).toEqual([]);
						}
					});
				}
			}
			expect(logged.length).toBeGreaterThan(0);
		} finally {
			reported.mockRestore();
		}
	});
});
