import { NO_REGISTERED_DEVICE } from '../../nodes/AlibabaCloudCcc/agent/lookUpDevice';
import { CCC_NODE_TYPE, runCccWorkflow, SIGN_IN_GROUP_NODE_TYPE, SIGN_OUT_GROUP_NODE_TYPE, TAKE_BREAK_NODE_TYPE } from '../../scripts/engine/runWorkflow';
import { DEMO_DEVICES } from '../../simulator/directory';
import { ANSWER_FORMATS } from '../harness/answerFormats';
import { credentialsFor, useSimulator, type SignatureVersion } from '../harness/simulatorFixture';

const byId = (value: string) => ({ __rl: true, mode: 'id', value });
const roster = (...userIds: string[]) => userIds.map((userId) => ({ userId }));
/** Fields as a roster drives them: the instance picked, the agent from each item. */
const agentFields = { instanceId: { __rl: true, mode: 'list', value: 'ccc-test' }, userId: byId('={{ $json.userId }}') };
const FAST_RETRIES = { retryBaseDelay: 0 };

describe('CCC SignInGroup through n8n\'s engine', () => {
	describe.each(ANSWER_FORMATS.flatMap(([name, options]) => (['v1', 'v3'] as SignatureVersion[]).map((version) => [`${name}, signature ${version}`, options, version] as const)))(
		'with %s',
		(_name, options, signatureVersion) => {
			const simulator = useSimulator(options);

			it("signs an agent in on their registered device to their own groups; one without a live workstation gets NoRegisteredDevice and nothing is sent", async () => {
				const run = await runCccWorkflow({
					nodeType: SIGN_IN_GROUP_NODE_TYPE,
					typeVersion: 2,
					items: roster('grace@ccc-test', 'erin@ccc-test', 'frank@ccc-test'),
					parameters: { ...agentFields, device: 'registeredDevice', skillGroupIds: [], additivity: false, options: {} },
					credentials: credentialsFor(simulator(), undefined, signatureVersion),
					onError: 'continueErrorOutput',
				});
				expect(run.success.map((item) => [item.pairedItem, item.json.UserId, item.json.UserState, item.json.BreakCode, item.json.SignedSkillGroupIdList, item.json.DeviceId])).toEqual([
					[{ item: 0 }, 'grace@ccc-test', 'BREAK', 'Warm-up', ['skg-support@ccc-test'], DEMO_DEVICES['grace@ccc-test']],
				]);
				expect(run.errors.map((item) => [item.pairedItem, (item.json.details as { code: string }).code])).toEqual([
					[{ item: 1 }, NO_REGISTERED_DEVICE],
					[{ item: 2 }, NO_REGISTERED_DEVICE],
				]);
				expect(simulator().requests.map((entry) => [entry.action, entry.params.UserId, entry.signatureVersion])).toEqual([
					['ListDevices', 'grace@ccc-test', signatureVersion],
					['ListSkillLevelsOfUser', 'grace@ccc-test', signatureVersion],
					['SignInGroup', 'grace@ccc-test', signatureVersion],
					['ListDevices', 'erin@ccc-test', signatureVersion],
					['ListDevices', 'frank@ccc-test', signatureVersion],
				]);
				expect(simulator().requests.find((entry) => entry.action === 'SignInGroup')?.params).toEqual({
					InstanceId: 'ccc-test',
					UserId: 'grace@ccc-test',
					DeviceId: DEMO_DEVICES['grace@ccc-test'],
					SignedSkillGroupIdList: '["skg-support@ccc-test"]',
				});
			});
		},
	);

	describe('with JSON answers', () => {
		const simulator = useSimulator();
		const signIn = (userIds: string[], parameters: Record<string, unknown> = {}) =>
			runCccWorkflow({
				nodeType: SIGN_IN_GROUP_NODE_TYPE,
				typeVersion: 2,
				items: roster(...userIds),
				parameters: { ...agentFields, device: 'registeredDevice', skillGroupIds: [], additivity: false, options: FAST_RETRIES, ...parameters } as never,
				credentials: credentialsFor(simulator()),
				onError: 'continueErrorOutput',
			});

		it('takes the groups and the device given, and Additivity, without asking CCC for them', async () => {
			const run = await signIn(['grace@ccc-test'], { device: 'deviceId', deviceId: byId(DEMO_DEVICES['grace@ccc-test']), skillGroupIds: ['skg-support@ccc-test'], additivity: true });
			expect(run.success.map((item) => item.json.UserState)).toEqual(['BREAK']);
			expect(simulator().requests.map((entry) => [entry.action, entry.params.SignedSkillGroupIdList, entry.params.Additivity])).toEqual([['SignInGroup', '["skg-support@ccc-test"]', 'true']]);
		});

		it('refuses a workstation that is not online with the hint to open the workbench; an agent on a call gets the on-call hint', async () => {
			const run = await signIn(['grace@ccc-test', 'carol@ccc-test'], { device: 'deviceId', deviceId: byId('={{ $json.userId === "grace@ccc-test" ? "SIP-phone-unplugged" : "ACC-YUNBS-1.0.10-carol-desk" }}') });
			expect(run.errors.map((item) => [item.pairedItem, (item.json.details as { code: string }).code, (item.json.details as { hint: string }).hint])).toEqual([
				[{ item: 0 }, 'InvalidOperation.DeviceState', expect.stringMatching(/^The agent's workstation is not online: the agent opens the CCC workbench/)],
				[{ item: 1 }, 'InvalidOperation.UserState', 'The agent is on a call: run it again after the call'],
			]);
		});

		it('reports an agent already signed in as a success that says nothing had to change', async () => {
			const run = await signIn(['alice@ccc-test']);
			expect(run.success.map((item) => item.json)).toEqual([{ UserId: 'alice@ccc-test', InstanceId: 'ccc-test', UserState: 'BREAK', AlreadyThere: true, RequestId: expect.any(String) }]);
			expect(run.errors).toEqual([]);
		});

		it('ends on the success output with the state reached when its answer is lost and the retry meets it', async () => {
			let lost = 0;
			simulator().faults = ({ action }) => (action === 'SignInGroup' && lost++ === 0 ? { kind: 'appliedThenReset' } : undefined);
			const run = await signIn(['grace@ccc-test']);
			expect(run.success.map((item) => item.json)).toEqual([{ UserId: 'grace@ccc-test', InstanceId: 'ccc-test', UserState: 'BREAK', AlreadyThere: true, Attempts: 2, RequestId: expect.any(String) }]);
			expect(simulator().directory.instances.get('ccc-test')?.agents.get('grace@ccc-test')).toMatchObject({ state: 'BREAK', breakCode: 'Warm-up' });
		});
	});
});

describe('Desired-state outcomes of version 2, and If Signed Out: Sign In First', () => {
	const simulator = useSimulator();

	it("signs out an agent already OFFLINE as a success (version 2); version 1 keeps it an error", async () => {
		const run = (typeVersion: number) =>
			runCccWorkflow({
				nodeType: SIGN_OUT_GROUP_NODE_TYPE,
				typeVersion,
				items: roster('erin@ccc-test'),
				parameters: typeVersion === 1 ? { instanceId: 'ccc-test', userId: '={{ $json.userId }}', options: {} } : { ...agentFields, options: {} },
				credentials: credentialsFor(simulator()),
				onError: 'continueErrorOutput',
			});
		const v2 = await run(2);
		expect([v2.success.map((item) => [item.json.UserState, item.json.AlreadyThere]), v2.errors]).toEqual([[['OFFLINE', true]], []]);
		const v1 = await run(1);
		expect([v1.success, v1.errors.map((item) => (item.json.details as { agentState: string }).agentState)]).toEqual([[], ['OFFLINE']]);
	});

	it("a sign-out whose answer is lost ends as signed out, not as 'not signed out'; a break during a call stays an error", async () => {
		let lost = 0;
		simulator().faults = ({ action }) => (action === 'SignOutGroup' && lost++ === 0 ? { kind: 'appliedThenReset' } : undefined);
		const signOut = await runCccWorkflow({
			nodeType: SIGN_OUT_GROUP_NODE_TYPE,
			typeVersion: 2,
			items: roster('alice@ccc-test'),
			parameters: { ...agentFields, options: FAST_RETRIES },
			credentials: credentialsFor(simulator()),
			onError: 'continueErrorOutput',
		});
		expect(signOut.success.map((item) => [item.json.UserId, item.json.UserState, item.json.AlreadyThere, item.json.Attempts])).toEqual([['alice@ccc-test', 'OFFLINE', true, 2]]);
		const breakRun = await runCccWorkflow({
			nodeType: TAKE_BREAK_NODE_TYPE,
			typeVersion: 2,
			items: roster('alice@ccc-test', 'carol@ccc-test'),
			parameters: { ...agentFields, breakCode: 'lunch', options: {} },
			credentials: credentialsFor(simulator()),
			onError: 'continueErrorOutput',
		});
		expect(breakRun.errors.map((item) => (item.json.details as { agentState: string }).agentState)).toEqual(['OFFLINE', 'TALKING']);
	});

	it('readies the shift with Sign In First: grace (signed out, workstation open) is signed in and readied; nobody else is signed in', async () => {
		const shift = ['alice@ccc-test', 'bob@ccc-test', 'carol@ccc-test', 'grace@ccc-test', 'erin@ccc-test'];
		const run = await runCccWorkflow({
			nodeType: CCC_NODE_TYPE,
			typeVersion: 2,
			items: roster(...shift),
			parameters: { ...agentFields, device: 'registeredDevice', ifSignedOut: 'signIn', outboundScenario: false, options: {} },
			credentials: credentialsFor(simulator()),
			onError: 'continueErrorOutput',
		});
		expect(run.success.map((item) => [item.json.UserId, item.json.UserState, item.json.SignedIn])).toEqual([
			['alice@ccc-test', 'READY', undefined],
			['bob@ccc-test', 'READY', undefined],
			['grace@ccc-test', 'READY', true],
		]);
		expect(run.errors.map((item) => [item.pairedItem, item.json.userId, (item.json.details as { code: string }).code])).toEqual([
			[{ item: 2 }, 'carol@ccc-test', 'InvalidOperation.UserState'],
			[{ item: 4 }, 'erin@ccc-test', NO_REGISTERED_DEVICE],
		]);
		const perAgent = (userId: string) => simulator().requests.filter((entry) => entry.params.UserId === userId).map((entry) => entry.action);
		expect(shift.map(perAgent)).toEqual([
			['ListDevices', 'ReadyForService'],
			['ListDevices', 'ReadyForService'],
			['ListDevices', 'ReadyForService'],
			['ListDevices', 'ReadyForService', 'ListSkillLevelsOfUser', 'SignInGroup', 'ReadyForService'],
			['ListDevices'],
		]);
	});
});
