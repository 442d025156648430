import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { INSTANCE_ID, USER_ID, USER_ID_FORM, USER_ID_PATTERN } from '../agent/agentFields';
import { LIST_DEVICES } from '../agent/devices';
import { runCccAction } from '../execution/runCccAction';
import { readOptionalMatching, readRequiredText } from '../params/readParameter';

/** One signed ListDevices call per input item, and an output item per registered device, paired to that item. */
export async function listDevices(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await runCccAction(this, {
		...LIST_DEVICES,
		readParams: (itemIndex) => ({
			InstanceId: readRequiredText(this, INSTANCE_ID, itemIndex),
			UserId: readOptionalMatching(this, USER_ID, itemIndex, USER_ID_PATTERN, USER_ID_FORM),
		}),
	});
}
