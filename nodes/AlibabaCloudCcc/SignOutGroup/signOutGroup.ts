import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { readAgent } from '../agent/agentFields';
import { alreadyThereOutcome } from '../agent/alreadyThere';
import { AGENT_SESSION_DATA_TYPES } from '../agent/agentStateData';
import { runCccAction } from '../execution/runCccAction';

/**
 * One signed SignOutGroup call per input item; the item's JSON becomes the answer's `Data` (the agent, now OFFLINE), or
 * from version 2 on, for an agent already signed out, that state with `AlreadyThere`.
 */
export async function signOutGroup(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await runCccAction(this, {
		action: 'SignOutGroup',
		dataTypes: AGENT_SESSION_DATA_TYPES,
		readParams: (itemIndex, calls) => readAgent(this, itemIndex, calls),
		settledBy: (params, error) => alreadyThereOutcome(this.getNode(), 'SignOutGroup', params, error),
	});
}
