import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { readAgent } from '../agent/agentFields';
import { AGENT_SESSION_DATA_TYPES } from '../agent/agentStateData';
import { runCccAction } from '../execution/runCccAction';
import { readExactText } from '../params/readParameter';
import { BREAK_CODE } from './takeBreakFields';

/** One signed TakeBreak call per input item; the item's JSON becomes the answer's `Data` (the agent, now on BREAK). */
export async function takeBreak(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await runCccAction(this, {
		action: 'TakeBreak',
		dataTypes: AGENT_SESSION_DATA_TYPES,
		readParams: (itemIndex, calls) => ({
			...readAgent(this, itemIndex, calls),
			Code: readExactText(this, BREAK_CODE, itemIndex),
		}),
	});
}
