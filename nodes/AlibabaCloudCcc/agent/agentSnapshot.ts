import type { IDataObject } from 'n8n-workflow';

import type { AgentStanding } from './agentEvents';
import type { AgentState } from './agentStates';

/** Where an agent stood at the last good poll, and whether its current break has fired Break Lasts Too Long. */
export interface StoredAgent extends AgentStanding {
	readonly longBreakFired: boolean;
}

/** What a trigger remembers between polls: what it watches (a new scope is a new baseline), and every agent's standing. */
export interface AgentSnapshot {
	readonly scope: string;
	readonly agents: ReadonlyMap<string, StoredAgent>;
}

/**
 * The snapshot as n8n stores it (static data, JSON with the workflow): about 20 bytes per agent besides its name. An
 * ID of the watched instance (`name@instance`, as CCC gives them) is kept as its name; a standing is one text:
 * the state's letter (or `[TEXT]`, percent-encoded, for a state the table does not know), the break code's index in
 * `codes`, a dot, the state time's offset from `base` in ms (base 36), and `!` once Break Lasts Too Long has fired for
 * that break.
 */
interface StoredSnapshot extends IDataObject {
	v: 1;
	scope: string;
	base: number;
	codes: string[];
	agents: Record<string, string>;
}

const LETTERS: Readonly<Record<AgentState, string>> = {
	OFFLINE: 'O',
	READY: 'R',
	BREAK: 'B',
	RINGING: 'G',
	DIALING: 'D',
	TALKING: 'T',
	WORKING: 'W',
};
const STATES_BY_LETTER = new Map(Object.entries(LETTERS).map(([state, letter]) => [letter, state]));
const STANDING = /^([A-Z]|\[[^\]]*\])(\d*)\.(-?[0-9a-z]+)(!?)$/;

/**
 * An agent's key: its name when the ID is `name@instance` of the watched instance (and the name cannot be taken for
 * the other form), else `=` and the whole ID.
 */
function storedName(agentId: string, suffix: string): string {
	const name = agentId.slice(0, -suffix.length);
	return agentId.endsWith(suffix) && name !== '' && !name.includes('@') && !name.startsWith('=') ? name : `=${agentId}`;
}

const agentIdOf = (name: string, suffix: string) => (name.startsWith('=') ? name.slice(1) : `${name}${suffix}`);

/** A state the table does not know, as `[TEXT]` stored it; an undecodable one (static data edited by hand) is none. */
function unknownState(letter: string): string {
	try {
		return decodeURIComponent(letter.slice(1, -1));
	} catch {
		return '';
	}
}

const letterOf = (state: string) => LETTERS[state as AgentState] ?? `[${encodeURIComponent(state)}]`;

export function encodeSnapshot({ scope, agents }: AgentSnapshot, instanceId: string): StoredSnapshot {
	const suffix = `@${instanceId}`;
	const base = Math.min(...[...agents.values()].map((agent) => agent.stateTime), Number.MAX_SAFE_INTEGER);
	const codes: string[] = [];
	const codeIndex = new Map<string, number>();
	// No prototype: an agent named `__proto__` is an agent like any other.
	const stored: Record<string, string> = Object.create(null) as Record<string, string>;
	for (const [agentId, agent] of agents) {
		let code = '';
		if (agent.breakCode) {
			if (!codeIndex.has(agent.breakCode)) codeIndex.set(agent.breakCode, codes.push(agent.breakCode) - 1);
			code = String(codeIndex.get(agent.breakCode));
		}
		stored[storedName(agentId, suffix)] = `${letterOf(agent.state)}${code}.${(agent.stateTime - base).toString(36)}${agent.longBreakFired ? '!' : ''}`;
	}
	return { v: 1, scope, base: agents.size > 0 ? base : 0, codes, agents: stored };
}

const isStored = (value: unknown): value is StoredSnapshot => {
	const stored = value as Partial<StoredSnapshot> | undefined;
	return stored?.v === 1 && typeof stored.scope === 'string' && typeof stored.base === 'number' && Array.isArray(stored.codes) && typeof stored.agents === 'object' && stored.agents !== null;
};

/** The snapshot in static data, or undefined when there is none (or one this version cannot read: a new baseline). */
export function decodeSnapshot(value: unknown, instanceId: string): AgentSnapshot | undefined {
	if (!isStored(value)) return undefined;
	const agents = new Map<string, StoredAgent>();
	for (const [name, text] of Object.entries(value.agents)) {
		const match = STANDING.exec(String(text));
		if (!match) return undefined;
		const [, letter, code, offset, fired] = match;
		agents.set(agentIdOf(name, `@${instanceId}`), {
			state: STATES_BY_LETTER.get(letter) ?? unknownState(letter),
			breakCode: code === '' ? '' : (value.codes[Number(code)] ?? ''),
			stateTime: value.base + parseInt(offset, 36),
			longBreakFired: fired === '!',
		});
	}
	return { scope: value.scope, agents };
}
