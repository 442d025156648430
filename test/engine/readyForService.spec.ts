import { DEMO_STS_KEY } from '../../simulator/directory';
import { runCccWorkflow } from '../../scripts/engine/runWorkflow';
import { agent, agentParameters, credentialsFor, useSimulator, type SignatureVersion } from '../harness/simulatorFixture';

describe('CCC ReadyForService through n8n\'s engine', () => {
	describe('with JSON answers', () => {
		const simulator = useSimulator();

		it.each<SignatureVersion>(['v3', 'v1'])(
			'readies every agent of the input with its own expressions (%s signature)',
			async (signatureVersion) => {
				const items = [
					agent('alice@ccc-test'),
					agent('bob@ccc-test', { outbound: true }),
					agent('user-test@ccc-test', { outbound: 'false' }),
				];
				const result = await runCccWorkflow({
					items,
					parameters: agentParameters,
					credentials: credentialsFor(simulator(), undefined, signatureVersion),
				});

				expect(result.workflowError).toBeUndefined();
				expect(result.success.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
				expect(result.success[0].json).toEqual({
					UserId: 'alice@ccc-test',
					InstanceId: 'ccc-test',
					UserState: 'READY',
					WorkMode: 'ON_SITE',
					Extension: '80011001',
					DeviceId: 'ACC-YUNBS-1.0.10-alice',
					BreakCode: '',
					OutboundScenario: false,
					SignedSkillGroupIdList: ['skg-sales@ccc-test'],
				});
				expect(result.success[1].json).toMatchObject({
					UserId: 'bob@ccc-test',
					OutboundScenario: true,
					SignedSkillGroupIdList: ['skg-sales@ccc-test', 'skg-support@ccc-test'],
				});
				expect(result.success[2].json).toMatchObject({ UserId: 'user-test@ccc-test', SignedSkillGroupIdList: [] });

				const sent = simulator().requests;
				expect(sent.map((entry) => [entry.signatureVersion, entry.code, entry.params])).toEqual(
					items.map((item, index) => [
						signatureVersion,
						'OK',
						{
							InstanceId: 'ccc-test',
							DeviceId: item.deviceId,
							UserId: item.userId,
							OutboundScenario: index === 1 ? 'true' : 'false',
						},
					]),
				);
				expect(new Set(sent.map((entry) => entry.nonce)).size).toBe(items.length);
			},
		);

		it.each<SignatureVersion>(['v3', 'v1'])('signs with an STS token (%s)', async (signatureVersion) => {
			const result = await runCccWorkflow({
				items: [agent('alice@ccc-test')],
				parameters: agentParameters,
				credentials: credentialsFor(simulator(), DEMO_STS_KEY, signatureVersion),
			});
			expect(result.success.map((item) => item.json.UserState)).toEqual(['READY']);
			expect(simulator().requests[0].accessKeyId).toBe(DEMO_STS_KEY.accessKeyId);
		});

		it('leaves User ID out of the request when it is empty, readying the credential\'s own agent', async () => {
			const result = await runCccWorkflow({
				items: [{ instanceId: 'ccc-test', deviceId: 'dev-1', userId: '  ' }],
				parameters: agentParameters,
				credentials: credentialsFor(simulator()),
			});
			expect(result.success[0].json.UserId).toBe('user-test@ccc-test');
			expect(Object.keys(simulator().requests[0].params)).toEqual(['DeviceId', 'InstanceId', 'OutboundScenario']);
		});

		it('returns the whole answer when Simplify is off', async () => {
			const result = await runCccWorkflow({
				items: [agent('alice@ccc-test')],
				parameters: { ...agentParameters, options: { simplify: false } },
				credentials: credentialsFor(simulator()),
			});
			const [item] = result.success;
			expect(Object.keys(item.json).sort()).toEqual(['Code', 'Data', 'HttpStatusCode', 'Message', 'Params', 'RequestId']);
			// The answer has no Params: a documented list is still a list.
			expect(item.json).toMatchObject({ Code: 'OK', HttpStatusCode: 200, Message: '', Params: [] });
			expect(item.json.RequestId).toMatch(/^[0-9A-F-]{36}$/);
			expect(item.json.Data).toMatchObject({ UserId: 'alice@ccc-test', UserState: 'READY' });
		});

		it('takes a number from an expression (a sheet column of numeric IDs) as its text', async () => {
			const result = await runCccWorkflow({
				items: [agent('alice@ccc-test', { deviceId: 4711 }), agent('bob@ccc-test', { deviceId: 0.5 })],
				parameters: agentParameters,
				credentials: credentialsFor(simulator()),
			});
			expect(result.workflowError).toBeUndefined();
			expect(simulator().requests.map((entry) => entry.params.DeviceId)).toEqual(['4711', '0.5']);
			expect(result.success.map((item) => item.json.DeviceId)).toEqual(['4711', '0.5']);
		});

		it('takes fixed values and a boolean field as typed in the editor', async () => {
			const result = await runCccWorkflow({
				items: [{}],
				parameters: { instanceId: 'ccc-test', deviceId: 'dev-7', userId: 'bob@ccc-test', outboundScenario: true },
				credentials: credentialsFor(simulator()),
			});
			expect(result.success[0].json).toMatchObject({ UserId: 'bob@ccc-test', DeviceId: 'dev-7', OutboundScenario: true });
		});
	});

	describe('with XML answers', () => {
		const xml = useSimulator({ forceXml: true });

		it('gives the same items as JSON answers, lists and booleans typed', async () => {
			const items = [agent('alice@ccc-test'), agent('bob@ccc-test', { outbound: true }), agent('user-test@ccc-test')];
			const viaXml = await runCccWorkflow({ items, parameters: agentParameters, credentials: credentialsFor(xml()) });
			expect(xml().requests.every((entry) => entry.code === 'OK')).toBe(true);
			expect(viaXml.success.map((item) => item.json)).toEqual([
				expect.objectContaining({ UserId: 'alice@ccc-test', OutboundScenario: false, SignedSkillGroupIdList: ['skg-sales@ccc-test'] }),
				expect.objectContaining({ UserId: 'bob@ccc-test', OutboundScenario: true, SignedSkillGroupIdList: ['skg-sales@ccc-test', 'skg-support@ccc-test'] }),
				expect.objectContaining({ UserId: 'user-test@ccc-test', SignedSkillGroupIdList: [] }),
			]);
		});

		it('gives an agent without skill groups an empty list, though the XML answer has no such element', async () => {
			const result = await runCccWorkflow({
				items: [agent('user-test@ccc-test')],
				parameters: { ...agentParameters, options: { simplify: false } },
				credentials: credentialsFor(xml()),
			});
			expect(xml().requests.map((entry) => entry.code)).toEqual(['OK']);
			expect(result.success[0].json).toMatchObject({ Params: [], Data: { UserId: 'user-test@ccc-test', SignedSkillGroupIdList: [] } });
		});

		it('types the envelope too when Simplify is off', async () => {
			const result = await runCccWorkflow({
				items: [agent('alice@ccc-test')],
				parameters: { ...agentParameters, options: { simplify: false } },
				credentials: credentialsFor(xml(), undefined, 'v1'),
			});
			expect(result.success[0].json).toMatchObject({ Code: 'OK', HttpStatusCode: 200 });
		});
	});

	describe('with numbers and booleans sent as strings, as in Alibaba\'s examples', () => {
		const stringly = useSimulator({ stringlyTyped: true });

		it('normalises them to the documented types', async () => {
			const result = await runCccWorkflow({
				items: [agent('bob@ccc-test', { outbound: true })],
				parameters: { ...agentParameters, options: { simplify: false } },
				credentials: credentialsFor(stringly()),
			});
			expect(result.success[0].json.HttpStatusCode).toBe(200);
			expect((result.success[0].json.Data as { OutboundScenario: unknown }).OutboundScenario).toBe(true);
		});
	});
});
