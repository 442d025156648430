/**
 * CCC Agent State Trigger through n8n-core's real PollContext against the simulator: a baseline first, each change
 * once, nothing lost when a poll fails, nothing twice.
 */
import type { IDataObject, INodeExecutionData, NodeParameterValueType } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { CURRENT_STATE_EVENT } from '../../nodes/AlibabaCloudCcc/AgentStateTrigger/watchAgentStates';
import { CccSimulator } from '../../simulator/cccSimulator';
import { addLoadInstance, DEMO_STS_KEY, demoDirectory, loadAgentId } from '../../simulator/directory';
import { triggerPoller } from '../../scripts/engine/pollTrigger';
import { credentialsFor } from '../harness/simulatorFixture';

const parameters = (extra: Record<string, NodeParameterValueType> = {}): Record<string, NodeParameterValueType> => ({
	instanceId: 'ccc-test',
	agents: 'all',
	triggerOn: ['stateChanged'],
	...extra,
});

const MINUTE = 60_000;

/** A simulator per test, on a directory of its own (tests move agents). */
function useFreshSimulator(options: ConstructorParameters<typeof CccSimulator>[0] = {}): () => CccSimulator {
	let simulator: CccSimulator | undefined;
	beforeEach(async () => {
		const directory = demoDirectory();
		addLoadInstance(directory, 250);
		simulator = new CccSimulator({ directory, ...options });
		await simulator.start();
	});
	afterEach(async () => await simulator?.stop());
	return () => simulator!;
}

const items = (output: INodeExecutionData[][] | null): IDataObject[] => (output ?? []).flat().map((item) => item.json);
const brief = (output: INodeExecutionData[][] | null) => items(output).map((item) => [item.AgentId, item.Event, item.PreviousState, item.State, item.BreakCode]);

describe("CCC Agent State Trigger through n8n's PollContext", () => {
	const simulator = useFreshSimulator();
	const poller = (extra: Record<string, NodeParameterValueType> = {}, pollBudgetMs?: number) =>
		triggerPoller({ parameters: parameters(extra), credentials: credentialsFor(simulator(), DEMO_STS_KEY), pollBudgetMs });
	/** Moves an agent `secondsAgo` before the gateway's now, so that the order of changes is known. */
	const move = (agentId: string, state: Parameters<CccSimulator['setAgentState']>[2], secondsAgo: number, breakCode = '', instanceId = 'ccc-test') =>
		simulator().setAgentState(instanceId, agentId, state, breakCode, Date.now() - secondsAgo * 1000);

	it('the first production poll records where every agent stands and emits nothing; a poll without changes returns null', async () => {
		const trigger = poller();
		expect(await trigger.poll()).toBeNull();
		expect(Object.keys((trigger.staticData().snapshot as { agents: object }).agents)).toHaveLength(8);
		expect(await trigger.poll()).toBeNull();
		expect(simulator().requests.map((entry) => [entry.action, entry.params.PageNumber, entry.params.PageSize, entry.params.StateList])).toEqual([
			['ListRealtimeAgentStates', '1', '100', undefined],
			['ListRealtimeAgentStates', '1', '100', undefined],
		]);
	});

	it('a later poll emits each change since the last good poll once, in the order the changes happened, with the previous and current standing', async () => {
		const trigger = poller();
		await trigger.poll();
		move('carol@ccc-test', 'WORKING', 30);
		move('alice@ccc-test', 'OFFLINE', 50);
		move('bob@ccc-test', 'BREAK', 10, 'lunch');
		const output = await trigger.poll();
		expect(brief(output)).toEqual([
			['alice@ccc-test', 'stateChanged', 'BREAK', 'OFFLINE', ''],
			['carol@ccc-test', 'stateChanged', 'TALKING', 'WORKING', ''],
			['bob@ccc-test', 'stateChanged', 'WORKING', 'BREAK', 'lunch'],
		]);
		const [alice] = items(output);
		expect(alice).toEqual({
			AgentId: 'alice@ccc-test',
			AgentName: 'Alice',
			Event: 'stateChanged',
			PreviousState: 'BREAK',
			PreviousBreakCode: 'Warm-up',
			State: 'OFFLINE',
			BreakCode: '',
			StateTime: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
			StateDurationSeconds: expect.any(Number),
			Extension: expect.any(String),
			SkillGroupIdList: ['skg-sales@ccc-test'],
			InstanceId: 'ccc-test',
		});
		expect(alice.StateDurationSeconds).toBeGreaterThanOrEqual(49);
		// The same changes are not news twice.
		expect(await trigger.poll()).toBeNull();
	});

	it('an agent who went READY → TALKING → READY between two polls has a new state time: a change', async () => {
		move('dave@ccc-test', 'READY', 600);
		const trigger = poller();
		await trigger.poll();
		move('dave@ccc-test', 'TALKING', 120);
		move('dave@ccc-test', 'READY', 5);
		expect(brief(await trigger.poll())).toEqual([['dave@ccc-test', 'stateChanged', 'READY', 'READY', '']]);
	});

	it('a poll that fails throws NodeApiError with CCC\'s code and HTTP status and keeps the snapshot, so the next good poll emits what changed meanwhile', async () => {
		const trigger = poller();
		await trigger.poll();
		const before = JSON.stringify(trigger.staticData());
		move('erin@ccc-test', 'READY', 40);
		simulator().faults = () => ({ kind: 'error', status: 403, code: 'Forbidden.RAM', message: 'User not authorized to operate on the specified resource.' });
		const failure = await trigger.poll().catch((error: unknown) => error);
		expect(failure).toBeInstanceOf(NodeApiError);
		expect(failure).toMatchObject({ message: expect.stringContaining('Forbidden.RAM'), httpCode: '403' });
		expect(JSON.stringify(trigger.staticData())).toBe(before);
		simulator().faults = () => undefined;
		move('frank@ccc-test', 'READY', 20);
		expect(brief(await trigger.poll())).toEqual([
			['erin@ccc-test', 'stateChanged', 'OFFLINE', 'READY', ''],
			['frank@ccc-test', 'stateChanged', 'OFFLINE', 'READY', ''],
		]);
	});

	it('Fetch Test Event returns the agents as they stand as sample events and never touches the snapshot', async () => {
		const trigger = poller();
		const sample = items(await trigger.poll('manual'));
		expect(sample).toHaveLength(8);
		expect(sample.every((item) => item.Event === CURRENT_STATE_EVENT && item.PreviousState === null)).toBe(true);
		expect(trigger.staticData()).toEqual({});
		await trigger.poll();
		const baseline = JSON.stringify(trigger.staticData());
		move('grace@ccc-test', 'READY', 5);
		await trigger.poll('manual');
		expect(JSON.stringify(trigger.staticData())).toBe(baseline);
		expect(brief(await trigger.poll())).toEqual([['grace@ccc-test', 'stateChanged', 'OFFLINE', 'READY', '']]);
	});

	it('changing Instance ID or Agents starts a new baseline', async () => {
		const trigger = poller();
		await trigger.poll();
		trigger.setParameters(parameters({ instanceId: 'ccc-load' }));
		move(loadAgentId(0), 'READY', 5, '', 'ccc-load');
		expect(await trigger.poll()).toBeNull();
		trigger.setParameters(parameters({ instanceId: 'ccc-load', agents: 'agentIds', agentIds: `${loadAgentId(1)},${loadAgentId(2)}` }));
		move(loadAgentId(1), 'READY', 5, '', 'ccc-load');
		expect(await trigger.poll()).toBeNull();
		move(loadAgentId(2), 'READY', 3, '', 'ccc-load');
		expect(brief(await trigger.poll())).toEqual([[loadAgentId(2), 'stateChanged', 'BREAK', 'READY', '']]);
	});

	it('agents added to or removed from the instance break nothing: the others\' changes still come once', async () => {
		const trigger = poller();
		await trigger.poll();
		const agents = simulator().directory.instances.get('ccc-test')!.agents;
		const erin = agents.get('erin@ccc-test')!;
		agents.delete('frank@ccc-test');
		agents.set('zoe@ccc-test', { ...erin, state: 'READY', stateTime: Date.now() });
		move('erin@ccc-test', 'READY', 5);
		expect(brief(await trigger.poll())).toEqual([['erin@ccc-test', 'stateChanged', 'OFFLINE', 'READY', '']]);
		move('zoe@ccc-test', 'BREAK', 1, 'lunch');
		expect(brief(await trigger.poll())).toEqual([['zoe@ccc-test', 'stateChanged', 'READY', 'BREAK', 'lunch']]);
	});

	it('each event fires on its change only, break events only for the Break Codes given', async () => {
		move('dave@ccc-test', 'READY', 600);
		const trigger = poller({ triggerOn: ['signedIn', 'signedOut', 'becameReady', 'breakStarted', 'callStarted', 'callEnded'], breakCodes: 'lunch' });
		await trigger.poll();
		move('erin@ccc-test', 'READY', 60); // signed in, became ready
		move('alice@ccc-test', 'OFFLINE', 50); // signed out
		move('bob@ccc-test', 'BREAK', 40, 'lunch'); // a break of a code given
		move('user-test@ccc-test', 'BREAK', 35, 'meeting'); // another break code: nothing
		move('dave@ccc-test', 'RINGING', 30); // a call starts
		move('carol@ccc-test', 'WORKING', 20); // a call ends
		expect(brief(await trigger.poll())).toEqual([
			['erin@ccc-test', 'signedIn', 'OFFLINE', 'READY', ''],
			['erin@ccc-test', 'becameReady', 'OFFLINE', 'READY', ''],
			['alice@ccc-test', 'signedOut', 'BREAK', 'OFFLINE', ''],
			['bob@ccc-test', 'breakStarted', 'WORKING', 'BREAK', 'lunch'],
			['dave@ccc-test', 'callStarted', 'READY', 'RINGING', ''],
			['carol@ccc-test', 'callEnded', 'TALKING', 'WORKING', ''],
		]);
	});

	describe("on the gateway's clock", () => {
		const ahead = useFreshSimulator({ clockOffsetMs: 90 * MINUTE });

		it('Break Lasts Too Long fires once per break, judged by the answer\'s Date, not this machine\'s clock', async () => {
			const trigger = triggerPoller({ parameters: parameters({ triggerOn: ['breakTooLong'], breakMinutes: 30, breakCodes: 'lunch' }), credentials: credentialsFor(ahead()) });
			const gatewayNow = () => Date.now() + 90 * MINUTE;
			// By this machine's clock the break began in the future; by the gateway's, 40 minutes ago.
			ahead().setAgentState('ccc-test', 'bob@ccc-test', 'BREAK', 'lunch', gatewayNow() - 40 * MINUTE);
			ahead().setAgentState('ccc-test', 'erin@ccc-test', 'BREAK', 'lunch', gatewayNow() - 10 * MINUTE);
			expect(await trigger.poll()).toBeNull();
			const output = items(await trigger.poll());
			expect(output.map((item) => [item.AgentId, item.Event, item.State, item.BreakCode])).toEqual([['bob@ccc-test', 'breakTooLong', 'BREAK', 'lunch']]);
			expect(output[0].StateDurationSeconds).toBeGreaterThanOrEqual(40 * 60);
			expect(output[0].StateDurationSeconds).toBeLessThan(41 * 60);
			expect(await trigger.poll()).toBeNull();
			// A new break is another break.
			ahead().setAgentState('ccc-test', 'bob@ccc-test', 'BREAK', 'lunch', gatewayNow() - 31 * MINUTE);
			expect(brief(await trigger.poll())).toEqual([['bob@ccc-test', 'breakTooLong', 'BREAK', 'BREAK', 'lunch']]);
		});
	});

	it('watches the members of a skill group, or the Agent IDs given (more than CCC takes at once, in calls of 20)', async () => {
		const group = poller({ agents: 'skillGroup', skillGroupId: 'skg-support@ccc-test' });
		await group.poll();
		move('bob@ccc-test', 'READY', 5);
		move('alice@ccc-test', 'READY', 4);
		expect(brief(await group.poll()).map(([agentId]) => agentId)).toEqual(['bob@ccc-test']);
		const ids = Array.from({ length: 45 }, (_, index) => loadAgentId(index));
		const listed = poller({ instanceId: 'ccc-load', agents: 'agentIds', agentIds: JSON.stringify(ids) });
		const before = simulator().requests.length;
		await listed.poll();
		expect(simulator().requests.slice(before).map((entry) => (JSON.parse(entry.params.AgentIdList) as string[]).length)).toEqual([20, 20, 5]);
	});

	it('holds no secret in its static data', async () => {
		const trigger = poller();
		await trigger.poll();
		move('erin@ccc-test', 'READY', 5);
		await trigger.poll();
		const stored = JSON.stringify(trigger.staticData());
		for (const secret of [DEMO_STS_KEY.accessKeySecret, DEMO_STS_KEY.securityToken]) expect(stored).not.toContain(secret);
	});

	describe('past what one poll can read', () => {
		const slow = useFreshSimulator({ latencyMs: 20 });

		it('stops paging before the poll budget runs out and says so; nothing is emitted and the snapshot stays', async () => {
			const trigger = triggerPoller({ parameters: parameters({ instanceId: 'ccc-load' }), credentials: credentialsFor(slow()), pollBudgetMs: 30 });
			const failure = await trigger.poll().catch((error: Error) => error);
			expect(String((failure as Error).message)).toMatch(/^The poll stopped after \d pages? of agents: one more would outlast the 0 s n8n gives a poll$/);
			expect(trigger.staticData()).toEqual({});
			expect(slow().requests.length).toBeLessThan(3);
		});
	});
});
