import { moveAgent, type AgentStatus } from '../../simulator/agentStateMachine';
import { ApiFailure } from '../../simulator/apiFailure';
import { addLoadInstance, demoDirectory, loadAgentId } from '../../simulator/directory';
import { listInstances, listSkillGroups, listSkillLevelsOfUser, listUsers } from '../../simulator/directoryLists';
import { getRealtimeInstanceStates, listRealtimeAgentStates } from '../../simulator/realtimeStates';

const refusalOf = (run: () => unknown): Pick<ApiFailure, 'status' | 'code' | 'message'> | undefined => {
	try {
		run();
		return undefined;
	} catch (error) {
		expect(error).toBeInstanceOf(ApiFailure);
		const { status, code, message } = error as ApiFailure;
		return { status, code, message };
	}
};

describe('the simulator: the rest of the shift (agent-states.md)', () => {
	it.each(['READY', 'BREAK', 'WORKING'] as const)('TakeBreak puts a %s agent on a break under its Code', (state) => {
		const agent: AgentStatus = { state, breakCode: 'Warm-up' };
		moveAgent(agent, 'TakeBreak', { Code: 'lunch' });
		expect(agent).toEqual({ state: 'BREAK', breakCode: 'lunch' });
	});

	it('TakeBreak requires a Code, as CCC does', () => {
		expect(refusalOf(() => moveAgent({ state: 'READY' }, 'TakeBreak', {}))).toMatchObject({ status: 400, code: 'MissingParameter' });
	});

	it.each(['READY', 'BREAK', 'WORKING'] as const)('SignOutGroup takes a %s agent OFFLINE', (state) => {
		const agent: AgentStatus = { state, breakCode: 'lunch' };
		moveAgent(agent, 'SignOutGroup', {});
		expect(agent).toEqual({ state: 'OFFLINE', breakCode: '' });
	});

	it.each(['TALKING', 'RINGING', 'DIALING', 'OFFLINE'] as const)('SignOutGroup refuses a %s agent and leaves it as it was', (state) => {
		const agent: AgentStatus = { state };
		expect(refusalOf(() => moveAgent(agent, 'SignOutGroup', {}))).toEqual({
			status: 400,
			code: 'InvalidOperation.UserState',
			message: `The operation is not allowed. User state (${state}) does not meet expectations (READY,BREAK,WORKING).`,
		});
		expect(agent.state).toBe(state);
	});

	describe('ListRealtimeAgentStates', () => {
		const directory = demoDirectory();
		addLoadInstance(directory, 150);
		const load = directory.instances.get('ccc-load')!;
		const list = (params: Record<string, string>) => listRealtimeAgentStates('ccc-load', load, params, { now: 2_000, since: 1_000 });

		it.each([
			[{ PageSize: '10' }, 'MissingParameter'],
			[{ PageNumber: '1' }, 'MissingParameter'],
			[{ PageNumber: '101', PageSize: '10' }, 'InvalidParameter'],
			[{ PageNumber: '1', PageSize: '101' }, 'InvalidParameter'],
			[{ PageNumber: '0', PageSize: '10' }, 'InvalidParameter'],
			[{ PageNumber: '1', PageSize: '10', AgentIdList: JSON.stringify(Array.from({ length: 21 }, (_, index) => loadAgentId(index))) }, 'InvalidParameter'],
			[{ PageNumber: '1', PageSize: '10', AgentIdList: 'agent-0001@ccc-load' }, 'InvalidParameter'],
			[{ PageNumber: '1', PageSize: '10', StateList: '["READY"]' }, 'InvalidParameter'],
		])('refuses %j with %s, as CCC does', (params, code) => {
			expect(refusalOf(() => list(params))?.code).toBe(code);
		});

		it('answers a page of the matching agents with the total', () => {
			const page = list({ PageNumber: '2', PageSize: '100' });
			expect(page).toMatchObject({ PageNumber: 2, PageSize: 100, TotalCount: 150 });
			expect((page.List as Array<{ AgentId: string }>).map((entry) => entry.AgentId)).toEqual(Array.from({ length: 50 }, (_, index) => loadAgentId(100 + index)));
		});

		it('takes 20 Agent IDs and the report states, answering in its own order', () => {
			const asked = Array.from({ length: 20 }, (_, index) => loadAgentId(19 - index));
			const page = list({ PageNumber: '1', PageSize: '100', AgentIdList: JSON.stringify(asked), StateList: '["Break"]' });
			expect((page.List as Array<{ AgentId: string }>).map((entry) => entry.AgentId)).toEqual([...asked].reverse());
			expect(list({ PageNumber: '1', PageSize: '100', StateList: '["Ready"]' }).TotalCount).toBe(0);
		});
	});

	describe('the directory listings', () => {
		const directory = demoDirectory();
		const instance = directory.instances.get('ccc-test')!;
		const listings: Record<string, (params: Record<string, string>) => unknown> = {
			ListInstances: (params) => listInstances(directory.instances, params),
			ListUsers: (params) => listUsers('ccc-test', instance, params),
			ListSkillGroups: (params) => listSkillGroups('ccc-test', instance, params),
			ListSkillLevelsOfUser: (params) => listSkillLevelsOfUser('alice@ccc-test', instance.agents.get('alice@ccc-test')!, params),
		};

		it.each(Object.keys(listings))('%s requires PageNumber and PageSize from 1 to 100, as the SDK marks them', (action) => {
			const list = listings[action];
			const wrong: Array<Record<string, string>> = [{ PageSize: '1' }, { PageNumber: '1' }, { PageNumber: '1', PageSize: '101' }];
			expect(wrong.map((params) => refusalOf(() => list(params))?.code)).toEqual([
				'MissingParameter',
				'MissingParameter',
				'InvalidParameter',
			]);
			expect(list({ PageNumber: '1', PageSize: '1' })).toMatchObject({ PageNumber: 1, PageSize: 1, List: [expect.any(Object)] });
		});
	});

	it("GetRealtimeInstanceStates counts the demo instance's agents by state and break code", () => {
		const directory = demoDirectory();
		expect(getRealtimeInstanceStates('ccc-test', directory.instances.get('ccc-test')!)).toMatchObject({
			InstanceId: 'ccc-test',
			TotalAgents: 8,
			LoggedInAgents: 5,
			ReadyAgents: 0,
			BreakingAgents: 3,
			TalkingAgents: 1,
			WorkingAgents: 1,
			BreakCodeDetailList: [{ BreakCode: 'Warm-up', Count: 3 }],
		});
	});
});
