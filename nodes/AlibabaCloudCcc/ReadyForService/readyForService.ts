import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { readInstanceId, readOptionalUserId, USER_ID, USER_ID_FORM, USER_ID_PATTERN } from '../agent/agentFields';
import { AGENT_STATE_DATA_TYPES } from '../agent/agentStateData';
import { alreadyThereOutcome, refusedState } from '../agent/alreadyThere';
import { DEVICE, DEVICE_ID, DEVICE_SOURCE } from '../agent/deviceFields';
import { lookUpDeviceId } from '../agent/lookUpDevice';
import { agentSkillGroupIds, signInAgent } from '../agent/signIn';
import { runCccAction, type CccItemCalls, type Settled } from '../execution/runCccAction';
import { fromVersion2 } from '../params/nodeVersions';
import { readBoolean, readRequiredMatching, readRequiredText } from '../params/readParameter';
import type { CccParams, CccRequest } from '../transport/cccRequest';
import { IF_SIGNED_OUT, IF_SIGNED_OUT_CHOICES, OUTBOUND_SCENARIO } from './readyForServiceFields';

const READY_FOR_SERVICE: Omit<CccRequest, 'params'> = { action: 'ReadyForService', dataTypes: AGENT_STATE_DATA_TYPES };

/** The field of an item that says the node signed the agent in before readying it (If Signed Out: Sign In First). */
export const SIGNED_IN_FIELD = 'SignedIn';

/**
 * An agent CCC refused as OFFLINE, signed in to their own skill groups on the workstation the call named, then
 * readied (unless the sign-in left them READY already). A failed sign-in is the item's error.
 */
async function signInThenReady(context: IExecuteFunctions, calls: CccItemCalls, itemIndex: number, params: CccParams): Promise<Settled> {
	const [instanceId, userId, deviceId] = [params.InstanceId, params.UserId, params.DeviceId].map(String);
	const skillGroupIds = await agentSkillGroupIds(calls, context.getNode(), itemIndex, instanceId, userId);
	const { envelope: signedIn } = await signInAgent(calls, { instanceId, userId, deviceId, skillGroupIds });
	const ready = (signedIn.Data as IDataObject | undefined)?.UserState === 'READY';
	const envelope = ready ? signedIn : (await calls.call({ ...READY_FOR_SERVICE, params })).envelope;
	return { envelope, told: { [SIGNED_IN_FIELD]: true } };
}

/**
 * One signed ReadyForService call per input item; the item's JSON becomes the answer's `Data`. With "Agent's
 * Registered Device", a ListDevices call first finds the workstation the agent is signed in on. From version 2 on,
 * an agent already READY is a success with `AlreadyThere`, and with If Signed Out: Sign In First a signed-out agent
 * is signed in first.
 */
export async function readyForService(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const looksUpDevice = (itemIndex: number) => this.getNodeParameter(DEVICE.name, itemIndex, DEVICE_SOURCE.deviceId) === DEVICE_SOURCE.registeredDevice;
	const signsInFirst = (itemIndex: number) =>
		fromVersion2(this.getNode()) && this.getNodeParameter(IF_SIGNED_OUT.name, itemIndex, IF_SIGNED_OUT_CHOICES.error) === IF_SIGNED_OUT_CHOICES.signIn;
	return await runCccAction(this, {
		...READY_FOR_SERVICE,
		hintContextOf: (itemIndex) => ({ deviceFrom: looksUpDevice(itemIndex) ? 'lookup' : 'field' }),
		settledBy: async (params, error, calls, itemIndex) => {
			const already = alreadyThereOutcome(this.getNode(), READY_FOR_SERVICE.action, params, error);
			if (already) return already;
			// Signing in needs to know whom: in Device ID mode the User ID may be left to the credential's agent.
			if (!signsInFirst(itemIndex) || refusedState(error) !== 'OFFLINE' || !params.UserId) return undefined;
			return await signInThenReady(this, calls, itemIndex, params);
		},
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
