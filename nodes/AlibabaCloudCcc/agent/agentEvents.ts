import { AGENT_STATES, type AgentState } from './agentStates';

/** Where an agent stood at one look: its state (as action answers spell it), break code and when the state began. */
export interface AgentStanding {
	/** A state of the state table, or CCC's text for one it does not know. */
	readonly state: AgentState | string;
	readonly breakCode: string;
	/** When the state began, ms since the epoch (CCC's StateTime). */
	readonly stateTime: number;
}

const onCall = (state: string) => AGENT_STATES[state as AgentState]?.onCall === true;

/**
 * The events the CCC Agent State Trigger can fire on, what each means, and which change between two looks is one.
 * `Break Lasts Too Long` is not a change: it fires once per break, when the break has lasted the minutes set.
 */
const EVENTS = {
	stateChanged: {
		name: 'Any State Change',
		description: 'A new state, break code or state time: an agent who went READY → TALKING → READY between two polls changed too',
		isChange: () => true,
	},
	signedIn: { name: 'Signed In', description: 'The agent went online (was OFFLINE)', isChange: (before: AgentStanding, now: AgentStanding) => before.state === 'OFFLINE' && now.state !== 'OFFLINE' },
	signedOut: { name: 'Signed Out', description: 'The agent went OFFLINE', isChange: (before: AgentStanding, now: AgentStanding) => before.state !== 'OFFLINE' && now.state === 'OFFLINE' },
	becameReady: { name: 'Became Ready', description: 'The agent is READY: calls are routed to it', isChange: (_before: AgentStanding, now: AgentStanding) => now.state === 'READY' },
	breakStarted: {
		name: 'Break Started',
		description: 'The agent went on a break, or on another break code (only the Break Codes given, if any)',
		isChange: (before: AgentStanding, now: AgentStanding) => now.state === 'BREAK' && (before.state !== 'BREAK' || before.breakCode !== now.breakCode || before.stateTime !== now.stateTime),
	},
	breakTooLong: {
		name: 'Break Lasts Too Long',
		description: 'A break has lasted longer than Break Minutes (only the Break Codes given, if any): once per break',
		isChange: () => false,
	},
	callStarted: { name: 'Call Started', description: 'A call is ringing, being dialled or in progress (the agent was not on a call)', isChange: (before: AgentStanding, now: AgentStanding) => !onCall(before.state) && onCall(now.state) },
	callEnded: { name: 'Call Ended', description: 'The agent was on a call and is not any more (after-call work, ready, …)', isChange: (before: AgentStanding, now: AgentStanding) => onCall(before.state) && !onCall(now.state) },
} as const;

export type AgentEvent = keyof typeof EVENTS;

export interface AgentEventInfo {
	readonly name: string;
	readonly description: string;
	/** Whether the change from `before` to `now` is this event. */
	readonly isChange: (before: AgentStanding, now: AgentStanding) => boolean;
}

export const AGENT_EVENTS: Readonly<Record<AgentEvent, AgentEventInfo>> = EVENTS;

export const AGENT_EVENT_NAMES = Object.keys(EVENTS) as AgentEvent[];

/** Events that take the Break Codes filter. */
export const BREAK_EVENTS: readonly AgentEvent[] = ['breakStarted', 'breakTooLong'];

/** Whether two looks at an agent tell the same standing. */
export const sameStanding = (a: AgentStanding, b: AgentStanding): boolean => a.state === b.state && a.breakCode === b.breakCode && a.stateTime === b.stateTime;
