import type { IDataObject, INode } from 'n8n-workflow';

import { fromVersion2 } from '../params/nodeVersions';
import { CccApiError } from '../transport/cccApiError';
import type { CccParams } from '../transport/cccRequest';
import { agentStateOf, type AgentState } from './agentStates';
import { ALREADY_THERE } from './desiredStates';

/** The field of a success item that says the agent was already where the action leads, so CCC changed nothing. */
export const ALREADY_THERE_FIELD = 'AlreadyThere';

/**
 * For a tool description: what an item with `AlreadyThere` after `action` means, with the states of the table.
 * `where` names the place in words (signed out, signed in, ready).
 */
export function alreadyThereMeaning(action: string, where: string): string {
	const states = ALREADY_THERE[action] ?? [];
	return `With ${ALREADY_THERE_FIELD}: true the agent was already ${where} (UserState ${states.join(' or ')}), so CCC changed nothing; with Attempts as well, an earlier attempt whose answer was lost made the change`;
}

/** The state CCC refused the agent in (InvalidOperation.UserState), if the failure is such a refusal. */
export function refusedState(error: unknown): AgentState | undefined {
	if (!(error instanceof CccApiError) || error.ccc.code !== 'InvalidOperation.UserState') return undefined;
	return agentStateOf(error.ccc.agentState ?? '');
}

/**
 * The success item for a refusal that names the state `action` leads to (version 2 on): the agent, the state it is
 * in, `AlreadyThere`, and with `Attempts` when the call was retried (an earlier attempt whose answer was lost may
 * have made the change). Undefined for any other failure.
 */
export function alreadyThereOutcome(node: INode, action: string, params: CccParams, error: unknown): { item: IDataObject } | undefined {
	const state = refusedState(error);
	if (!fromVersion2(node) || !(error instanceof CccApiError) || !state || !ALREADY_THERE[action]?.includes(state)) return undefined;
	const item: IDataObject = {
		UserId: params.UserId ?? '',
		InstanceId: params.InstanceId ?? '',
		UserState: state,
		[ALREADY_THERE_FIELD]: true,
		...(error.ccc.attempts ? { Attempts: error.ccc.attempts } : {}),
		...(error.ccc.requestId ? { RequestId: error.ccc.requestId } : {}),
	};
	return { item };
}
