/**
 * The states CCC 2020-07-01 keeps an agent in: the spelling of action answers (`Data.UserState`, the key), the
 * spelling of the realtime report and its filters (`State`, `StateList`), what the state means, and, for the states
 * that explain a refusal on their own, what to do. The simulator, the node's hints and the README read this table.
 */
export interface AgentStateInfo {
	readonly report: string;
	readonly meaning: string;
	readonly hint?: string;
	/** A call is offered, being dialled or in progress: the state ends with the call. */
	readonly onCall?: true;
}

/** Break codes CCC sets itself (it has others, such as RingingTimeout, that nothing here needs). */
export const SYSTEM_BREAK_CODES = {
	/** Just went online, not yet ready: where the workbench leaves an agent who signs in. */
	warmUp: 'Warm-up',
} as const;

/** What an agent who is not signed in does first, whatever the action. */
export const SIGN_IN_FIRST = 'the agent signs in to the CCC workbench (or app) first, then run again';

const TABLE = {
	OFFLINE: {
		report: 'Offline',
		meaning: 'not signed in (not online in any skill group)',
		hint: `The agent is not signed in: ${SIGN_IN_FIRST}; readying does not sign an agent in`,
	},
	READY: { report: 'Ready', meaning: 'idle; calls are routed to the agent' },
	BREAK: { report: 'Break', meaning: `on a break; just signed in (break code ${SYSTEM_BREAK_CODES.warmUp}), or a break of their own (lunch, meeting)` },
	RINGING: { report: 'Ringing', meaning: 'a call is offered', hint: 'The agent is on a call (a call is ringing): run it again after the call', onCall: true },
	DIALING: { report: 'Dialing', meaning: 'dialling out', hint: 'The agent is on a call (dialling out): run it again after the call', onCall: true },
	TALKING: { report: 'Talking', meaning: 'in a call', hint: 'The agent is on a call: run it again after the call', onCall: true },
	WORKING: { report: 'ACW', meaning: 'after-call work' },
} as const satisfies Readonly<Record<string, AgentStateInfo>>;

export type AgentState = keyof typeof TABLE;

export const AGENT_STATES: Readonly<Record<AgentState, AgentStateInfo>> = TABLE;

export const AGENT_STATE_NAMES = Object.keys(TABLE) as AgentState[];

export const ON_CALL_STATES: readonly AgentState[] = AGENT_STATE_NAMES.filter((state) => AGENT_STATES[state].onCall);


/**
 * The state a text names, in either of CCC's spellings and any case (CCC's own examples mix them: `"Ready"`,
 * `ACW`); undefined for a text that names none.
 */
export function agentStateOf(text: string): AgentState | undefined {
	const wanted = text.trim().toUpperCase();
	return AGENT_STATE_NAMES.find((state) => state === wanted || AGENT_STATES[state].report.toUpperCase() === wanted);
}
