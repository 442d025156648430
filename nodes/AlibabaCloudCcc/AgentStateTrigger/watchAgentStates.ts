import { createHash } from 'node:crypto';

import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { AGENT_EVENT_NAMES, AGENT_EVENTS, BREAK_EVENTS, sameStanding, type AgentEvent, type AgentStanding } from '../agent/agentEvents';
import { AGENT_IDS, readInstanceId, readOptionalSkillGroupId, SKILL_GROUP_ID, USER_ID_FORM, USER_ID_PATTERN } from '../agent/agentFields';
import { decodeSnapshot, encodeSnapshot, type StoredAgent } from '../agent/agentSnapshot';
import { agentStateOf } from '../agent/agentStates';
import { agentIdGroups, realtimePages, type RealtimeAgentPage } from '../agent/listRealtimeAgents';
import { MAX_AGENTS_PER_QUERY, REALTIME_LIMITS } from '../agent/realtimeAgentStates';
import { listPages } from '../execution/listPages';
import { backgroundCalls } from '../execution/runCccAction';
import { pollParameters, readTextList, readWholeNumber, type ParameterContext } from '../params/readParameter';
import { normalizeFields } from '../response/normalizeFields';
import {
	AGENT_SCOPES,
	AGENTS,
	BREAK_CODES,
	BREAK_MINUTES,
	BREAK_MINUTES_LIMITS,
	TRIGGER_ON,
	type AgentScope,
} from './agentStateTriggerFields';

/** What the trigger watches and fires on, as its fields say. */
interface Watch {
	readonly instanceId: string;
	readonly agentIds?: readonly string[];
	readonly skillGroupId?: string;
	readonly events: readonly AgentEvent[];
	/** Empty for every break code. */
	readonly breakCodes: ReadonlySet<string>;
	/** Infinity when Break Lasts Too Long is not watched. */
	readonly breakMinutes: number;
	/** Which agents are watched: a snapshot of other agents is no baseline for these. */
	readonly scope: string;
}

/** The event Fetch Test Event gives each agent: where it stands now, with no change. */
export const CURRENT_STATE_EVENT = 'currentState';

/** What n8n gives a poll when it says nothing (n8n-core's PollContext default). */
const DEFAULT_POLL_BUDGET_MS = 5 * 60_000;

/** Where the snapshot lives in the node's static data. */
const SNAPSHOT_KEY = 'snapshot';

function invalid(context: ParameterContext, message: string, description: string): NodeOperationError {
	return new NodeOperationError(context.getNode(), message, { description });
}

function readWatch(context: ParameterContext): Watch {
	const instanceId = readInstanceId(context, 0);
	const scope = context.getNodeParameter(AGENTS.name, 0, AGENT_SCOPES.all) as AgentScope;
	if (!Object.values(AGENT_SCOPES).includes(scope)) throw invalid(context, `${AGENTS.displayName} is "${String(scope)}"`, 'Choose All Agents, Agent IDs or Skill Group');
	const agentIds = scope === AGENT_SCOPES.agentIds ? readTextList(context, AGENT_IDS, 0, USER_ID_PATTERN, USER_ID_FORM) : undefined;
	if (agentIds?.length === 0) throw invalid(context, `${AGENT_IDS.displayName} is empty`, `List the agents to watch, e.g. ${AGENT_IDS.example}, or choose All Agents`);
	if (agentIds && agentIds.length > MAX_AGENTS_PER_QUERY) {
		throw invalid(context, `${AGENT_IDS.displayName} holds ${agentIds.length} agents`, `Watch at most ${MAX_AGENTS_PER_QUERY}, or a skill group`);
	}
	const skillGroupId = scope === AGENT_SCOPES.skillGroup ? readOptionalSkillGroupId(context, 0) : undefined;
	if (scope === AGENT_SCOPES.skillGroup && !skillGroupId) {
		throw invalid(context, `${SKILL_GROUP_ID.displayName} is empty`, `Choose the skill group whose members to watch, e.g. ${SKILL_GROUP_ID.example}, or choose All Agents`);
	}
	const events = readTextList(context, TRIGGER_ON, 0, /\S/, 'an event').map((event) => {
		if (AGENT_EVENT_NAMES.includes(event as AgentEvent)) return event as AgentEvent;
		throw invalid(context, `${TRIGGER_ON.displayName} holds "${event}", which is not an event`, `Use ${AGENT_EVENT_NAMES.join(', ')}`);
	});
	if (events.length === 0) throw invalid(context, `${TRIGGER_ON.displayName} is empty`, `Choose at least one event, e.g. ${AGENT_EVENTS.stateChanged.name}`);
	const watchesBreaks = events.some((event) => BREAK_EVENTS.includes(event));
	const breakCodes = watchesBreaks ? readTextList(context, BREAK_CODES, 0, /\S/, 'a break code') : [];
	const breakMinutes = events.includes('breakTooLong') ? readWholeNumber(context, BREAK_MINUTES, 0, BREAK_MINUTES_LIMITS.min, BREAK_MINUTES_LIMITS.max) : Number.POSITIVE_INFINITY;
	const watched = JSON.stringify([instanceId, scope, agentIds ? [...agentIds].sort() : skillGroupId ?? '']);
	return {
		instanceId,
		agentIds,
		skillGroupId,
		events,
		breakCodes: new Set(breakCodes),
		breakMinutes,
		scope: createHash('sha256').update(watched).digest('base64url').slice(0, 16),
	};
}

/** An agent as one poll saw it: the report's entry, and its standing. */
interface Seen {
	readonly entry: IDataObject;
	readonly standing: AgentStanding;
}

function standingOf(entry: IDataObject): AgentStanding {
	const reported = String(entry.State ?? '');
	const state = agentStateOf(reported) ?? reported.toUpperCase();
	// A break code means something only on a break; CCC may leave the last one beside other states.
	// Whole milliseconds, as CCC sends them (the answer's shape check refuses a StateTime that is no number).
	return { state, breakCode: state === 'BREAK' ? String(entry.BreakCode ?? '') : '', stateTime: Math.trunc(Number(entry.StateTime ?? 0)) };
}

/**
 * Every watched agent, read whole (pages of 100 without a state filter, so that no state change moves an agent past
 * a page boundary), and the gateway's time of the last answer. Paging stops before n8n's budget for a poll runs out.
 */
async function readAgents(context: IPollFunctions, watch: Watch): Promise<{ seen: Map<string, Seen>; gatewayTime: number }> {
	const calls = backgroundCalls(context);
	// An n8n that sets no budget for a poll (1.x) gives it n8n-core's default.
	const budgetMs = typeof context.getPollBudgetMs === 'function' ? context.getPollBudgetMs() : DEFAULT_POLL_BUDGET_MS;
	const started = Date.now();
	let pagesRead = 0;
	let gatewayTime = Date.now();
	const withinBudget = (fetchPage: ReturnType<typeof realtimePages>) => async (pageNumber: number, pageSize: number): Promise<RealtimeAgentPage> => {
		const elapsed = Date.now() - started;
		if (pagesRead > 0 && elapsed + elapsed / pagesRead > budgetMs) {
			throw new NodeOperationError(context.getNode(), `The poll stopped after ${pagesRead} pages of agents: one more would outlast the ${Math.round(budgetMs / 1000)} s n8n gives a poll`, {
				description: 'Nothing was emitted and the snapshot is as before, so the next good poll emits what changed meanwhile. Watch fewer agents: a skill group, or Agent IDs.',
			});
		}
		const page = await fetchPage(pageNumber, pageSize);
		pagesRead++;
		gatewayTime = page.gatewayTime;
		return page;
	};
	const seen = new Map<string, Seen>();
	for (const agentIds of agentIdGroups(watch.agentIds)) {
		const { entries } = await listPages(context.getNode(), 0, withinBudget(realtimePages(calls, { instanceId: watch.instanceId, skillGroupId: watch.skillGroupId, agentIds })), {
			pageSize: REALTIME_LIMITS.maxPageSize,
			maxPageNumber: REALTIME_LIMITS.maxPageNumber,
			wanted: Number.POSITIVE_INFINITY,
			keyOf: (agent) => String(agent.AgentId),
			noun: 'agents',
			narrowing: 'Watch fewer agents: a skill group, or Agent IDs',
		});
		for (const entry of entries) seen.set(String(entry.AgentId), { entry, standing: standingOf(entry) });
	}
	return { seen, gatewayTime };
}

/** The fields of an event item, in their order. */
export const EVENT_ITEM_FIELDS = [
	'AgentId',
	'AgentName',
	'Event',
	'PreviousState',
	'PreviousBreakCode',
	'State',
	'BreakCode',
	'StateTime',
	'StateDurationSeconds',
	'Extension',
	'SkillGroupIdList',
	'InstanceId',
] as const;

/** One output item: the agent now, the event, and where it stood at the last poll. */
function eventItem(watch: Watch, event: string, { entry, standing }: Seen, before: AgentStanding | undefined, gatewayTime: number): Record<(typeof EVENT_ITEM_FIELDS)[number], IDataObject[string]> {
	const { SkillGroupIdList } = normalizeFields({ SkillGroupIdList: entry.SkillGroupIdList }, { SkillGroupIdList: 'stringList' });
	return {
		AgentId: entry.AgentId,
		AgentName: entry.AgentName ?? '',
		Event: event,
		PreviousState: before?.state ?? null,
		PreviousBreakCode: before ? before.breakCode : null,
		State: standing.state,
		BreakCode: standing.breakCode,
		StateTime: new Date(standing.stateTime).toISOString(),
		StateDurationSeconds: Math.max(0, Math.floor((gatewayTime - standing.stateTime) / 1000)),
		Extension: entry.Extension ?? '',
		SkillGroupIdList,
		InstanceId: entry.InstanceId ?? watch.instanceId,
	};
}

const onBreakOfInterest = (watch: Watch, standing: AgentStanding) =>
	standing.state === 'BREAK' && (watch.breakCodes.size === 0 || watch.breakCodes.has(standing.breakCode));

/** The events since the last poll, in the order they happened, and what to remember for the next one. */
function changesSince(watch: Watch, stored: ReadonlyMap<string, StoredAgent>, seen: ReadonlyMap<string, Seen>, gatewayTime: number) {
	const events: Array<{ readonly at: number; readonly order: number; readonly item: IDataObject }> = [];
	const next = new Map<string, StoredAgent>();
	const longBreakMs = watch.breakMinutes * 60_000;
	for (const [agentId, agent] of seen) {
		const before = stored.get(agentId);
		const { standing } = agent;
		const unchanged = before !== undefined && sameStanding(before, standing);
		let longBreakFired = unchanged && before.longBreakFired;
		// An agent new to the snapshot (added to the instance or the group) has no change to tell yet.
		if (before && !unchanged) {
			for (const event of watch.events) {
				const { isChange } = AGENT_EVENTS[event];
				if (!isChange(before, standing) || (BREAK_EVENTS.includes(event) && !onBreakOfInterest(watch, standing))) continue;
				events.push({ at: standing.stateTime, order: AGENT_EVENT_NAMES.indexOf(event), item: eventItem(watch, event, agent, before, gatewayTime) });
			}
		}
		if (before && watch.events.includes('breakTooLong') && !longBreakFired && onBreakOfInterest(watch, standing) && gatewayTime - standing.stateTime > longBreakMs) {
			longBreakFired = true;
			events.push({ at: standing.stateTime + longBreakMs, order: AGENT_EVENT_NAMES.indexOf('breakTooLong'), item: eventItem(watch, 'breakTooLong', agent, before, gatewayTime) });
		}
		next.set(agentId, { ...standing, longBreakFired });
	}
	events.sort((a, b) => a.at - b.at || String(a.item.AgentId).localeCompare(String(b.item.AgentId)) || a.order - b.order);
	return { items: events.map(({ item }) => item), next };
}

/**
 * One poll: where every watched agent stands, against the snapshot of the last good poll. The first poll (and the
 * first after Instance ID or Agents change) records a baseline and emits nothing; later ones emit each change once and
 * remember where agents stand. A poll that fails throws and leaves the snapshot as it was. Fetch Test Event returns
 * the agents as they stand and leaves the snapshot alone.
 */
export async function watchAgentStates(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
	const watch = readWatch(pollParameters(this));
	const { seen, gatewayTime } = await readAgents(this, watch);
	if (this.getMode() === 'manual') {
		const items = [...seen.values()].map((agent) => ({ json: eventItem(watch, CURRENT_STATE_EVENT, agent, undefined, gatewayTime) }));
		return items.length > 0 ? [items] : null;
	}
	const staticData = this.getWorkflowStaticData('node');
	const snapshot = decodeSnapshot(staticData[SNAPSHOT_KEY], watch.instanceId);
	const stored = snapshot?.scope === watch.scope ? snapshot.agents : undefined;
	const { items, next } = changesSince(watch, stored ?? new Map(), seen, gatewayTime);
	staticData[SNAPSHOT_KEY] = encodeSnapshot({ scope: watch.scope, agents: next }, watch.instanceId);
	return stored && items.length > 0 ? [items.map((json) => ({ json }))] : null;
}
