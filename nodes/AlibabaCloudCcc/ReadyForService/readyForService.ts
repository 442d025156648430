import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { readInstanceId, readOptionalUserId, USER_ID, USER_ID_FORM, USER_ID_PATTERN } from '../agent/agentFields';
import { AGENT_STATE_DATA_TYPES } from '../agent/agentStateData';
import { lookUpDeviceId } from '../agent/lookUpDevice';
import { runCccAction } from '../execution/runCccAction';
import { readBoolean, readRequiredMatching, readRequiredText } from '../params/readParameter';
import { DEVICE, DEVICE_ID, DEVICE_SOURCE, OUTBOUND_SCENARIO } from './readyForServiceFields';

/**
 * One signed ReadyForService call per input item; the item's JSON becomes the answer's `Data`. With "Agent's
 * Registered Device", a ListDevices call first finds the workstation the agent is signed in on.
 */
export async function readyForService(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const looksUpDevice = (itemIndex: number) => this.getNodeParameter(DEVICE.name, itemIndex, DEVICE_SOURCE.deviceId) === DEVICE_SOURCE.registeredDevice;
	return await runCccAction(this, {
		action: 'ReadyForService',
		dataTypes: AGENT_STATE_DATA_TYPES,
		hintContextOf: (itemIndex) => ({ deviceFrom: looksUpDevice(itemIndex) ? 'lookup' : 'field' }),
		readParams: async (itemIndex, calls) => {
			const InstanceId = readInstanceId(this, itemIndex);
			if (!looksUpDevice(itemIndex)) {
				return {
					InstanceId,
					DeviceId: readRequiredText(this, DEVICE_ID, itemIndex),
					UserId: readOptionalUserId(this, itemIndex, calls),
					OutboundScenario: readBoolean(this, OUTBOUND_SCENARIO, itemIndex),
				};
			}
			// Every field is checked before the lookup sends anything.
			const UserId = readRequiredMatching(this, USER_ID, itemIndex, USER_ID_PATTERN, USER_ID_FORM, "to look up the agent's registered device");
			const OutboundScenario = readBoolean(this, OUTBOUND_SCENARIO, itemIndex);
			const DeviceId = await lookUpDeviceId(calls, this.getNode(), itemIndex, InstanceId, UserId);
			return { InstanceId, DeviceId, UserId, OutboundScenario };
		},
	});
}
