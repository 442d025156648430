import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { AGENT_IDS, readInstanceId, readOptionalSkillGroupId, USER_ID_FORM, USER_ID_PATTERN } from '../agent/agentFields';
import { agentStateOf, AGENT_STATES } from '../agent/agentStates';
import { agentIdGroups, realtimePages, type RealtimeAgentPage } from '../agent/listRealtimeAgents';
import { MAX_AGENTS_PER_QUERY, REALTIME_LIMITS } from '../agent/realtimeAgentStates';
import { listPages, type Listing } from '../execution/listPages';
import { runCccCalls, type CccItemCalls } from '../execution/runCccAction';
import { readBoolean, readTextList, readWholeNumber } from '../params/readParameter';
import type { CccEnvelope } from '../response/cccEnvelope';
import {
	LIMIT,
	RETURN_ALL,
	STATES,
} from './listRealtimeAgentStatesFields';

/** What one item asks for. */
interface Query {
	readonly instanceId: string;
	readonly agentIds: readonly string[];
	/** Report spellings (`Ready`, `ACW`), as StateList takes them. */
	readonly states: readonly string[];
	readonly skillGroupId?: string;
	/** How many agents at most; Infinity with Return All. */
	readonly wanted: number;
}

const STATE_FORM = `one of ${Object.values(AGENT_STATES)
	.map((state) => state.report)
	.join(', ')}`;

function readQuery(context: IExecuteFunctions, itemIndex: number): Query {
	const instanceId = readInstanceId(context, itemIndex);
	const agentIds = readTextList(context, AGENT_IDS, itemIndex, USER_ID_PATTERN, USER_ID_FORM);
	// Either spelling, any case, is taken; CCC's filter wants the report spelling.
	const states = readTextList(context, STATES, itemIndex, /\S/, STATE_FORM).map((text) => {
		const state = agentStateOf(text);
		if (state) return AGENT_STATES[state].report;
		throw new NodeOperationError(context.getNode(), `States holds "${text}", which is not a state, in item ${itemIndex}`, {
			description: `Use ${STATE_FORM}`,
			itemIndex,
		});
	});
	const returnAll = readBoolean(context, RETURN_ALL, itemIndex);
	return {
		instanceId,
		agentIds,
		states: [...new Set(states)],
		skillGroupId: readOptionalSkillGroupId(context, itemIndex),
		wanted: returnAll ? Number.POSITIVE_INFINITY : readWholeNumber(context, LIMIT, itemIndex, 1, MAX_AGENTS_PER_QUERY),
	};
}

const NARROWING = 'Narrow it with States, Skill Group ID or Agent IDs, or turn off Return All and set a Limit';

/**
 * The agents of `agentIds` (all agents when undefined) that the query matches, up to `wanted`, each once. A States
 * filter goes to CCC while the answer fits on one page; past that, the pages are read without it and the states
 * kept here, since an agent who changes state between two filtered pages would move past a page boundary.
 */
async function agentsOf(
	context: IExecuteFunctions,
	itemIndex: number,
	calls: CccItemCalls,
	query: Query,
	agentIds: readonly string[] | undefined,
	wanted: number,
): Promise<Listing<RealtimeAgentPage>> {
	const fetchPage = (states: readonly string[]) => realtimePages(calls, { instanceId: query.instanceId, skillGroupId: query.skillGroupId, agentIds, states });
	const paging = {
		// A group of Agent IDs is read whole, so that a Limit takes the first agents in the order asked.
		pageSize: agentIds ? REALTIME_LIMITS.maxPageSize : Math.min(REALTIME_LIMITS.maxPageSize, wanted),
		maxPageNumber: REALTIME_LIMITS.maxPageNumber,
		wanted: agentIds ? agentIds.length : wanted,
		keyOf: (agent: IDataObject) => String(agent.AgentId),
		noun: 'agents',
		narrowing: NARROWING,
	};
	if (query.states.length === 0) return await listPages(context.getNode(), itemIndex, fetchPage([]), paging);
	const filtered = await fetchPage(query.states)(1, paging.pageSize);
	const once = new Set(filtered.entries.map(paging.keyOf)).size === filtered.entries.length;
	if (once && filtered.entries.length >= Math.min(filtered.totalCount, paging.wanted)) {
		return { entries: filtered.entries.slice(0, paging.wanted), pages: [filtered] };
	}
	const states = new Set(query.states.map(agentStateOf));
	const keep = (agent: IDataObject) => states.has(agentStateOf(String(agent.State ?? '')));
	// Every state is read, so a Limit says nothing of how many pages: they are as large as CCC serves.
	return await listPages(context.getNode(), itemIndex, fetchPage([]), {
		...paging,
		pageSize: REALTIME_LIMITS.maxPageSize,
		keep,
		narrowing: 'Narrow it with Skill Group ID or Agent IDs (States over more than one page are read as every state, so they do not narrow it), or turn off Return All and set a Limit',
	});
}

function tooManyAgentIds(context: IExecuteFunctions, itemIndex: number, count: number): NodeOperationError {
	return new NodeOperationError(
		context.getNode(),
		`Agent IDs holds ${count} agents in item ${itemIndex}; CCC lists at most ${MAX_AGENTS_PER_QUERY} per query`,
		{ description: `Give at most ${MAX_AGENTS_PER_QUERY} Agent IDs, or leave the field empty for all agents`, itemIndex },
	);
}

/**
 * Per input item, the agents its query matches, one output item each: every page CCC has (pages of at most 100, page
 * numbers up to 100), each agent once, and for more Agent IDs than CCC takes at once, one query per 20 merged in the
 * order asked.
 */
export async function listRealtimeAgentStates(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await runCccCalls(this, async (itemIndex, calls, options): Promise<IDataObject[]> => {
		const query = readQuery(this, itemIndex);
		if (query.agentIds.length > MAX_AGENTS_PER_QUERY) throw tooManyAgentIds(this, itemIndex, query.agentIds.length);
		const answers: CccEnvelope[] = [];
		const agents: IDataObject[] = [];
		for (const agentIds of agentIdGroups(query.agentIds)) {
			if (agents.length >= query.wanted) break;
			const { entries, pages } = await agentsOf(this, itemIndex, calls, query, agentIds, query.wanted - agents.length);
			answers.push(...pages.map((page) => page.envelope));
			const position = (agent: IDataObject) => agentIds?.indexOf(String(agent.AgentId)) ?? 0;
			// CCC answers in its own order; each group keeps the order the Agent IDs were given in.
			agents.push(...(agentIds ? [...entries].sort((a, b) => position(a) - position(b)) : entries));
		}
		return options.simplify ? agents.slice(0, query.wanted) : answers;
	});
}
