import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { INSTANCE_ID, USER_ID_FORM, USER_ID_PATTERN } from '../agent/agentFields';
import { agentStateOf, AGENT_STATES } from '../agent/agentStates';
import { runCccCalls, type CccItemCalls } from '../execution/runCccAction';
import { readBoolean, readRequiredText, readText, readTextList, readWholeNumber } from '../params/readParameter';
import type { CccEnvelope } from '../response/cccEnvelope';
import {
	AGENT_IDS,
	LIMIT,
	MAX_AGENTS_PER_QUERY,
	REALTIME_LIMITS,
	RETURN_ALL,
	SKILL_GROUP_ID,
	STATES,
} from './listRealtimeAgentStatesFields';
import { REALTIME_PAGE_TYPES, type RealtimePage } from './realtimeAgentStates';

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
	const instanceId = readRequiredText(context, INSTANCE_ID, itemIndex);
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
		skillGroupId: readText(context, SKILL_GROUP_ID, itemIndex) || undefined,
		wanted: returnAll ? Number.POSITIVE_INFINITY : readWholeNumber(context, LIMIT, itemIndex, 1, MAX_AGENTS_PER_QUERY),
	};
}

const chunksOf = <T>(list: readonly T[], size: number): T[][] =>
	Array.from({ length: Math.ceil(list.length / size) }, (_, index) => list.slice(index * size, (index + 1) * size));

function tooManyAgents(context: IExecuteFunctions, itemIndex: number, total: number): NodeOperationError {
	return new NodeOperationError(
		context.getNode(),
		`The query of item ${itemIndex} matches ${total} agents; CCC lists at most ${MAX_AGENTS_PER_QUERY} per query (${REALTIME_LIMITS.maxPageNumber} pages of ${REALTIME_LIMITS.maxPageSize})`,
		{ description: 'Narrow it with States, Skill Group ID or Agent IDs, or turn off Return All and set a Limit', itemIndex },
	);
}

/**
 * Every page of the query for `agentIds` (all agents when undefined), until `wanted` agents are in or the list ends.
 * The page size stays the same across pages, so that page numbers keep meaning the same offsets.
 */
async function pagesOf(
	context: IExecuteFunctions,
	itemIndex: number,
	calls: CccItemCalls,
	query: Query,
	agentIds: readonly string[] | undefined,
	wanted: number,
): Promise<CccEnvelope[]> {
	const pageSize = Math.min(REALTIME_LIMITS.maxPageSize, wanted);
	const body = {
		...(agentIds ? { AgentIdList: JSON.stringify(agentIds) } : {}),
		...(query.states.length > 0 ? { StateList: JSON.stringify(query.states) } : {}),
	};
	const answers: CccEnvelope[] = [];
	let listed = 0;
	for (let page = 1; listed < wanted; page++) {
		const { envelope } = await calls.call({
			action: 'ListRealtimeAgentStates',
			dataTypes: REALTIME_PAGE_TYPES,
			params: { InstanceId: query.instanceId, SkillGroupId: query.skillGroupId, PageNumber: String(page), PageSize: String(pageSize) },
			...(Object.keys(body).length > 0 ? { body } : {}),
		});
		answers.push(envelope);
		const { List: list = [], TotalCount: total = 0 } = (envelope.Data ?? {}) as RealtimePage;
		listed += list.length;
		if (list.length < pageSize || page * pageSize >= total || listed >= wanted) break;
		// Known from the first page: a query past CCC's last page number is refused before it is sent.
		if (page === REALTIME_LIMITS.maxPageNumber || (wanted === Number.POSITIVE_INFINITY && total > MAX_AGENTS_PER_QUERY)) {
			throw tooManyAgents(context, itemIndex, total);
		}
	}
	return answers;
}

/**
 * Per input item, the agents its query matches, one output item each: every page CCC has (pages of at most 100, page
 * numbers up to 100), and for more Agent IDs than CCC takes at once, one query per 20 merged in the order asked.
 */
export async function listRealtimeAgentStates(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await runCccCalls(this, async (itemIndex, calls, options): Promise<IDataObject[]> => {
		const query = readQuery(this, itemIndex);
		const groups = query.agentIds.length > 0 ? chunksOf(query.agentIds, REALTIME_LIMITS.maxAgentIds) : [undefined];
		const answers: CccEnvelope[] = [];
		let agents: IDataObject[] = [];
		for (const agentIds of groups) {
			if (agents.length >= query.wanted) break;
			const pages = await pagesOf(this, itemIndex, calls, query, agentIds, query.wanted - agents.length);
			answers.push(...pages);
			const listed = pages.flatMap((page) => ((page.Data ?? {}) as RealtimePage).List ?? []);
			const position = (agent: IDataObject) => agentIds?.indexOf(String(agent.AgentId)) ?? 0;
			// CCC answers in its own order; each group keeps the order the Agent IDs were given in.
			agents = agents.concat(agentIds ? [...listed].sort((a, b) => position(a) - position(b)) : listed);
		}
		return options.simplify ? agents.slice(0, query.wanted) : answers;
	});
}
