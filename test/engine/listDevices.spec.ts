import { LIST_DEVICES_NODE_TYPE, runCccWorkflow } from '../../scripts/engine/runWorkflow';
import { ANSWER_FORMATS, fieldTypes } from '../harness/answerFormats';
import { credentialsFor, useSimulator } from '../harness/simulatorFixture';

const parameters = { instanceId: '={{ $json.instanceId }}', userId: '={{ $json.userId }}', options: {} };
const roster = (...userIds: string[]) => userIds.map((userId) => ({ instanceId: 'ccc-test', userId }));

/** The SDK's ListDevicesResponseBodyData fields, with their types. */
const SDK_FIELDS = {
	CallId: 'string',
	Contact: 'string',
	DeviceId: 'string',
	DeviceType: 'string',
	Expires: 'number',
	Extension: 'string',
	InstanceId: 'string',
	UserId: 'string',
};

describe('CCC ListDevices through n8n\'s engine', () => {
	describe.each(ANSWER_FORMATS)('with %s', (_name, options) => {
		const simulator = useSimulator(options);

		it('outputs one item per device, paired to its agent\'s item, typed as the SDK types them; none for an agent without devices', async () => {
			const started = Date.now();
			const result = await runCccWorkflow({
				nodeType: LIST_DEVICES_NODE_TYPE,
				items: roster('bob@ccc-test', 'frank@ccc-test', 'alice@ccc-test'),
				parameters,
				credentials: credentialsFor(simulator()),
			});
			expect(result.workflowError).toBeUndefined();
			expect(result.success.map((item) => [item.pairedItem, item.json.UserId, item.json.DeviceId])).toEqual([
				[{ item: 0 }, 'bob@ccc-test', 'ACC-YUNBS-1.0.10-bob-laptop'],
				[{ item: 0 }, 'bob@ccc-test', 'ACC-YUNBS-1.0.10-bob-desk'],
				[{ item: 2 }, 'alice@ccc-test', 'ACC-YUNBS-1.0.10-alice-desk'],
			]);
			for (const { json } of result.success) expect(fieldTypes(json)).toEqual(SDK_FIELDS);
			const [laptop, desk] = result.success.map((item) => item.json.Expires as number);
			// Yesterday's laptop lapsed hours ago; the desk's registration runs a few minutes past now.
			expect(laptop).toBeLessThan(started - 3_600_000);
			expect(desk).toBeGreaterThan(started);
			expect(result.success[2].json).toMatchObject({ DeviceType: 'WEBRTC', Extension: '80011001', InstanceId: 'ccc-test', CallId: '' });
			expect(simulator().requests.map((entry) => [entry.action, entry.params])).toEqual(
				['bob@ccc-test', 'frank@ccc-test', 'alice@ccc-test'].map((userId) => ['ListDevices', { InstanceId: 'ccc-test', UserId: userId }]),
			);
		});
	});

	describe('with JSON answers', () => {
		const simulator = useSimulator();

		it('gives no item for an agent without devices, or one empty item with "Always Output Data"', async () => {
			const run = (alwaysOutputData: boolean) =>
				runCccWorkflow({ nodeType: LIST_DEVICES_NODE_TYPE, items: roster('frank@ccc-test'), parameters, credentials: credentialsFor(simulator()), alwaysOutputData });
			expect((await run(false)).success).toEqual([]);
			expect((await run(true)).success.map((item) => item.json)).toEqual([{}]);
		});

		it('returns the whole answer per agent when Simplify is off, its Data a typed list', async () => {
			const result = await runCccWorkflow({
				nodeType: LIST_DEVICES_NODE_TYPE,
				items: roster('bob@ccc-test', 'frank@ccc-test'),
				parameters: { ...parameters, options: { simplify: false } },
				credentials: credentialsFor(simulator()),
			});
			expect(result.success.map((item) => [item.pairedItem, item.json.Code, (item.json.Data as unknown[]).length])).toEqual([
				[{ item: 0 }, 'OK', 2],
				[{ item: 1 }, 'OK', 0],
			]);
			expect(typeof (result.success[0].json.Data as Array<{ Expires: unknown }>)[0].Expires).toBe('number');
		});

		it('lists the credential\'s own agent when User ID is empty', async () => {
			const result = await runCccWorkflow({ nodeType: LIST_DEVICES_NODE_TYPE, items: [{ instanceId: 'ccc-test', userId: '' }], parameters, credentials: credentialsFor(simulator()) });
			expect(result.success.map((item) => [item.json.UserId, item.json.DeviceId])).toEqual([['user-test@ccc-test', 'ACC-YUNBS-1.0.10-bsd87c04aaa8f7000176ad354b1c']]);
			expect(simulator().requests[0].params).toEqual({ InstanceId: 'ccc-test' });
		});

		it('sends an unknown agent and bad input to the error output, one item each, the others carrying on', async () => {
			const result = await runCccWorkflow({
				nodeType: LIST_DEVICES_NODE_TYPE,
				items: roster('nobody@ccc-test', 'alice', 'alice@ccc-test'),
				parameters,
				credentials: credentialsFor(simulator()),
				onError: 'continueErrorOutput',
			});
			expect(result.success.map((item) => [item.pairedItem, item.json.DeviceId])).toEqual([[{ item: 2 }, 'ACC-YUNBS-1.0.10-alice-desk']]);
			expect(result.errors.map((item) => [item.pairedItem, item.json.error])).toEqual([
				[{ item: 0 }, 'NotExists.UserId: The user nobody@ccc-test does not exist in instance ccc-test.'],
				[{ item: 1 }, 'User ID "alice" is not of the form name@instance in item 1'],
			]);
			expect(simulator().requests.map((entry) => entry.params.UserId)).toEqual(['nobody@ccc-test', 'alice@ccc-test']);
		});
	});
});
