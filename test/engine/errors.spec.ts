import type { IDataObject } from 'n8n-workflow';

import { DEMO_ACCESS_KEY, DEMO_STS_KEY, NO_PERMISSION_KEY } from '../../simulator/directory';
import { runCccWorkflow } from '../../scripts/engine/runWorkflow';
import { leakedSecrets, signaturesSent } from '../harness/secretScan';
import { agent, agentParameters, credentialsFor, useSimulator } from '../harness/simulatorFixture';

type Details = { code: string; message: string; requestId?: string; httpStatus: number; hint?: string; itemIndex: number };

describe('CCC ReadyForService errors', () => {
	describe('Alibaba\'s error codes', () => {
		const simulator = useSimulator();

		const cases = [
			{ code: 'NotExists.InstanceId', status: 404, item: agent('alice@ccc-test', { instanceId: 'ccc-nope' }), message: 'The specified instance ccc-nope does not exist.', hint: 'Check the Instance ID' },
			{ code: 'NotExists.UserId', status: 404, item: agent('nobody@ccc-test'), message: 'The user nobody@ccc-test does not exist in instance ccc-test.', hint: 'User ID (name@instance)' },
			{ code: 'InvalidOperation.UserState', status: 400, item: agent('carol@ccc-test'), message: 'User state (TALKING)', hint: 'The agent is on a call: run it again after the call' },
			{ code: 'InvalidOperation.ChannelState', status: 400, item: agent('dave@ccc-test'), message: 'Channel stats (DISCONNECTED)', hint: 'workstation' },
			{ code: 'InvalidAccessKeyId.NotFound', status: 404, key: { accessKeyId: 'unknown-id', accessKeySecret: 'whatever-secret' }, message: 'Specified access key is not found.', hint: 'AccessKey ID is unknown' },
			{ code: 'SignatureDoesNotMatch', status: 400, key: { ...DEMO_ACCESS_KEY, accessKeySecret: 'wrong-secret-value' }, message: 'does not match', hint: 'Check the AccessKey Secret' },
			{ code: 'Forbidden.RAM', status: 403, key: NO_PERMISSION_KEY, message: 'User not authorized', hint: 'grant it ccc:ReadyForService' },
		];

		it.each(cases)('$code stops the workflow with Alibaba\'s code, message, RequestId, status and a fix', async ({ code, status, item, key, message, hint }) => {
			const result = await runCccWorkflow({
				items: [item ?? agent('alice@ccc-test')],
				parameters: agentParameters,
				credentials: credentialsFor(simulator(), key),
			});
			const error = result.workflowError!;
			expect(error).toBeDefined();
			expect(error.message).toContain(`${code}: `);
			expect(error.message).toContain(message);
			expect(error.description).toContain(hint);
			expect(error.description).toContain(`HTTP status: ${status}`);
			expect(error.description).toMatch(/RequestId: [0-9A-F-]{36}/);
			// n8n's generic text for the status must not replace Alibaba's.
			expect(error.message).not.toMatch(/could not be found|Bad request|Forbidden - perhaps/);
			expect(result.success).toEqual([]);
		});

		it('InvalidTimeStamp.Expired with a gateway Date that agrees with our clock is not retried, and blames the clock', async () => {
			simulator().faults = () => ({ kind: 'error', status: 400, code: 'InvalidTimeStamp.Expired', message: 'Specified time stamp or date value is expired.' });
			const result = await runCccWorkflow({ items: [agent('alice@ccc-test')], parameters: agentParameters, credentials: credentialsFor(simulator()) });
			expect(result.workflowError?.message).toBe('InvalidTimeStamp.Expired: Specified time stamp or date value is expired.');
			expect(result.workflowError?.description).toContain('clock');
			expect(simulator().requests).toHaveLength(1);
		});

		it('keeps the SecurityToken the gateway echoes in SignatureDoesNotMatch out of the error (V1, STS)', async () => {
			const result = await runCccWorkflow({
				items: [agent('alice@ccc-test')],
				parameters: agentParameters,
				credentials: credentialsFor(simulator(), { ...DEMO_STS_KEY, accessKeySecret: 'wrong-sts-secret' }, 'v1'),
			});
			expect(result.workflowError?.message).toContain('SignatureDoesNotMatch');
			expect(leakedSecrets(result.run, [DEMO_STS_KEY.securityToken, 'wrong-sts-secret'])).toEqual([]);
		});
	});

	describe('bad input', () => {
		const simulator = useSimulator();

		const cases: Array<{ name: string; item: IDataObject; field: string; problem: string }> = [
			{ name: 'an empty Instance ID', item: agent('alice@ccc-test', { instanceId: '' }), field: 'Instance ID', problem: 'is empty' },
			{ name: 'a whitespace Device ID', item: agent('alice@ccc-test', { deviceId: '   ' }), field: 'Device ID', problem: 'is empty' },
			{ name: 'a missing Device ID', item: { instanceId: 'ccc-test', userId: 'alice@ccc-test' }, field: 'Device ID', problem: 'is empty' },
			{ name: 'a User ID without @', item: agent('alice@ccc-test', { userId: 'alice' }), field: 'User ID', problem: 'is not of the form name@instance' },
			{ name: 'a User ID with spaces', item: agent('alice@ccc-test', { userId: 'al ice@ccc-test' }), field: 'User ID', problem: 'is not of the form' },
			{ name: 'an Outbound Scenario that is not a boolean', item: agent('alice@ccc-test', { outbound: 'maybe' }), field: 'Outbound Scenario', problem: 'not true or false' },
			{ name: 'a boolean as Instance ID', item: agent('alice@ccc-test', { instanceId: true }), field: 'Instance ID', problem: 'is a boolean, not text' },
			{ name: 'an object as Device ID', item: agent('alice@ccc-test', { deviceId: { id: 1 } }), field: 'Device ID', problem: 'is an object, not text' },
			{ name: 'an array as Device ID', item: agent('alice@ccc-test', { deviceId: ['dev-1'] }), field: 'Device ID', problem: 'is an array, not text' },
			// A sheet cell whose emoji was cut in two: half a surrogate pair, which no encoding can send.
			{ name: 'half an emoji in Device ID', item: agent('alice@ccc-test', { deviceId: 'ACC-desk-\uD83D' }), field: 'Device ID', problem: 'holds half of a character' },
			{ name: 'half an emoji in User ID', item: agent('alice@ccc-test', { userId: 'alice\uDE00@ccc-test' }), field: 'User ID', problem: 'holds half of a character' },
			{ name: 'half an emoji in Instance ID', item: agent('alice@ccc-test', { instanceId: 'ccc-\uD83D' }), field: 'Instance ID', problem: 'holds half of a character' },
		];

		it.each(cases)('$name in item 1 stops before any request, naming the field and the item', async ({ item, field, problem }) => {
			const result = await runCccWorkflow({
				items: [agent('alice@ccc-test'), item],
				parameters: agentParameters,
				credentials: credentialsFor(simulator()),
			});
			const message = result.workflowError?.message ?? '';
			// The field comes first, the item last: "Device ID is empty in item 1".
			expect(message.startsWith(`${field} `)).toBe(true);
			expect(message).toContain(problem);
			expect(message.endsWith(' in item 1')).toBe(true);
			expect(result.workflowError?.description).toMatch(/e\.g\. /);
			expect(simulator().requests.map((entry) => entry.params.UserId)).toEqual(['alice@ccc-test']);
		});

		it.each(['v1', 'v3'] as const)('refuses a Custom Endpoint with a path alike in %s, before sending anything', async (signatureVersion) => {
			const result = await runCccWorkflow({
				items: [agent('alice@ccc-test')],
				parameters: agentParameters,
				credentials: { ...credentialsFor(simulator(), undefined, signatureVersion), customEndpoint: `${simulator().url}/ccc/` },
			});
			expect(result.workflowError?.message).toContain('Custom Endpoint must not have a path ("/ccc/")');
			expect(result.workflowError?.description).toBe('Fix the Alibaba Cloud CCC credential');
			expect(simulator().requests).toEqual([]);
		});

		it('refuses a malformed Custom Endpoint with a message that says how to fix it', async () => {
			const result = await runCccWorkflow({
				items: [agent('alice@ccc-test')],
				parameters: agentParameters,
				credentials: { ...credentialsFor(simulator()), customEndpoint: 'ccc endpoint' },
			});
			expect(result.workflowError?.message).toContain('Custom Endpoint "ccc endpoint" is not a URL');
			expect(simulator().requests).toEqual([]);
		});

		it('refuses plain http to a host off this machine before anything is sent', async () => {
			const result = await runCccWorkflow({
				items: [agent('alice@ccc-test')],
				parameters: agentParameters,
				credentials: { ...credentialsFor(simulator()), customEndpoint: 'http://10.0.0.1:9000' },
			});
			expect(result.workflowError?.message).toContain(
				'Custom Endpoint may use plain http only on this machine (localhost, 127.x.x.x, [::1]), not for "10.0.0.1": use https://10.0.0.1:9000,',
			);
			// authenticate() threw: no request was signed, so none was sent.
			expect(result.credentialsHelper.authenticated).toEqual([]);
		});
	});

	describe('with "On Error: Continue"', () => {
		const simulator = useSimulator();

		const items = [
			agent('alice@ccc-test'),
			agent('nobody@ccc-test'),
			agent('bob@ccc-test', { userId: 'not-a-user-id' }),
			agent('carol@ccc-test'),
			agent('user-test@ccc-test'),
		];

		it('(regular output) keeps one item per input, in order, paired, the failures with their details', async () => {
			const result = await runCccWorkflow({ items, parameters: agentParameters, credentials: credentialsFor(simulator()), onError: 'continueRegularOutput' });
			expect(result.workflowError).toBeUndefined();
			expect(result.errors).toEqual([]);
			expect(result.success.map((item) => item.pairedItem)).toEqual(items.map((_, index) => ({ item: index })));
			expect(result.success.map((item) => item.json.UserId ?? (item.json.details as Details).code ?? 'input')).toEqual([
				'alice@ccc-test',
				'NotExists.UserId',
				'input',
				'InvalidOperation.UserState',
				'user-test@ccc-test',
			]);
			const notFound = result.success[1].json;
			expect(notFound.error).toBe('NotExists.UserId: The user nobody@ccc-test does not exist in instance ccc-test.');
			expect(notFound.details).toMatchObject({ code: 'NotExists.UserId', httpStatus: 404, itemIndex: 1, hint: expect.stringContaining('User ID') });
			expect((notFound.details as Details).requestId).toMatch(/^[0-9A-F-]{36}$/);
			expect(result.success[2].json).toEqual({
				error: 'User ID "not-a-user-id" is not of the form name@instance in item 2',
				details: { hint: 'Use of the form name@instance, e.g. user-test@ccc-test', itemIndex: 2 },
			});
		});

		it('(error output) sends each failure to output 1 with Alibaba\'s details and the agent\'s fields', async () => {
			const result = await runCccWorkflow({ items, parameters: agentParameters, credentials: credentialsFor(simulator()), onError: 'continueErrorOutput' });
			expect(result.workflowError).toBeUndefined();
			expect(result.success.map((item) => [item.pairedItem, item.json.UserId])).toEqual([
				[{ item: 0 }, 'alice@ccc-test'],
				[{ item: 4 }, 'user-test@ccc-test'],
			]);
			expect(result.errors.map((item) => item.pairedItem)).toEqual([{ item: 1 }, { item: 2 }, { item: 3 }]);
			const [notFound, badInput, busy] = result.errors.map((item) => item.json);
			// n8n merges the failed item's input into what reaches the error output: the agent is named there.
			expect(notFound).toMatchObject({ userId: 'nobody@ccc-test', error: expect.stringContaining('NotExists.UserId') });
			expect(notFound.details).toMatchObject({ code: 'NotExists.UserId', httpStatus: 404, itemIndex: 1 });
			expect(badInput).toMatchObject({ userId: 'not-a-user-id', error: expect.stringContaining('User ID') });
			expect(busy.details).toMatchObject({ code: 'InvalidOperation.UserState', httpStatus: 400, hint: expect.any(String) });
			expect(result.success.length + result.errors.length).toBe(items.length);
		});

		it('gives a failure that was retried the whole details shape docs/errors.md documents', async () => {
			simulator().faults = ({ params }) => (params.UserId === 'bob@ccc-test' ? { kind: 'error', status: 503, code: 'ServiceUnavailable', message: 'The service is unavailable.' } : undefined);
			const result = await runCccWorkflow({
				items: [agent('alice@ccc-test'), agent('bob@ccc-test')],
				parameters: { ...agentParameters, options: { retryBaseDelay: 1 } },
				credentials: credentialsFor(simulator()),
				onError: 'continueErrorOutput',
			});
			expect(result.errors.map((item) => item.json.error)).toEqual(['ServiceUnavailable: The service is unavailable. (gave up after 3 attempts)']);
			expect(result.errors[0].json.details).toEqual({
				code: 'ServiceUnavailable',
				message: 'The service is unavailable.',
				httpStatus: 503,
				requestId: expect.stringMatching(/^[0-9A-F-]{36}$/),
				hint: 'A temporary failure at Alibaba Cloud: try again later',
				attempts: 3,
				itemIndex: 1,
			});
		});

		it('lets no secret, token or signature reach any output or error', async () => {
			const secret = 'zz-distinctive-secret-9f1c';
			const token = 'zz-distinctive-sts-token-77ab';
			const sim = simulator();
			sim.directory.accounts.push({ accessKeyId: 'leak-test-id', accessKeySecret: secret, securityToken: token });
			for (const signatureVersion of ['v3', 'v1'] as const) {
				for (const onError of ['continueRegularOutput', 'continueErrorOutput', 'stopWorkflow'] as const) {
					for (const key of [
						{ accessKeyId: 'leak-test-id', accessKeySecret: secret, securityToken: token },
						{ accessKeyId: 'leak-test-id', accessKeySecret: `${secret}-wrong`, securityToken: token },
					]) {
						const result = await runCccWorkflow({ items, parameters: agentParameters, credentials: credentialsFor(sim, key, signatureVersion), onError });
						const secrets = [secret, token, ...signaturesSent(result.credentialsHelper)];
						expect(secrets.length).toBeGreaterThan(2);
						expect(leakedSecrets(result.run, secrets)).toEqual([]);
						expect(leakedSecrets(result.workflowError ?? '', secrets)).toEqual([]);
					}
				}
			}
		});
	});
});
