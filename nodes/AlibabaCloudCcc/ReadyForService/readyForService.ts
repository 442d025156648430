import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { runPerItem } from '../execution/runPerItem';
import { readBoolean, readOptionalMatching, readRequiredText } from '../params/readParameter';
import { callCcc } from '../transport/cccRequest';
import { READY_FOR_SERVICE_DATA_TYPES } from './readyForServiceData';
import { DEVICE_ID, INSTANCE_ID, OUTBOUND_SCENARIO, USER_ID } from './readyForServiceFields';

/** name@instance, without spaces. */
const USER_ID_PATTERN = /^[^\s@]+@[^\s@]+$/;

interface ReadyForServiceOptions {
	simplify?: boolean;
	timeout?: number;
}

/** One signed ReadyForService call per input item; the item's JSON becomes the answer's `Data`. */
export async function readyForService(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await runPerItem(this, async (itemIndex): Promise<IDataObject> => {
		const params = {
			InstanceId: readRequiredText(this, INSTANCE_ID, itemIndex),
			DeviceId: readRequiredText(this, DEVICE_ID, itemIndex),
			UserId: readOptionalMatching(this, USER_ID, itemIndex, USER_ID_PATTERN, 'of the form name@instance'),
			OutboundScenario: readBoolean(this, OUTBOUND_SCENARIO, itemIndex),
		};
		const options = this.getNodeParameter('options', itemIndex, {}) as ReadyForServiceOptions;
		const envelope = await callCcc(this, {
			action: 'ReadyForService',
			params,
			dataTypes: READY_FOR_SERVICE_DATA_TYPES,
			itemIndex,
			timeout: options.timeout,
		});
		return options.simplify === false ? envelope : (envelope.Data ?? {});
	});
}
