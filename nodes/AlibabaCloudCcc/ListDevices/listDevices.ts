import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { readAgent } from '../agent/agentFields';
import { LIST_DEVICES } from '../agent/devices';
import { runCccAction } from '../execution/runCccAction';

/** One signed ListDevices call per input item, and an output item per registered device, paired to that item. */
export async function listDevices(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await runCccAction(this, { ...LIST_DEVICES, readParams: (itemIndex, calls) => readAgent(this, itemIndex, calls) });
}
