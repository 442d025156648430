import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { readInstanceId, USER_ID, USER_ID_FORM, USER_ID_PATTERN } from '../agent/agentFields';
import { alreadyThereOutcome } from '../agent/alreadyThere';
import { DEVICE, DEVICE_ID, DEVICE_SOURCE } from '../agent/deviceFields';
import { lookUpDeviceId } from '../agent/lookUpDevice';
import { agentSkillGroupIds, SIGN_IN_GROUP, signInParams } from '../agent/signIn';
import { runCccAction } from '../execution/runCccAction';
import { readBoolean, readRequiredMatching, readRequiredText, readTextList } from '../params/readParameter';
import { ADDITIVITY, SKILL_GROUP_IDS } from './signInGroupFields';

/**
 * One signed SignInGroup call per input item, after what it needs: the agent's registered device (ListDevices) unless
 * a Device ID is given, and the agent's own skill groups (ListSkillLevelsOfUser) unless groups are given. An agent
 * already signed in is a success with `AlreadyThere`.
 */
export async function signInGroup(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const looksUpDevice = (itemIndex: number) => this.getNodeParameter(DEVICE.name, itemIndex, DEVICE_SOURCE.registeredDevice) === DEVICE_SOURCE.registeredDevice;
	return await runCccAction(this, {
		...SIGN_IN_GROUP,
		hintContextOf: (itemIndex) => ({ deviceFrom: looksUpDevice(itemIndex) ? 'lookup' : 'field' }),
		readParams: async (itemIndex, calls) => {
			// Every field is checked before anything is sent.
			const instanceId = readInstanceId(this, itemIndex);
			const userId = readRequiredMatching(this, USER_ID, itemIndex, USER_ID_PATTERN, USER_ID_FORM, 'to name the agent to sign in');
			const givenDevice = looksUpDevice(itemIndex) ? undefined : readRequiredText(this, DEVICE_ID, itemIndex);
			const givenGroups = readTextList(this, SKILL_GROUP_IDS, itemIndex, USER_ID_PATTERN, USER_ID_FORM);
			const additivity = readBoolean(this, ADDITIVITY, itemIndex);
			const deviceId = givenDevice ?? (await lookUpDeviceId(calls, this.getNode(), itemIndex, instanceId, userId));
			const skillGroupIds = givenGroups.length > 0 ? givenGroups : await agentSkillGroupIds(calls, this.getNode(), itemIndex, instanceId, userId);
			return signInParams({ instanceId, userId, deviceId, skillGroupIds, additivity });
		},
		settledBy: (params, error) => alreadyThereOutcome(this.getNode(), SIGN_IN_GROUP.action, params, error),
	});
}
