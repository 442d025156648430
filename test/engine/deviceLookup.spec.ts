import type { IDataObject } from 'n8n-workflow';

import { DEMO_DEVICES, lapsed, registered, type SimAgent } from '../../simulator/directory';
import type { CccSimulator } from '../../simulator/cccSimulator';
import { runCccWorkflow } from '../../scripts/engine/runWorkflow';
import { credentialsFor, useSimulator } from '../harness/simulatorFixture';

/** CCC ReadyForService with Device → "Agent's Registered Device": only the instance and the agent are given. */
const lookupParameters = {
	instanceId: '={{ $json.instanceId }}',
	device: 'registeredDevice',
	userId: '={{ $json.userId }}',
	outboundScenario: false,
	options: {},
};
const roster = (...userIds: string[]) => userIds.map((userId) => ({ instanceId: 'ccc-test', userId }));

/** What the gateway was asked, in order: action, agent, and the device ReadyForService named. */
const sent = (simulator: CccSimulator) =>
	simulator.requests.map((entry) => [entry.action, entry.params.UserId, entry.params.DeviceId ?? null, entry.code]);

type Details = { code: string; requestId?: string; httpStatus?: number; hint?: string; itemIndex: number };

const addAgent = (simulator: CccSimulator, userId: string, devices: SimAgent['devices']) =>
	simulator.directory.instances.get('ccc-test')!.agents.set(userId, { state: 'BREAK', breakCode: 'Warm-up', extension: '80011099', workMode: 'ON_SITE', skillGroups: [], devices });

describe("CCC ReadyForService on the agent's registered device (ListDevices, then ReadyForService)", () => {
	describe('with JSON answers', () => {
		const simulator = useSimulator();

		it('readies an agent with one registered device on that device, and outputs ReadyForService\'s Data', async () => {
			const result = await runCccWorkflow({ items: roster('alice@ccc-test'), parameters: lookupParameters, credentials: credentialsFor(simulator()) });
			expect(result.workflowError).toBeUndefined();
			expect(sent(simulator())).toEqual([
				['ListDevices', 'alice@ccc-test', null, 'OK'],
				['ReadyForService', 'alice@ccc-test', 'ACC-YUNBS-1.0.10-alice-desk', 'OK'],
			]);
			expect(simulator().requests[1].params).toEqual({ InstanceId: 'ccc-test', DeviceId: 'ACC-YUNBS-1.0.10-alice-desk', UserId: 'alice@ccc-test', OutboundScenario: 'false' });
			expect(result.success).toEqual([
				{
					json: {
						UserId: 'alice@ccc-test',
						InstanceId: 'ccc-test',
						UserState: 'READY',
						WorkMode: 'ON_SITE',
						Extension: '80011001',
						DeviceId: 'ACC-YUNBS-1.0.10-alice-desk',
						BreakCode: '',
						OutboundScenario: false,
						SignedSkillGroupIdList: ['skg-sales@ccc-test'],
					},
					pairedItem: { item: 0 },
				},
			]);
		});

		it('of several registrations takes the one that lasts longest, never a lapsed one', async () => {
			addAgent(simulator(), 'gina@ccc-test', [
				registered('gina-phone', 60_000, 'SIP'),
				lapsed('gina-old-laptop'),
				registered('gina-browser', 30 * 60_000),
				registered('gina-app', 5 * 60_000, 'APP'),
			]);
			const result = await runCccWorkflow({ items: roster('bob@ccc-test', 'gina@ccc-test'), parameters: lookupParameters, credentials: credentialsFor(simulator()) });
			expect(result.success.map((item) => [item.pairedItem, item.json.UserId, item.json.DeviceId])).toEqual([
				[{ item: 0 }, 'bob@ccc-test', DEMO_DEVICES['bob@ccc-test']],
				[{ item: 1 }, 'gina@ccc-test', 'gina-browser'],
			]);
			expect(sent(simulator()).filter(([action]) => action === 'ReadyForService').map(([, , deviceId]) => deviceId)).toEqual([DEMO_DEVICES['bob@ccc-test'], 'gina-browser']);
		});

		it.each([
			['only lapsed registrations', 'erin@ccc-test', '; 1 earlier registration(s) have lapsed'],
			['no device at all', 'frank@ccc-test', ''],
		])('sends an agent with %s to the error output with its own code, and readies nobody for it', async (_case, userId, lapsedNote) => {
			const result = await runCccWorkflow({
				items: roster('alice@ccc-test', userId, 'bob@ccc-test'),
				parameters: lookupParameters,
				credentials: credentialsFor(simulator()),
				onError: 'continueErrorOutput',
			});
			expect(result.success.map((item) => [item.pairedItem, item.json.UserId])).toEqual([
				[{ item: 0 }, 'alice@ccc-test'],
				[{ item: 2 }, 'bob@ccc-test'],
			]);
			expect(result.errors).toHaveLength(1);
			const [failure] = result.errors;
			expect(failure.pairedItem).toEqual({ item: 1 });
			expect(failure.json).toMatchObject({
				userId,
				error: `NoRegisteredDevice: ${userId} is not signed in to a workstation: sign in to the CCC workbench first`,
			});
			const details = failure.json.details as Details;
			expect(details).toMatchObject({ code: 'NoRegisteredDevice', httpStatus: 200, itemIndex: 1 });
			expect(details.hint).toBe(
				`ListDevices found no registered device for ${userId} in ccc-test${lapsedNote}. Have the agent sign in on the workbench, the app or a SIP phone, then run again, or give the Device ID yourself`,
			);
			// ListDevices' RequestId, for Alibaba's support.
			expect(details.requestId).toMatch(/^[0-9A-F-]{36}$/);
			expect(sent(simulator()).filter(([, agent]) => agent === userId)).toEqual([['ListDevices', userId, null, 'OK']]);
		});

		it('stops the workflow at an agent who is not signed in when errors are not continued, naming the item', async () => {
			const result = await runCccWorkflow({ items: roster('erin@ccc-test'), parameters: lookupParameters, credentials: credentialsFor(simulator()) });
			expect(result.workflowError?.message).toBe('NoRegisteredDevice: erin@ccc-test is not signed in to a workstation: sign in to the CCC workbench first');
			expect(result.workflowError?.context?.itemIndex).toBe(0);
			expect(sent(simulator()).map(([action]) => action)).toEqual(['ListDevices']);
		});

		it('reports an unknown agent with the code ListDevices answers, and readies nobody', async () => {
			const result = await runCccWorkflow({ items: roster('nobody@ccc-test'), parameters: lookupParameters, credentials: credentialsFor(simulator()), onError: 'continueErrorOutput' });
			expect(result.errors.map((item) => (item.json.details as Details).code)).toEqual(['NotExists.UserId']);
			expect(sent(simulator())).toEqual([['ListDevices', 'nobody@ccc-test', null, 'NotExists.UserId']]);
		});

		it('retries a ListDevices call that failed for a passing reason, then readies the agent', async () => {
			let failures = 2;
			simulator().faults = ({ action }) => (action === 'ListDevices' && failures-- > 0 ? { kind: 'error', status: 503, code: 'ServiceUnavailable' } : undefined);
			const result = await runCccWorkflow({
				items: roster('alice@ccc-test'),
				parameters: { ...lookupParameters, options: { maxAttempts: 3, retryBaseDelay: 1 } },
				credentials: credentialsFor(simulator()),
			});
			expect(result.success.map((item) => item.json.DeviceId)).toEqual(['ACC-YUNBS-1.0.10-alice-desk']);
			expect(sent(simulator()).map(([action, , , code]) => `${action} ${code}`)).toEqual([
				'ListDevices ServiceUnavailable',
				'ListDevices ServiceUnavailable',
				'ListDevices OK',
				'ReadyForService OK',
			]);
			expect(new Set(simulator().requests.map((entry) => entry.nonce)).size).toBe(4);
		});

		it.each<[string, { kind: 'error'; status: number; code: string }, number, string]>([
			['a permanent error (Forbidden.RAM)', { kind: 'error', status: 403, code: 'Forbidden.RAM' }, 1, 'grant it ccc:ListDevices'],
			['a passing error that outlasts the retries', { kind: 'error', status: 400, code: 'Throttling.User' }, 3, 'request rate'],
		])('gives up on ListDevices after %s with an error item, and sends no ReadyForService', async (_case, fault, attempts, hint) => {
			simulator().faults = ({ action, params }) => (action === 'ListDevices' && params.UserId === 'bob@ccc-test' ? fault : undefined);
			const result = await runCccWorkflow({
				items: roster('bob@ccc-test', 'alice@ccc-test'),
				parameters: { ...lookupParameters, options: { maxAttempts: 3, retryBaseDelay: 1 } },
				credentials: credentialsFor(simulator()),
				onError: 'continueErrorOutput',
			});
			expect(result.success.map((item) => [item.pairedItem, item.json.UserId])).toEqual([[{ item: 1 }, 'alice@ccc-test']]);
			expect(result.errors.map((item) => [item.pairedItem, (item.json.details as Details).code])).toEqual([[{ item: 0 }, fault.code]]);
			expect((result.errors[0].json.details as Details).hint).toContain(hint);
			expect(sent(simulator()).filter(([, agent]) => agent === 'bob@ccc-test').map(([action]) => action)).toEqual(Array(attempts).fill('ListDevices'));
		});

		it('needs User ID to look the device up: an empty one stops before any request, saying why', async () => {
			const result = await runCccWorkflow({
				items: [{ instanceId: 'ccc-test', userId: ' ' }],
				parameters: lookupParameters,
				credentials: credentialsFor(simulator()),
			});
			expect(result.workflowError?.message).toBe('User ID is empty in item 0');
			expect(result.workflowError?.description).toBe(
				"User ID is needed to look up the agent's registered device: set it, or check that its expression finds a value, e.g. user-test@ccc-test",
			);
			expect(simulator().requests).toEqual([]);
		});

		it('ignores a Device ID left over from Device ID mode', async () => {
			const result = await runCccWorkflow({
				items: roster('alice@ccc-test'),
				parameters: { ...lookupParameters, deviceId: 'stale-device' },
				credentials: credentialsFor(simulator()),
			});
			expect(result.success[0].json.DeviceId).toBe('ACC-YUNBS-1.0.10-alice-desk');
		});
	});

	describe.each([
		['XML answers', { forceXml: true }],
		['numbers sent as strings', { stringlyTyped: true }],
	])('with %s', (_name, options) => {
		const simulator = useSimulator(options);

		it('finds the same devices (one, or several with a lapsed one)', async () => {
			const result = await runCccWorkflow({ items: roster('alice@ccc-test', 'bob@ccc-test', 'erin@ccc-test'), parameters: lookupParameters, credentials: credentialsFor(simulator()), onError: 'continueErrorOutput' });
			expect(result.success.map((item) => item.json.DeviceId)).toEqual([DEMO_DEVICES['alice@ccc-test'], DEMO_DEVICES['bob@ccc-test']]);
			expect(result.errors.map((item) => (item.json.details as IDataObject).code)).toEqual(['NoRegisteredDevice']);
		});
	});
});
