import { SYSTEM_BREAK_CODES, type AgentState } from '../nodes/AlibabaCloudCcc/agent/agentStates';
import { ApiFailure, missingParameter } from './apiFailure';

/**
 * How CCC moves an agent (see agent-states.md): one row per action that changes an agent's state. An action the
 * simulator should know is a row here; the simulator answers it with the agent's context as `Data`.
 */
export interface AgentTransition {
	/** The states CCC accepts, in the order its refusal lists them. */
	readonly from: readonly AgentState[];
	readonly to: AgentState;
	/** The break code the agent has afterwards (with `to: 'BREAK'`); none otherwise. */
	readonly breakCode?: (params: Readonly<Record<string, string>>) => string;
	/** Parameters CCC requires besides InstanceId. */
	readonly required?: readonly string[];
	/** Whether the agent's workstation must be connected (else InvalidOperation.ChannelState). */
	readonly needsChannel?: boolean;
	/** Whether `DeviceId` must be a registration of the agent's that has not lapsed (else InvalidOperation.DeviceState). */
	readonly needsRegisteredDevice?: boolean;
	/** Whether the answer adds `Heartbeat`, `Reserved` and `Mobile` to the agent's context (per the SDK's models). */
	readonly answersSession?: boolean;
}

export const AGENT_TRANSITIONS: Readonly<Record<string, AgentTransition>> = {
	// The workbench's sign-in: online, on break until readied.
	SignInGroup: {
		from: ['OFFLINE'],
		to: 'BREAK',
		breakCode: () => SYSTEM_BREAK_CODES.warmUp,
		required: ['DeviceId', 'SignedSkillGroupIdList'],
		needsChannel: true,
		needsRegisteredDevice: true,
	},
	// Reported by Alibaba's developer community: an OFFLINE agent is refused; readying does not sign in.
	ReadyForService: { from: ['BREAK', 'READY', 'WORKING'], to: 'READY', needsChannel: true },
	// READY is documented; the other idle states (a break under another code, after-call work) are assumed alike.
	TakeBreak: { from: ['READY', 'BREAK', 'WORKING'], to: 'BREAK', breakCode: (params) => params.Code, required: ['Code'], answersSession: true },
	// The end of a shift: refused during a call (InvalidOperation.UserState), and for an agent not signed in.
	SignOutGroup: { from: ['READY', 'BREAK', 'WORKING'], to: 'OFFLINE', answersSession: true },
};

/** What the simulator keeps of an agent that the state machine reads and moves. */
export interface AgentStatus {
	state: AgentState;
	breakCode?: string;
	/** When the agent entered its state (ms since the epoch, the gateway's clock); unset: when the simulator started. */
	stateTime?: number;
	/** A workstation that cannot take calls. */
	readonly channelBroken?: boolean;
}

/** CCC's refusal of an action for an agent in the wrong state: HTTP 400, its message format, `Params: [actual, accepted]`. */
export function userStateRefusal(actual: string, accepted: readonly string[]): ApiFailure {
	const expected = accepted.join(',');
	return new ApiFailure(400, 'InvalidOperation.UserState', `The operation is not allowed. User state (${actual}) does not meet expectations (${expected}).`, false, [actual, expected]);
}

/** The same for the workstation's channel ("stats" is CCC's spelling). */
export function channelStateRefusal(actual: string, accepted: readonly string[]): ApiFailure {
	const expected = accepted.join(',');
	return new ApiFailure(400, 'InvalidOperation.ChannelState', `The operation is not allowed. Channel stats (${actual}) does not meet expectations (${expected}).`, false, [actual, expected]);
}

/** The same for the workstation itself: not registered (the softphone or SIP phone is not online). */
export function deviceStateRefusal(actual: string, accepted: readonly string[]): ApiFailure {
	const expected = accepted.join(',');
	return new ApiFailure(400, 'InvalidOperation.DeviceState', `The operation is not allowed. Device state (${actual}) does not meet expectations (${expected}).`, false, [actual, expected]);
}

/** Moves `agent` as `action` does (`deviceRegistered`: whether the DeviceId sent is live), or throws CCC's refusal and leaves the agent as it was. */
export function moveAgent(agent: AgentStatus, action: string, params: Readonly<Record<string, string>>, deviceRegistered = true): void {
	const transition = AGENT_TRANSITIONS[action];
	for (const name of transition.required ?? []) if (!params[name]) throw missingParameter(name);
	if (!transition.from.includes(agent.state)) throw userStateRefusal(agent.state, transition.from);
	if (transition.needsRegisteredDevice && !deviceRegistered) throw deviceStateRefusal('OFFLINE', ['ONLINE']);
	if (transition.needsChannel && agent.channelBroken) throw channelStateRefusal('DISCONNECTED', ['CONNECTED']);
	agent.state = transition.to;
	agent.breakCode = transition.to === 'BREAK' ? (transition.breakCode?.(params) ?? '') : '';
}
