import { moveAgent, type AgentStatus } from '../../simulator/agentStateMachine';
import { ApiFailure } from '../../simulator/apiFailure';

const refusalOf = (agent: AgentStatus, action: string, params: Record<string, string> = {}): ApiFailure | undefined => {
	try {
		moveAgent(agent, action, params);
		return undefined;
	} catch (error) {
		return error as ApiFailure;
	}
};

describe("the simulator's agent state machine (agent-states.md)", () => {
	it.each(['BREAK', 'READY', 'WORKING'] as const)('ReadyForService readies a %s agent and clears the break code', (state) => {
		const agent: AgentStatus = { state, breakCode: state === 'BREAK' ? 'Warm-up' : '' };
		expect(refusalOf(agent, 'ReadyForService')).toBeUndefined();
		expect(agent).toEqual({ state: 'READY', breakCode: '' });
	});

	it.each(['OFFLINE', 'RINGING', 'DIALING', 'TALKING'] as const)("ReadyForService refuses a %s agent as CCC does, and leaves the agent's state", (state) => {
		const agent: AgentStatus = { state };
		const refusal = refusalOf(agent, 'ReadyForService');
		expect(refusal).toBeInstanceOf(ApiFailure);
		expect([refusal!.status, refusal!.code, refusal!.message, refusal!.params, refusal!.gateway]).toEqual([
			400,
			'InvalidOperation.UserState',
			`The operation is not allowed. User state (${state}) does not meet expectations (BREAK,READY,WORKING).`,
			[state, 'BREAK,READY,WORKING'],
			false,
		]);
		expect(agent).toEqual({ state });
	});

	it('refuses a signed-in agent whose workstation lost its channel with InvalidOperation.ChannelState', () => {
		const agent: AgentStatus = { state: 'BREAK', breakCode: 'Warm-up', channelBroken: true };
		const refusal = refusalOf(agent, 'ReadyForService');
		expect([refusal?.code, refusal?.message, refusal?.params]).toEqual([
			'InvalidOperation.ChannelState',
			'The operation is not allowed. Channel stats (DISCONNECTED) does not meet expectations (CONNECTED).',
			['DISCONNECTED', 'CONNECTED'],
		]);
		expect(agent.state).toBe('BREAK');
	});

	it('signs an OFFLINE agent in to BREAK (Warm-up), after which ReadyForService readies them', () => {
		const agent: AgentStatus = { state: 'OFFLINE' };
		expect(refusalOf(agent, 'SignInGroup', { DeviceId: 'dev-1' })?.message).toBe(
			'The input parameter "SignedSkillGroupIdList" that is mandatory for processing this request is not supplied.',
		);
		expect(refusalOf(agent, 'SignInGroup', { DeviceId: 'dev-1', SignedSkillGroupIdList: '["skg-1"]' })).toBeUndefined();
		expect(agent).toEqual({ state: 'BREAK', breakCode: 'Warm-up' });
		expect(refusalOf(agent, 'SignInGroup', { DeviceId: 'dev-1', SignedSkillGroupIdList: '["skg-1"]' })?.params).toEqual(['BREAK', 'OFFLINE']);
		expect(refusalOf(agent, 'ReadyForService')).toBeUndefined();
		expect(agent.state).toBe('READY');
	});
});
