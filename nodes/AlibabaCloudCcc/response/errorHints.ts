import { AGENT_STATES, agentStateOf, SIGN_IN_FIRST, type AgentState } from '../agent/agentStates';
import type { StateRefusal } from './stateRefusal';

/** What the node knows of a call beyond CCC's answer that changes the advice. */
export interface HintContext {
	/** Where the Device ID the call sent came from: the Device ID field, or CCC's ListDevices (the agent's registered device). */
	readonly deviceFrom?: 'field' | 'lookup';
	/** Whether the call loads a picker's list in the editor, where By ID still works without it. */
	readonly picker?: boolean;
}

/** Everything a hint may depend on: the API that failed, the states of a state refusal, and the call's context. */
export interface HintFacts extends HintContext {
	readonly action: string;
	readonly refusal?: StateRefusal;
}

const orList = (states: readonly string[]) => (states.length > 1 ? `${states.slice(0, -1).join(', ')} or ${states.at(-1)}` : (states[0] ?? ''));

/** Where a state's own hint (written for readying) would mislead for another action. */
const ACTION_STATE_HINTS: Readonly<Record<string, Partial<Record<AgentState, string>>>> = {
	SignOutGroup: { OFFLINE: 'The agent is already signed out (OFFLINE): nothing to do' },
	TakeBreak: { OFFLINE: `The agent is not signed in: only a signed-in agent takes a break; ${SIGN_IN_FIRST}` },
};

/** OFFLINE and the call states explain themselves (see AGENT_STATES); for the rest, what CCC expected. */
function userStateHint({ action, refusal }: HintFacts): string {
	const state = refusal && agentStateOf(refusal.actual);
	const ownHint = state && (ACTION_STATE_HINTS[action]?.[state] ?? AGENT_STATES[state].hint);
	if (ownHint) return ownHint;
	if (!refusal?.actual) return `The agent's state does not allow ${action} (see the message for the state CCC reported): run it again when the agent is ${orList(refusal?.accepted ?? []) || 'available'}`;
	const meaning = state ? ` (${AGENT_STATES[state].meaning})` : '';
	const accepted = refusal.accepted.length > 0 ? `only for an agent who is ${orList(refusal.accepted)}` : 'not in this state';
	return `The agent is ${refusal.actual}${meaning}; CCC accepts ${action} ${accepted}`;
}

function channelStateHint({ refusal, deviceFrom }: HintFacts): string {
	const channel = refusal?.actual ? ` (its channel is ${refusal.actual})` : '';
	if (deviceFrom === 'lookup') {
		return `The workstation ListDevices found for the agent cannot take calls${channel}: the agent signs in again on the CCC workbench (or app, or SIP phone), then run again`;
	}
	if (deviceFrom === 'field') {
		return `The workstation given as Device ID cannot take calls${channel}: check that it is the one the agent is signed in on (or let the node look it up with Device: Agent's Registered Device), or have the agent sign in on it again`;
	}
	return `The agent's workstation cannot take calls${channel}: the agent signs in again on the CCC workbench (or app, or SIP phone), then run again`;
}

/** What a user can do about the Alibaba codes people actually hit. */
const HINTS: ReadonlyArray<readonly [RegExp, (facts: HintFacts) => string]> = [
	[
		/^InvalidOperation\.DeviceState$/,
		() => "The agent's workstation is not online: the agent opens the CCC workbench (or the app, or the SIP phone) and signs in to it, then run again",
	],
	[/^NotExists\.InstanceId$/, () => 'Check the Instance ID, and that the credential\'s Region or Custom Endpoint is where that instance lives'],
	[/^NotExists\.UserId$/, () => 'Check that the User ID (name@instance) exists in this instance, and the credential\'s Region'],
	[/^NotExists\./, () => 'Check the IDs in the node\'s fields, and the credential\'s Region'],
	[/^InvalidOperation\.UserState$/, userStateHint],
	[/^InvalidOperation\.ChannelState$/, channelStateHint],
	[/^InvalidAccessKeyId\./, () => 'The AccessKey ID is unknown or disabled: check the AccessKey ID in the credential, and that the key is active in the RAM console'],
	[/^(SignatureDoesNotMatch|IncompleteSignature)$/, () => 'Check the AccessKey Secret in the credential (copy it again, without spaces); behind a proxy, try Signature Version V1'],
	[/^(Forbidden|NoPermission)/, ({ action }) => `The RAM user or role lacks permission: grant it ccc:${action} (for example with the AliyunCCCFullAccess policy)`],
	[/^InvalidTimeStamp\./, () => 'This machine\'s clock is off by more than 15 minutes: synchronise it (NTP)'],
	[/^SignatureNonceUsed$/, () => 'The gateway saw this request twice: run the node again'],
	[/^Throttling/, () => 'Alibaba Cloud is limiting the request rate: send fewer requests per second, or try again later'],
	[/^(InternalError|ServiceUnavailable|UnknownError)$/, () => 'A temporary failure at Alibaba Cloud: try again later'],
	[/^(MissingParameter|InvalidParameter)/, () => 'Check the values of the node\'s fields'],
];

export function errorHint(code: string, facts: HintFacts): string | undefined {
	const hint = HINTS.find(([pattern]) => pattern.test(code))?.[1](facts);
	return facts.picker ? [hint, 'Meanwhile, choose By ID and type the ID'].filter(Boolean).join('. ') : hint;
}
