import type { AgentState } from './agentStates';

/**
 * Per state action, the states in which CCC's refusal (InvalidOperation.UserState) means that the agent already is
 * where the action leads: signed out, signed in, ready. From node version 2 on such an item is a success that says
 * so, not an error; so is a retry that meets the state its own earlier attempt produced when that answer was lost.
 * Refusals that need a person (a break for an agent who is not signed in, a sign-out during a call) stay errors.
 * TakeBreak is not here: CCC takes a break from an agent already on one, and its refusal does not name the code.
 */
export const ALREADY_THERE: Readonly<Record<string, readonly AgentState[]>> = {
	SignOutGroup: ['OFFLINE'],
	// Online and idle; an agent on a call stays an error, with the on-call hint.
	SignInGroup: ['READY', 'BREAK', 'WORKING'],
	ReadyForService: ['READY'],
};
