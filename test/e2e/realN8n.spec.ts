/**
 * End to end in a real n8n 2.41.1 (installed by scripts/setup-n8n.sh): the packed package installed as a community
 * package, credentials and workflows imported with n8n's CLI, workflows executed with `n8n execute`.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { END_OF_SHIFT_WORKFLOW, EXAMPLE_WORKFLOW, HTTP_REQUEST_WORKFLOW } from '../../scripts/demo/demoSetup';
import { executeWorkflow, importJson, installPackage, n8nInstance, REPO, type N8nInstance } from '../../scripts/demo/n8nRuntime';
import { outputsOf } from '../../scripts/demo/runReport';
import { CccSimulator } from '../../simulator/cccSimulator';
import { DEMO_ACCESS_KEY, DEMO_DEVICES, DEMO_STS_KEY } from '../../simulator/directory';
import { credentialsFor, type SignatureVersion } from '../../simulator/agents';
import { HTTP_REQUEST_NODE_TYPE, HTTP_REQUEST_VERSIONS, httpRequestParameters } from '../harness/httpRequestParameters';

jest.setTimeout(240_000);

type Workflow = {
	id: string;
	name: string;
	nodes: Array<{
		name: string;
		type: string;
		typeVersion?: number;
		position?: number[];
		onError?: string;
		parameters: Record<string, unknown>;
		credentials?: Record<string, { id: string; name: string }>;
	}>;
};

const example = JSON.parse(readFileSync(EXAMPLE_WORKFLOW, 'utf8')) as Workflow;
const httpRequestExample = JSON.parse(readFileSync(HTTP_REQUEST_WORKFLOW, 'utf8')) as Workflow;
const endOfShift = JSON.parse(readFileSync(END_OF_SHIFT_WORKFLOW, 'utf8')) as Workflow;
/** The two examples as 0.1.0 shipped them, before the pickers: version-1 nodes with text fields, as users saved them. */
const savedAtVersion1 = (name: string, credentialId: string, id: string) =>
	withCredential(JSON.parse(readFileSync(path.join(REPO, 'test/fixtures/version1', name), 'utf8')) as Workflow, credentialId, id);

/** A copy of `workflow` whose CCC nodes (and HTTP Request nodes) all sign with another credential. */
function withCredential(workflow: Workflow, credentialId: string, id: string): Workflow {
	const copy = JSON.parse(JSON.stringify(workflow)) as Workflow;
	copy.id = id;
	copy.name = `${workflow.name} (${credentialId})`;
	for (const node of copy.nodes.filter((candidate) => candidate.credentials)) node.credentials = { alibabaCloudCccApi: { id: credentialId, name: credentialId } };
	return copy;
}

const exampleWith = (credentialId: string, id: string) => withCredential(example, credentialId, id);

/** The end-of-shift example against a simulator of its own (fresh agents), or with CCC TakeBreak in place of SignOutGroup. */
function endOfShiftWith(credentialId: string, id: string, takeBreak = false): Workflow {
	const copy = withCredential(endOfShift, credentialId, id);
	const signOut = copy.nodes.find((node) => node.name === 'Sign Agent Out')!;
	if (takeBreak) {
		signOut.type = 'n8n-nodes-alibaba-ccc.cccTakeBreak';
		signOut.parameters = { ...signOut.parameters, breakCode: '={{ "lunch" }}' };
	}
	return copy;
}

/**
 * The example as workflows built before the lookup read: the roster carries each agent's Device ID, and Ready Agent
 * has no Device parameter at all (so n8n fills in its default).
 */
function exampleWithDeviceIds(): Workflow {
	const copy = exampleWith('cccDemoCredential', 'cccE2eDeviceIdMode');
	const rosterNode = copy.nodes.find((node) => node.name === 'Agents on This Shift')!;
	const roster = JSON.parse(String(rosterNode.parameters.jsonOutput)) as { agents: Array<{ userId: string; deviceId?: string }> };
	for (const agent of roster.agents) agent.deviceId = DEMO_DEVICES[agent.userId as keyof typeof DEMO_DEVICES] ?? 'ACC-YUNBS-1.0.10-temp-desk';
	rosterNode.parameters.jsonOutput = JSON.stringify(roster);
	const ready = copy.nodes.find((node) => node.name === 'Ready Agent')!;
	const { device: _device, ...parameters } = ready.parameters;
	ready.parameters = { ...parameters, deviceId: '={{ $json.deviceId }}' };
	return copy;
}

/**
 * n8n's HTTP Request node at its oldest and newest versions, one after the other, each signing a form-body call with
 * the credential that points at an endpoint which redirects.
 */
function redirectedHttpRequests(endpoint: string): Workflow & { connections: object } {
	const names = HTTP_REQUEST_VERSIONS.map((version) => `HTTP Request ${version}`);
	return {
		id: 'cccE2eHttpRedirect',
		name: 'HTTP Request nodes against a redirecting endpoint',
		nodes: [
			{ name: 'Run Now', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} } as never,
			...HTTP_REQUEST_VERSIONS.map((version, index) => ({
				name: names[index],
				type: HTTP_REQUEST_NODE_TYPE,
				typeVersion: version,
				position: [220 * (index + 1), 0],
				onError: 'continueRegularOutput',
				parameters: httpRequestParameters(version, {
					url: `${endpoint}/`,
					query: { Action: 'ListRealtimeAgentStates', InstanceId: 'ccc-test', PageNumber: '1', PageSize: '10' },
					form: { StateList: '["Ready"]' },
				}),
				credentials: { alibabaCloudCccApi: { id: 'cccRedirectCredential', name: 'cccRedirectCredential' } },
			})),
		],
		connections: Object.fromEntries(['Run Now', ...names.slice(0, -1)].map((from, index) => [from, { main: [[{ node: names[index], type: 'main', index: 0 }]] }])),
	};
}

/**
 * CCC SignInGroup after a roster: each agent signed in to their own groups on their registered device (the node's
 * defaults), or, with `given`, on the Device ID and to the groups each roster item carries, with Additivity.
 */
function signInWorkflow(id: string, credentialId: string, roster: ReadonlyArray<Record<string, unknown>>, given = false): Workflow & { connections: object } {
	const fields = given
		? { device: 'deviceId', deviceId: { __rl: true, mode: 'id', value: '={{ $json.deviceId }}' }, skillGroupIds: '={{ $json.skillGroupIds }}', additivity: true }
		: {};
	return {
		id,
		name: `Sign agents in (${credentialId})`,
		nodes: [
			{ name: 'Run Now', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			{ name: 'Agents on This Shift', type: 'n8n-nodes-base.set', typeVersion: 3.4, position: [220, 0], parameters: { mode: 'raw', jsonOutput: JSON.stringify({ agents: roster }), options: {} } },
			{ name: 'One Item per Agent', type: 'n8n-nodes-base.splitOut', typeVersion: 1, position: [440, 0], parameters: { fieldToSplitOut: 'agents', options: {} } },
			{
				name: 'Sign Agent In',
				type: 'n8n-nodes-alibaba-ccc.cccSignInGroup',
				typeVersion: 2,
				position: [660, 0],
				onError: 'continueErrorOutput',
				// Only what a user sets; n8n fills in the rest (Device: the registered device, Skill Groups: the agent's own).
				parameters: {
					instanceId: { __rl: true, mode: 'list', value: 'ccc-test' },
					userId: { __rl: true, mode: 'id', value: '={{ $json.userId }}' },
					...fields,
				},
				credentials: { alibabaCloudCccApi: { id: credentialId, name: credentialId } },
			},
		],
		connections: {
			'Run Now': { main: [[{ node: 'Agents on This Shift', type: 'main', index: 0 }]] },
			'Agents on This Shift': { main: [[{ node: 'One Item per Agent', type: 'main', index: 0 }]] },
			'One Item per Agent': { main: [[{ node: 'Sign Agent In', type: 'main', index: 0 }]] },
		},
	};
}

const credential = (id: string, simulator: { readonly url: string }, key: typeof DEMO_ACCESS_KEY, signatureVersion: SignatureVersion) => ({
	id,
	name: id,
	type: 'alibabaCloudCccApi',
	data: credentialsFor(simulator, key, signatureVersion),
});

/**
 * What the shift-start example gives on a fresh demo simulator: at version 2 it signs grace in first (signed out,
 * her SIP phone registered: If Signed Out → Sign In First); saved at version 1 it reports her as not signed in.
 */
function expectShiftStart(run: unknown, json: CccSimulator, version: 1 | 2): void {
	const signsIn = version === 2;
	const { success, errors } = outputsOf(run, 'Ready Agent');
	expect(success.map((item) => [item.UserId, item.UserState, item.DeviceId, item.OutboundScenario, item.SignedIn])).toEqual([
		['alice@ccc-test', 'READY', DEMO_DEVICES['alice@ccc-test'], false, undefined],
		['bob@ccc-test', 'READY', DEMO_DEVICES['bob@ccc-test'], false, undefined],
		['user-test@ccc-test', 'READY', DEMO_DEVICES['user-test@ccc-test'], false, undefined],
		...(signsIn ? [['grace@ccc-test', 'READY', DEMO_DEVICES['grace@ccc-test'], false, true]] : []),
	]);
	expect(success[1].SignedSkillGroupIdList).toEqual(['skg-sales@ccc-test', 'skg-support@ccc-test']);
	expect(errors.map((item) => [item.userId, (item.details as { code: string; agentState?: string }).code, (item.details as { agentState?: string }).agentState])).toEqual([
		['carol@ccc-test', 'InvalidOperation.UserState', 'TALKING'],
		...(signsIn ? [] : [['grace@ccc-test', 'InvalidOperation.UserState', 'OFFLINE']]),
		['erin@ccc-test', 'NoRegisteredDevice', undefined],
		['nobody@ccc-test', 'NotExists.UserId', undefined],
	]);
	const of = (userId: string) => errors.find((item) => item.userId === userId)!;
	if (!signsIn) expect(of('grace@ccc-test').details).toMatchObject({ acceptedStates: ['BREAK', 'READY', 'WORKING'], hint: expect.stringMatching(/^The agent is not signed in/), itemIndex: 4 });
	expect(of('erin@ccc-test')).toMatchObject({
		error: 'NoRegisteredDevice: erin@ccc-test is not signed in to a workstation: sign in to the CCC workbench first',
		details: { httpStatus: 200, requestId: expect.stringMatching(/^[0-9A-F-]{36}$/), hint: expect.stringContaining('1 earlier registration(s) have lapsed'), itemIndex: 5 },
	});
	expect(of('nobody@ccc-test')).toMatchObject({
		error: 'NotExists.UserId: The user nobody@ccc-test does not exist in instance ccc-test.',
		details: { httpStatus: 404, requestId: expect.stringMatching(/^[0-9A-F-]{36}$/), hint: expect.any(String), itemIndex: 6 },
	});
	// Every agent looked up; only those with a registered device readied, on that device; grace signed in first.
	expect(json.requests.filter((entry) => entry.action === 'ListDevices').map((entry) => entry.params.UserId)).toEqual(
		['alice', 'bob', 'user-test', 'carol', 'grace', 'erin', 'nobody'].map((name) => `${name}@ccc-test`),
	);
	expect(json.requests.filter((entry) => entry.action === 'ReadyForService').map((entry) => entry.params.DeviceId)).toEqual(
		(['alice@ccc-test', 'bob@ccc-test', 'user-test@ccc-test', 'carol@ccc-test', 'grace@ccc-test', ...(signsIn ? ['grace@ccc-test'] : [])] as Array<keyof typeof DEMO_DEVICES>).map(
			(userId) => DEMO_DEVICES[userId],
		),
	);
	expect(json.requests.filter((entry) => entry.action === 'SignInGroup').map((entry) => [entry.params.UserId, entry.params.SignedSkillGroupIdList])).toEqual(
		signsIn ? [['grace@ccc-test', '["skg-support@ccc-test"]']] : [],
	);
	expect(outputsOf(run, 'Summarize Ready Agents').success[0].text).toBe(
		signsIn
			? '4 agent(s) ready for the shift: alice@ccc-test (ext. 80011001), bob@ccc-test (ext. 80011002), user-test@ccc-test (ext. 80011474), grace@ccc-test (ext. 80011007, signed in first)'
			: '3 agent(s) ready for the shift: alice@ccc-test (ext. 80011001), bob@ccc-test (ext. 80011002), user-test@ccc-test (ext. 80011474)',
	);
	expect(outputsOf(run, 'Describe Failure').success.map((item) => item.text)).toEqual([
		'Could not ready carol@ccc-test on ccc-test: InvalidOperation.UserState (the agent is TALKING). The agent is on a call: run it again after the call',
		...(signsIn ? [] : [expect.stringMatching(/^Could not ready grace@ccc-test on ccc-test: InvalidOperation\.UserState \(the agent is OFFLINE\)\. The agent is not signed in/)]),
		expect.stringMatching(/^Could not ready erin@ccc-test on ccc-test: NoRegisteredDevice\. ListDevices found no registered device/),
		expect.stringMatching(/^Could not ready nobody@ccc-test on ccc-test: NotExists\.UserId\. /),
	]);
	// After readying, CCC ListRealtimeAgentStates tells who is where, ready for Slack.
	expect(outputsOf(run, 'Who Is Where').success.map((item) => [item.AgentId, item.State])).toEqual([
		['user-test@ccc-test', 'Ready'],
		['alice@ccc-test', 'Ready'],
		['bob@ccc-test', 'Ready'],
		['carol@ccc-test', 'Talking'],
		['dave@ccc-test', 'Break'],
		['erin@ccc-test', 'Offline'],
		['frank@ccc-test', 'Offline'],
		['grace@ccc-test', signsIn ? 'Ready' : 'Offline'],
	]);
	expect(outputsOf(run, 'Summarize Who Is Where').success.map((item) => item.text)).toEqual([
		signsIn
			? '4 ready, 1 on break (Warm-up), 1 on a call, 2 offline: on break: dave@ccc-test (Warm-up); on a call: carol@ccc-test; offline: erin@ccc-test, frank@ccc-test'
			: '3 ready, 1 on break (Warm-up), 1 on a call, 3 offline: on break: dave@ccc-test (Warm-up); on a call: carol@ccc-test; offline: erin@ccc-test, frank@ccc-test, grace@ccc-test',
	]);
}

/**
 * What the end-of-shift example gives on a fresh demo simulator: at version 2 erin, already signed out, is a success
 * that says so; saved at version 1 she is on the error output.
 */
function expectEndOfShift(run: unknown, version: 1 | 2): void {
	const alreadyThere = version === 2;
	const { success, errors } = outputsOf(run, 'Sign Agent Out');
	expect(success.map((item) => [item.UserId, item.UserState, item.AlreadyThere])).toEqual([
		...['alice', 'bob', 'user-test', 'dave'].map((name) => [`${name}@ccc-test`, 'OFFLINE', undefined]),
		...(alreadyThere ? [['erin@ccc-test', 'OFFLINE', true]] : []),
	]);
	expect(success.slice(0, 4).map((item) => [item.SignedSkillGroupIdList, typeof item.Heartbeat])).toEqual(Array(4).fill([[], 'number']));
	expect(errors.map((item) => [item.userId, (item.details as { agentState: string }).agentState])).toEqual([
		['carol@ccc-test', 'TALKING'],
		...(alreadyThere ? [] : [['erin@ccc-test', 'OFFLINE']]),
	]);
	expect(outputsOf(run, 'Summarize Signed Out').success.map((item) => item.text)).toEqual([
		alreadyThere
			? '4 agent(s) signed out at the end of the shift: alice@ccc-test, bob@ccc-test, user-test@ccc-test, dave@ccc-test; already signed out: erin@ccc-test'
			: '4 agent(s) signed out at the end of the shift: alice@ccc-test, bob@ccc-test, user-test@ccc-test, dave@ccc-test',
	]);
	expect(outputsOf(run, 'Describe Agent Still Signed In').success.map((item) => item.text)).toEqual([
		'Could not sign out carol@ccc-test on ccc-test: the agent is TALKING. The agent is on a call: run it again after the call',
		...(alreadyThere ? [] : ['Could not sign out erin@ccc-test on ccc-test: the agent is OFFLINE. The agent is already signed out (OFFLINE): nothing to do']),
	]);
}

describe('the package in a real n8n', () => {
	const json = new CccSimulator();
	const xml = new CccSimulator({ forceXml: true });
	const shift = new CccSimulator();
	const breaks = new CccSimulator({ forceXml: true });
	const savedShift = new CccSimulator();
	const savedEnd = new CccSimulator();
	const signIns = new CccSimulator();
	const givenSignIns = new CccSimulator({ forceXml: true });
	let userFolder: string;
	let n8n: N8nInstance;
	/** What reached the origin a redirect points at (nothing should). */
	const elsewhereReached: IncomingHttpHeaders[] = [];
	const elsewhere = createServer((request, response) => {
		elsewhereReached.push(request.headers);
		response.setHeader('content-type', 'application/json');
		response.end(JSON.stringify({ RequestId: 'not-ccc', Code: 'OK', Data: { stolen: true } }));
	});
	const redirecting = createServer((_request, response) => {
		const { port } = elsewhere.address() as AddressInfo;
		response.writeHead(307, { location: `http://127.0.0.1:${port}/collect` }).end();
	});

	beforeAll(async () => {
		await json.start();
		await xml.start();
		await shift.start();
		await breaks.start();
		await savedShift.start();
		await savedEnd.start();
		await signIns.start();
		await givenSignIns.start();
		for (const server of [elsewhere, redirecting]) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		const redirectingEndpoint = { url: `http://127.0.0.1:${(redirecting.address() as AddressInfo).port}` };
		userFolder = mkdtempSync(path.join(tmpdir(), 'ccc-e2e-'));
		n8n = n8nInstance({ userFolder, port: 5699 });
		installPackage(n8n);
		await importJson(n8n, 'credentials', [
			credential('cccDemoCredential', json, DEMO_ACCESS_KEY, 'v3'),
			credential('cccV1Credential', json, DEMO_ACCESS_KEY, 'v1'),
			credential('cccStsCredential', json, DEMO_STS_KEY, 'v3'),
			credential('cccXmlCredential', xml, DEMO_ACCESS_KEY, 'v3'),
			credential('cccShiftCredential', shift, DEMO_ACCESS_KEY, 'v1'),
			credential('cccBreakCredential', breaks, DEMO_STS_KEY, 'v3'),
			credential('cccRedirectCredential', redirectingEndpoint, DEMO_STS_KEY, 'v3'),
			credential('cccSavedShiftCredential', savedShift, DEMO_ACCESS_KEY, 'v3'),
			credential('cccSavedEndCredential', savedEnd, DEMO_ACCESS_KEY, 'v1'),
			credential('cccSignInCredential', signIns, DEMO_ACCESS_KEY, 'v3'),
			credential('cccGivenSignInCredential', givenSignIns, DEMO_STS_KEY, 'v1'),
		]);
		await importJson(n8n, 'workflow', redirectedHttpRequests(redirectingEndpoint.url));
		for (const workflow of [
			example,
			exampleWith('cccV1Credential', 'cccE2eV1Signature'),
			exampleWith('cccStsCredential', 'cccE2eStsToken00'),
			exampleWith('cccXmlCredential', 'cccE2eXmlAnswers'),
			exampleWithDeviceIds(),
			httpRequestExample,
			withCredential(httpRequestExample, 'cccV1Credential', 'cccE2eHttpV1Sign'),
			withCredential(httpRequestExample, 'cccStsCredential', 'cccE2eHttpStsKey'),
			endOfShiftWith('cccShiftCredential', 'cccE2eEndOfShift'),
			endOfShiftWith('cccBreakCredential', 'cccE2eTakeBreak0', true),
			savedAtVersion1('shift-start-ready-agents.json', 'cccSavedShiftCredential', 'cccE2eSavedShiftV1'),
			savedAtVersion1('end-of-shift-sign-out.json', 'cccSavedEndCredential', 'cccE2eSavedEndV1'),
			signInWorkflow('cccE2eSignInGroup', 'cccSignInCredential', ['grace', 'alice', 'carol', 'erin', 'nobody'].map((name) => ({ userId: `${name}@ccc-test` }))),
			signInWorkflow(
				'cccE2eSignInGiven',
				'cccGivenSignInCredential',
				[
					{ userId: 'grace@ccc-test', deviceId: DEMO_DEVICES['grace@ccc-test'], skillGroupIds: ['skg-support@ccc-test'] },
					{ userId: 'frank@ccc-test', deviceId: 'SIP-phone-unplugged', skillGroupIds: ['skg-support@ccc-test'] },
				],
				true,
			),
		]) {
			await importJson(n8n, 'workflow', workflow);
		}
	});

	afterAll(async () => {
		await json.stop();
		await xml.stop();
		await shift.stop();
		await breaks.stop();
		await savedShift.stop();
		await savedEnd.stop();
		await signIns.stop();
		await givenSignIns.stop();
		await Promise.all([elsewhere, redirecting].map((server) => new Promise((resolve) => server.close(resolve))));
		rmSync(userFolder, { recursive: true, force: true });
	});

	it('runs the shipped example: devices looked up, ready agents on the main output, failures on the error output', async () => {
		const run = await executeWorkflow(n8n, example.id);
		expectShiftStart(run, json, 2);
		expect(json.requests.every((entry) => entry.signatureVersion === 'v3')).toBe(true);
		expect(JSON.stringify(run)).not.toContain(DEMO_ACCESS_KEY.accessKeySecret);
	});

	it.each([
		['cccE2eV1Signature', 'a signature V1 credential', (simulator: CccSimulator) => simulator.requests.at(-1)?.signatureVersion, 'v1'],
		['cccE2eStsToken00', 'an STS token', (simulator: CccSimulator) => simulator.requests.at(-1)?.accessKeyId, DEMO_STS_KEY.accessKeyId],
	])('%s: works with %s', async (workflowId, _name, seen, expected) => {
		const run = await executeWorkflow(n8n, workflowId);
		// grace, signed in by the first run, is READY by now.
		expect(outputsOf(run, 'Ready Agent').success.map((item) => item.UserState)).toEqual(['READY', 'READY', 'READY', 'READY']);
		expect(seen(json)).toBe(expected);
		expect(JSON.stringify(run)).not.toContain(DEMO_STS_KEY.securityToken);
	});

	it('types XML answers like JSON ones', async () => {
		const run = await executeWorkflow(n8n, 'cccE2eXmlAnswers');
		const { success, errors } = outputsOf(run, 'Ready Agent');
		expect(xml.requests.length).toBeGreaterThanOrEqual(10);
		expect(success.map((item) => [item.UserId, item.OutboundScenario, item.SignedSkillGroupIdList, item.SignedIn])).toEqual([
			['alice@ccc-test', false, ['skg-sales@ccc-test'], undefined],
			['bob@ccc-test', false, ['skg-sales@ccc-test', 'skg-support@ccc-test'], undefined],
			['user-test@ccc-test', false, [], undefined],
			['grace@ccc-test', false, ['skg-support@ccc-test'], true],
		]);
		expect(errors.map((item) => (item.details as { code: string }).code)).toEqual(['InvalidOperation.UserState', 'NoRegisteredDevice', 'NotExists.UserId']);
		expect(errors.map((item) => (item.details as { agentState?: string }).agentState)).toEqual(['TALKING', undefined, undefined]);
	});

	it('still runs a workflow built before the lookup: Device IDs from the roster, no Device parameter', async () => {
		const before = json.requests.length;
		const run = await executeWorkflow(n8n, 'cccE2eDeviceIdMode');
		const { success, errors } = outputsOf(run, 'Ready Agent');
		// With a Device ID given there is no lookup: erin, who has not signed in, is refused by CCC (OFFLINE), and
		// signing her in on the roster's desk fails, since it is not registered; grace is READY since the first run.
		expect(success.map((item) => [item.UserId, item.DeviceId])).toEqual(
			(['alice@ccc-test', 'bob@ccc-test', 'user-test@ccc-test', 'grace@ccc-test'] as const).map((userId) => [userId, DEMO_DEVICES[userId]]),
		);
		expect(errors.map((item) => [item.userId, (item.details as { code: string }).code, (item.details as { agentState?: string }).agentState])).toEqual([
			['carol@ccc-test', 'InvalidOperation.UserState', 'TALKING'],
			['erin@ccc-test', 'InvalidOperation.DeviceState', undefined],
			['nobody@ccc-test', 'NotExists.UserId', undefined],
		]);
		expect(json.requests.slice(before).map((entry) => entry.action)).toEqual([
			...Array(6).fill('ReadyForService'),
			// erin, refused as OFFLINE: her groups, then the sign-in CCC refuses (her desk is not registered).
			'ListSkillLevelsOfUser',
			'SignInGroup',
			'ReadyForService',
			'ListRealtimeAgentStates',
		]);
	});

	it.each([
		[httpRequestExample.id, 'v3', DEMO_ACCESS_KEY.accessKeyId],
		['cccE2eHttpV1Sign', 'v1', DEMO_ACCESS_KEY.accessKeyId],
		['cccE2eHttpStsKey', 'v3', DEMO_STS_KEY.accessKeyId],
	])("%s: n8n's HTTP Request node signs any CCC action with the credential (%s), query and form body alike", async (workflowId, signatureVersion, accessKeyId) => {
		const before = json.requests.length;
		const run = await executeWorkflow(n8n, workflowId);
		const [counters] = outputsOf(run, 'Instance Counters').success;
		expect(counters).toMatchObject({ Code: 'OK', Data: { InstanceId: 'ccc-test', TotalAgents: 8, BreakCodeDetailList: [{ BreakCode: 'Warm-up' }] } });
		const [away] = outputsOf(run, 'Agents Away (Form Body)').success;
		const agents = (away.Data as { List: Array<{ AgentId: string; State: string }> }).List;
		expect(agents.every((agent) => ['Break', 'ACW'].includes(agent.State))).toBe(true);
		expect(agents.length).toBeGreaterThan(0);
		const sent = json.requests.slice(before);
		expect(sent.map((entry) => [entry.action, entry.code, entry.signatureVersion, entry.accessKeyId, entry.bodyParams])).toEqual([
			['GetRealtimeInstanceStates', 'OK', signatureVersion, accessKeyId, []],
			['ListRealtimeAgentStates', 'OK', signatureVersion, accessKeyId, ['StateList']],
		]);
		expect(JSON.stringify(run)).not.toContain(DEMO_ACCESS_KEY.accessKeySecret);
		expect(JSON.stringify(run)).not.toContain(DEMO_STS_KEY.securityToken);
	});

	it("n8n's HTTP Request node (oldest and newest version) never follows a redirect with the credential: nothing reaches the other origin, each ends with an error naming the status", async () => {
		const run = await executeWorkflow(n8n, 'cccE2eHttpRedirect');
		expect(elsewhereReached).toEqual([]);
		for (const version of HTTP_REQUEST_VERSIONS) {
			const { success } = outputsOf(run, `HTTP Request ${version}`);
			expect(success).toHaveLength(1);
			expect(JSON.stringify(success[0])).toContain('307');
			expect(JSON.stringify(success[0])).not.toContain('stolen');
		}
		expect(JSON.stringify(run)).not.toContain(DEMO_STS_KEY.securityToken);
	});

	it('runs the end-of-shift example: idle agents signed out, erin as already signed out, the agent on a call on the error output with what to do', async () => {
		const run = await executeWorkflow(n8n, 'cccE2eEndOfShift');
		expectEndOfShift(run, 2);
		expect(shift.requests.map((entry) => [entry.action, entry.signatureVersion])).toEqual(Array(6).fill(['SignOutGroup', 'v1']));
	});

	it('runs CCC TakeBreak with an STS token and XML answers: agents on lunch, typed as JSON answers are', async () => {
		const run = await executeWorkflow(n8n, 'cccE2eTakeBreak0');
		const { success, errors } = outputsOf(run, 'Sign Agent Out');
		expect(success.map((item) => [item.UserId, item.UserState, item.BreakCode, typeof item.Reserved, item.OutboundScenario])).toEqual(
			['alice', 'bob', 'user-test', 'dave'].map((name) => [`${name}@ccc-test`, 'BREAK', 'lunch', 'number', false]),
		);
		expect(errors.map((item) => [item.userId, (item.details as { agentState: string }).agentState])).toEqual([
			['carol@ccc-test', 'TALKING'],
			['erin@ccc-test', 'OFFLINE'],
		]);
		expect(breaks.requests.map((entry) => [entry.action, entry.accessKeyId, entry.params.Code])).toEqual(Array(6).fill(['TakeBreak', DEMO_STS_KEY.accessKeyId, 'lunch']));
		expect(JSON.stringify(run)).not.toContain(DEMO_STS_KEY.securityToken);
	});

	it('still runs both examples as saved at version 1, before the pickers: text fields, the same outcome', async () => {
		const shiftRun = await executeWorkflow(n8n, 'cccE2eSavedShiftV1');
		expectShiftStart(shiftRun, savedShift, 1);
		expect(savedShift.requests.every((entry) => entry.signatureVersion === 'v3')).toBe(true);
		expectEndOfShift(await executeWorkflow(n8n, 'cccE2eSavedEndV1'), 1);
		expect(savedEnd.requests.map((entry) => [entry.action, entry.signatureVersion])).toEqual(Array(6).fill(['SignOutGroup', 'v1']));
	});

	it('runs CCC SignInGroup as a user sets it up: grace signed in on her registered phone to her own group, alice already signed in, carol on a call, erin with no workstation', async () => {
		const run = await executeWorkflow(n8n, 'cccE2eSignInGroup');
		const { success, errors } = outputsOf(run, 'Sign Agent In');
		expect(success.map((item) => [item.UserId, item.UserState, item.BreakCode, item.DeviceId, item.SignedSkillGroupIdList, item.AlreadyThere])).toEqual([
			['grace@ccc-test', 'BREAK', 'Warm-up', DEMO_DEVICES['grace@ccc-test'], ['skg-support@ccc-test'], undefined],
			['alice@ccc-test', 'BREAK', undefined, undefined, undefined, true],
		]);
		expect(errors.map((item) => [item.userId, (item.details as { code: string }).code, (item.details as { agentState?: string }).agentState, (item.details as { itemIndex: number }).itemIndex])).toEqual([
			['carol@ccc-test', 'InvalidOperation.UserState', 'TALKING', 2],
			['erin@ccc-test', 'NoRegisteredDevice', undefined, 3],
			['nobody@ccc-test', 'NotExists.UserId', undefined, 4],
		]);
		expect((errors[0].details as { hint: string }).hint).toBe('The agent is on a call: run it again after the call');
		// The device looked up for everyone; groups read and SignInGroup sent only where a workstation is registered.
		expect(signIns.requests.map((entry) => [entry.action, entry.params.UserId, entry.signatureVersion])).toEqual(
			[
				...['grace', 'alice', 'carol'].flatMap((name) => ['ListDevices', 'ListSkillLevelsOfUser', 'SignInGroup'].map((action) => [action, name])),
				['ListDevices', 'erin'],
				['ListDevices', 'nobody'],
			].map(([action, name]) => [action, `${name}@ccc-test`, 'v3']),
		);
		expect(signIns.requests.find((entry) => entry.action === 'SignInGroup')?.params).toEqual({
			InstanceId: 'ccc-test',
			UserId: 'grace@ccc-test',
			DeviceId: DEMO_DEVICES['grace@ccc-test'],
			SignedSkillGroupIdList: '["skg-support@ccc-test"]',
		});
		expect(signIns.directory.instances.get('ccc-test')?.agents.get('grace@ccc-test')).toMatchObject({ state: 'BREAK', breakCode: 'Warm-up' });
		expect(JSON.stringify(run)).not.toContain(DEMO_ACCESS_KEY.accessKeySecret);
	});

	it('runs CCC SignInGroup on the Device ID and groups given (STS, signature V1, XML): a lost answer ends as signed in, an unplugged phone gets the workbench hint', async () => {
		let lost = 0;
		givenSignIns.faults = ({ action }) => (action === 'SignInGroup' && lost++ === 0 ? { kind: 'appliedThenReset' } : undefined);
		const run = await executeWorkflow(n8n, 'cccE2eSignInGiven');
		const { success, errors } = outputsOf(run, 'Sign Agent In');
		expect(success).toEqual([{ UserId: 'grace@ccc-test', InstanceId: 'ccc-test', UserState: 'BREAK', AlreadyThere: true, Attempts: 2, RequestId: expect.stringMatching(/^[0-9A-F-]{36}$/) }]);
		expect(errors.map((item) => [item.userId, (item.details as { code: string }).code])).toEqual([['frank@ccc-test', 'InvalidOperation.DeviceState']]);
		expect((errors[0].details as { hint: string }).hint).toMatch(/^The agent's workstation is not online: the agent opens the CCC workbench/);
		expect(givenSignIns.requests.map((entry) => [entry.action, entry.code, entry.params.UserId, entry.params.DeviceId, entry.params.SignedSkillGroupIdList, entry.params.Additivity, entry.signatureVersion])).toEqual([
			['SignInGroup', 'appliedThenReset', 'grace@ccc-test', DEMO_DEVICES['grace@ccc-test'], '["skg-support@ccc-test"]', 'true', 'v1'],
			['SignInGroup', 'InvalidOperation.UserState', 'grace@ccc-test', DEMO_DEVICES['grace@ccc-test'], '["skg-support@ccc-test"]', 'true', 'v1'],
			['SignInGroup', 'InvalidOperation.DeviceState', 'frank@ccc-test', 'SIP-phone-unplugged', '["skg-support@ccc-test"]', 'true', 'v1'],
		]);
		expect(givenSignIns.directory.instances.get('ccc-test')?.agents.get('grace@ccc-test')).toMatchObject({ state: 'BREAK', breakCode: 'Warm-up' });
		expect(JSON.stringify(run)).not.toContain(DEMO_STS_KEY.securityToken);
	});
});
