import type { INode } from 'n8n-workflow';

import type { CccItemCalls } from '../execution/runCccAction';
import { CccApiError } from '../transport/cccApiError';
import { LIST_DEVICES, registeredDevice, type Device } from './devices';

/** Our own code for an agent with no registered workstation (CCC itself answers ListDevices with an empty list). */
export const NO_REGISTERED_DEVICE = 'NoRegisteredDevice';

/**
 * The Device ID of the workstation `userId` is signed in on, asked of CCC with ListDevices. An agent with none (or
 * only lapsed registrations) is an error that names the agent and the fix.
 */
export async function lookUpDeviceId(calls: CccItemCalls, node: INode, itemIndex: number, instanceId: string, userId: string): Promise<string> {
	const { envelope: answer, gatewayTime } = await calls.call({ ...LIST_DEVICES, params: { InstanceId: instanceId, UserId: userId } });
	const devices = (answer.Data ?? []) as Device[];
	// Judged by the gateway's clock when it answered: this machine's may be minutes off.
	const device = registeredDevice(devices, gatewayTime);
	if (device?.DeviceId) return device.DeviceId;
	const lapsed = devices.length > 0 ? `; ${devices.length} earlier registration(s) have lapsed` : '';
	throw new CccApiError(
		node,
		{
			code: NO_REGISTERED_DEVICE,
			message: `${userId} is not signed in to a workstation: sign in to the CCC workbench first`,
			httpStatus: answer.HttpStatusCode,
			...(answer.RequestId ? { requestId: answer.RequestId } : {}),
			hint: `ListDevices found no registered device for ${userId} in ${instanceId}${lapsed}. Have the agent sign in on the workbench, the app or a SIP phone, then run again, or give the Device ID yourself`,
		},
		itemIndex,
	);
}
