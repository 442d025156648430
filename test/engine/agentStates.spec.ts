import { readFileSync } from 'node:fs';
import path from 'node:path';

import type { AgentState } from '../../nodes/AlibabaCloudCcc/agent/agentStates';
import { runCccWorkflow } from '../../scripts/engine/runWorkflow';
import type { CccSimulator } from '../../simulator/cccSimulator';
import type { Format } from '../../simulator/render';
import { agent, agentParameters, credentialsFor, useSimulator } from '../harness/simulatorFixture';

/** An agent of the demo instance, put in `state` before the run. */
function agentIn(simulator: CccSimulator, state: AgentState, breakCode = '') {
	const alice = simulator.directory.instances.get('ccc-test')!.agents.get('alice@ccc-test')!;
	alice.state = state;
	alice.breakCode = breakCode;
	return alice;
}

const NOT_SIGNED_IN = 'The agent is not signed in: the agent signs in to the CCC workbench (or app) first, then run again; readying does not sign an agent in';

const refused: Array<{ state: AgentState; hint: RegExp }> = [
	{ state: 'OFFLINE', hint: new RegExp(`^${NOT_SIGNED_IN.replace(/[()]/g, '\\$&')}$`) },
	{ state: 'TALKING', hint: /^The agent is on a call: run it again after the call$/ },
	{ state: 'RINGING', hint: /^The agent is on a call \(a call is ringing\): run it again after the call$/ },
	{ state: 'DIALING', hint: /^The agent is on a call \(dialling out\): run it again after the call$/ },
];

describe.each<Format>(['json', 'xml'])("CCC ReadyForService and the agent's state (%s answers)", (format) => {
	const simulator = useSimulator({ forceXml: format === 'xml' });
	const run = () =>
		runCccWorkflow({ items: [agent('alice@ccc-test')], parameters: agentParameters, credentials: credentialsFor(simulator()), onError: 'continueErrorOutput' });

	it.each<[AgentState, string]>([
		['BREAK', 'Warm-up'],
		['BREAK', 'lunch'],
		['READY', ''],
		['WORKING', ''],
	])('readies an agent who is %s (break code "%s")', async (state, breakCode) => {
		const alice = agentIn(simulator(), state, breakCode);
		const result = await run();
		expect(result.errors).toEqual([]);
		expect(result.success.map((item) => [item.json.UserId, item.json.UserState, item.json.BreakCode])).toEqual([['alice@ccc-test', 'READY', '']]);
		expect([alice.state, alice.breakCode]).toEqual(['READY', '']);
	});

	it.each(refused)('refuses an agent who is $state: the state and the accepted ones in details, and the hint for it', async ({ state, hint }) => {
		const alice = agentIn(simulator(), state);
		const result = await run();
		expect(result.success).toEqual([]);
		expect(result.errors).toHaveLength(1);
		const [{ json, pairedItem }] = result.errors;
		expect(pairedItem).toEqual({ item: 0 });
		expect(json.error).toBe(`InvalidOperation.UserState: The operation is not allowed. User state (${state}) does not meet expectations (BREAK,READY,WORKING).`);
		expect(json.details).toMatchObject({ code: 'InvalidOperation.UserState', httpStatus: 400, agentState: state, acceptedStates: ['BREAK', 'READY', 'WORKING'], itemIndex: 0 });
		expect((json.details as { hint: string }).hint).toMatch(hint);
		expect(alice.state).toBe(state);
	});

	it.each([
		['without Params', undefined],
		['with empty Params', []],
	])('reads the state from the message of a refusal %s', async (_name, params) => {
		simulator().faults = () => ({
			kind: 'error',
			status: 400,
			code: 'InvalidOperation.UserState',
			message: 'The operation is not allowed. User state (Offline) does not meet expectations (BREAK,READY,WORKING).',
			...(params ? { params } : {}),
		});
		const result = await run();
		expect(result.errors.map((item) => item.json.details)).toEqual([
			{
				code: 'InvalidOperation.UserState',
				message: 'The operation is not allowed. User state (Offline) does not meet expectations (BREAK,READY,WORKING).',
				httpStatus: 400,
				requestId: expect.stringMatching(/^[0-9A-F-]{36}$/),
				agentState: 'OFFLINE',
				acceptedStates: ['BREAK', 'READY', 'WORKING'],
				hint: NOT_SIGNED_IN,
				itemIndex: 0,
			},
		]);
	});

	it('says what CCC expected for a state with no advice of its own', async () => {
		simulator().faults = () => ({ kind: 'error', status: 400, code: 'InvalidOperation.UserState', message: 'The operation is not allowed.', params: ['WORKING', 'READY'] });
		const result = await run();
		expect(result.errors[0].json.details).toMatchObject({
			agentState: 'WORKING',
			acceptedStates: ['READY'],
			hint: 'The agent is WORKING (after-call work); CCC accepts ReadyForService only for an agent who is READY',
		});
	});

	it.each([
		['the Device ID field', agentParameters, /^The workstation given as Device ID cannot take calls \(its channel is DISCONNECTED\)/],
		[
			"the agent's registered device",
			{ ...agentParameters, device: 'registeredDevice', deviceId: undefined },
			/^The workstation ListDevices found for the agent cannot take calls \(its channel is DISCONNECTED\): the agent signs in again on the CCC workbench/,
		],
	])('gives InvalidOperation.ChannelState the hint of its Device mode: %s', async (_mode, parameters, hint) => {
		const result = await runCccWorkflow({ items: [agent('dave@ccc-test')], parameters, credentials: credentialsFor(simulator()), onError: 'continueErrorOutput' });
		const details = result.errors[0]?.json.details as { code: string; hint: string; channelState: string; acceptedChannelStates: string[] };
		expect([details.code, details.channelState, details.acceptedChannelStates]).toEqual(['InvalidOperation.ChannelState', 'DISCONNECTED', ['CONNECTED']]);
		expect(details.hint).toMatch(hint);
	});
});

describe("docs/errors.md's error items for an agent who is not signed in and one on a call", () => {
	const simulator = useSimulator();
	const readme = readFileSync(path.join(__dirname, '../../docs/errors.md'), 'utf8');
	/** The JSON block that follows `lead` in docs/errors.md. */
	const blockAfter = (lead: string) => {
		const start = readme.indexOf('```json', readme.indexOf(lead)) + '```json'.length;
		return JSON.parse(readme.slice(start, readme.indexOf('```', start))) as { error: string; details: Record<string, unknown> };
	};
	const comparable = ({ error, details: { requestId: _requestId, itemIndex: _itemIndex, ...details } }: { error: unknown; details: Record<string, unknown> }) => ({
		error,
		details,
	});

	it('are what the node outputs for grace (OFFLINE, her desk phone registered) and carol (TALKING)', async () => {
		const result = await runCccWorkflow({
			items: [{ instanceId: 'ccc-test', userId: 'grace@ccc-test' }, { instanceId: 'ccc-test', userId: 'carol@ccc-test' }],
			parameters: { ...agentParameters, device: 'registeredDevice', deviceId: undefined },
			credentials: credentialsFor(simulator()),
			onError: 'continueErrorOutput',
		});
		const [offline, busy] = result.errors.map((item) => comparable(item.json as never));
		expect(offline).toEqual(comparable(blockAfter('An agent who has not signed in')));
		expect(busy).toEqual(comparable(blockAfter('An agent on a call:')));
	});
});
