import type { IDataObject } from 'n8n-workflow';

import type { ListedPage } from '../execution/listPages';
import type { CccItemCalls } from '../execution/runCccAction';
import type { CccEnvelope } from '../response/cccEnvelope';
import type { CccAnswer } from '../transport/cccRequest';
import { REALTIME_LIMITS, REALTIME_PAGE_TYPES, unexpectedRealtimePage, type RealtimePage } from './realtimeAgentStates';

/** What one ListRealtimeAgentStates query asks CCC for. */
export interface RealtimeQuery {
	readonly instanceId: string;
	readonly skillGroupId?: string;
	/** At most CCC's 20; undefined for every agent. */
	readonly agentIds?: readonly string[];
	/** Report spellings (`Ready`, `ACW`), as StateList takes them; empty for every state. */
	readonly states?: readonly string[];
}

/** One page of the query's answer, typed, with the entries and count a listing reads, and the gateway's time. */
export interface RealtimeAgentPage extends ListedPage {
	readonly envelope: CccEnvelope;
	readonly gatewayTime: CccAnswer['gatewayTime'];
}

/** The queries a list of Agent IDs takes (CCC takes 20 a query), in the order given; one for every agent when empty. */
export function agentIdGroups(agentIds: readonly string[] | undefined): Array<readonly string[] | undefined> {
	if (!agentIds || agentIds.length === 0) return [undefined];
	const size = REALTIME_LIMITS.maxAgentIds;
	return Array.from({ length: Math.ceil(agentIds.length / size) }, (_, index) => agentIds.slice(index * size, (index + 1) * size));
}

/** Reads page after page of `query` (lists in the form body as JSON arrays, as Alibaba's SDK sends them). */
export function realtimePages(calls: CccItemCalls, query: RealtimeQuery): (pageNumber: number, pageSize: number) => Promise<RealtimeAgentPage> {
	const body: IDataObject = {
		...(query.agentIds ? { AgentIdList: JSON.stringify(query.agentIds) } : {}),
		...(query.states && query.states.length > 0 ? { StateList: JSON.stringify(query.states) } : {}),
	};
	return async (pageNumber, pageSize) => {
		const { envelope, gatewayTime } = await calls.call({
			action: 'ListRealtimeAgentStates',
			dataTypes: REALTIME_PAGE_TYPES,
			unexpectedData: unexpectedRealtimePage,
			params: { InstanceId: query.instanceId, SkillGroupId: query.skillGroupId, PageNumber: String(pageNumber), PageSize: String(pageSize) },
			...(Object.keys(body).length > 0 ? { body: body as Record<string, string> } : {}),
		});
		const { List: entries = [], TotalCount: totalCount = 0 } = (envelope.Data ?? {}) as RealtimePage;
		return { envelope, gatewayTime, entries, totalCount };
	};
}
