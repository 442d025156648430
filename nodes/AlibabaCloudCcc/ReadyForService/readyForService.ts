import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { runCccAction } from '../execution/runCccAction';
import { readBoolean, readOptionalMatching, readRequiredText } from '../params/readParameter';
import { READY_FOR_SERVICE_DATA_TYPES } from './readyForServiceData';
import { DEVICE_ID, INSTANCE_ID, OUTBOUND_SCENARIO, USER_ID } from './readyForServiceFields';

/** name@instance, without spaces. */
const USER_ID_PATTERN = /^[^\s@]+@[^\s@]+$/;

/** One signed ReadyForService call per input item; the item's JSON becomes the answer's `Data`. */
export async function readyForService(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await runCccAction(this, {
		action: 'ReadyForService',
		dataTypes: READY_FOR_SERVICE_DATA_TYPES,
		readParams: (itemIndex) => ({
			InstanceId: readRequiredText(this, INSTANCE_ID, itemIndex),
			DeviceId: readRequiredText(this, DEVICE_ID, itemIndex),
			UserId: readOptionalMatching(this, USER_ID, itemIndex, USER_ID_PATTERN, 'of the form name@instance'),
			OutboundScenario: readBoolean(this, OUTBOUND_SCENARIO, itemIndex),
		}),
	});
}
