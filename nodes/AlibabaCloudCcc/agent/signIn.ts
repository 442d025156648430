import type { IDataObject, INode } from 'n8n-workflow';

import type { CccItemCalls } from '../execution/runCccAction';
import { CccApiError } from '../transport/cccApiError';
import type { CccAnswer, CccParams, CccRequest } from '../transport/cccRequest';
import { AGENT_STATE_DATA_TYPES } from './agentStateData';
import { DIRECTORY_LISTS, DIRECTORY_PAGING } from './directoryLists';

/** SignInGroup answers the agent context of ReadyForService plus its chat workstation. */
export const SIGN_IN_GROUP: Omit<CccRequest, 'params'> = {
	action: 'SignInGroup',
	dataTypes: { ...AGENT_STATE_DATA_TYPES, ChatDeviceId: 'string' },
};

/** Our own code for an agent who belongs to no skill group, so that there is nothing to sign in to. */
export const NO_SKILL_GROUPS = 'NoSkillGroups';

/** The skill groups `userId` is a member of (ListSkillLevelsOfUser, 100 a page), in CCC's order. */
export async function agentSkillGroupIds(calls: CccItemCalls, node: INode, itemIndex: number, instanceId: string, userId: string): Promise<string[]> {
	const groups: string[] = [];
	const { maxPageSize, maxPageNumber } = DIRECTORY_PAGING;
	for (let pageNumber = 1; pageNumber <= maxPageNumber; pageNumber++) {
		const { envelope } = await calls.call({
			...DIRECTORY_LISTS.skillLevels.request,
			params: { InstanceId: instanceId, UserId: userId, PageNumber: String(pageNumber), PageSize: String(maxPageSize) },
		});
		const { List: entries = [], TotalCount: total = 0 } = (envelope.Data ?? {}) as { List?: IDataObject[]; TotalCount?: number };
		groups.push(...entries.map((entry) => entry.SkillGroupId).filter((id): id is string => typeof id === 'string' && id !== ''));
		if (entries.length < maxPageSize || pageNumber * maxPageSize >= total) break;
	}
	if (groups.length > 0) return groups;
	throw new CccApiError(
		node,
		{
			code: NO_SKILL_GROUPS,
			message: `${userId} is a member of no skill group, so there is nothing to sign in to`,
			hint: `Add ${userId} to a skill group in CCC, or give the Skill Groups to sign in to`,
		},
		itemIndex,
	);
}

/** What one sign-in asks for: the agent, its workstation, and the groups (as CCC takes them: a JSON array). */
export interface SignIn {
	readonly instanceId: string;
	readonly userId: string;
	readonly deviceId: string;
	readonly skillGroupIds: readonly string[];
	/** Whether the groups are added to those the agent is already signed in to. */
	readonly additivity?: boolean;
}

/** SignInGroup's parameters for `signIn`, all in the query. */
export function signInParams({ instanceId, userId, deviceId, skillGroupIds, additivity }: SignIn): CccParams {
	return {
		InstanceId: instanceId,
		UserId: userId,
		DeviceId: deviceId,
		SignedSkillGroupIdList: JSON.stringify(skillGroupIds),
		...(additivity ? { Additivity: true } : {}),
	};
}

/** Signs the agent in to its groups on its workstation: online, on a break (`Warm-up`) or ready. */
export async function signInAgent(calls: CccItemCalls, signIn: SignIn): Promise<CccAnswer> {
	return await calls.call({ ...SIGN_IN_GROUP, params: signInParams(signIn) });
}
