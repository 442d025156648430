import { invalidParameter, pageBound } from './apiFailure';
import type { SimAgent, SimInstance } from './directory';

/**
 * CCC's directory listings as its API reference has them: ListInstances (no search), ListUsers and ListSkillGroups
 * (SearchPattern, fuzzy and case-blind, on the names), each paged by PageNumber and PageSize from 1 to 100, both required.
 */
const MAX_PAGE_SIZE = 100;
const MAX_PAGE_NUMBER = 100;

type Params = Readonly<Record<string, string>>;

function page<T>(params: Params, entries: readonly T[]): Record<string, unknown> {
	const pageNumber = pageBound(params, 'PageNumber', MAX_PAGE_NUMBER);
	const pageSize = pageBound(params, 'PageSize', MAX_PAGE_SIZE);
	return { PageNumber: pageNumber, PageSize: pageSize, TotalCount: entries.length, List: entries.slice((pageNumber - 1) * pageSize, pageNumber * pageSize) };
}

const matches = (params: Params, ...names: string[]): boolean => {
	const pattern = params.SearchPattern?.toLowerCase();
	return !pattern || names.some((name) => name.toLowerCase().includes(pattern));
};

const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** How an agent is shown: its display name, else its login capitalised. */
export const displayNameOf = (userId: string, agent: SimAgent): string => agent.displayName ?? capitalized(userId.split('@')[0]);

export function listInstances(instances: ReadonlyMap<string, SimInstance>, params: Params): Record<string, unknown> {
	return page(
		params,
		[...instances].map(([id, instance]) => ({ Id: id, Name: instance.name, DomainName: id, Status: 'RUNNING', ConsoleUrl: `https://ccc-v2.aliyun.com/#/workbench/${id}` })),
	);
}

/** ListUsers: the instance's agents, with their skill groups and whether a workstation is registered. */
export function listUsers(instanceId: string, instance: SimInstance, params: Params): Record<string, unknown> {
	const users = [...instance.agents]
		.filter(([userId, agent]) => matches(params, userId.split('@')[0], displayNameOf(userId, agent)))
		.filter(([, agent]) => !params.SkillGroupId || agent.skillGroups.includes(params.SkillGroupId))
		.map(([userId, agent]) => {
			const registered = agent.devices.some((device) => device.expiresInMs > 0);
			return {
				UserId: userId,
				LoginName: userId.split('@')[0],
				DisplayName: displayNameOf(userId, agent),
				Extension: agent.extension,
				WorkMode: agent.workMode,
				DeviceState: registered ? 'ONLINE' : agent.devices.length > 0 ? 'OFFLINE' : 'UNREGISTERED',
				SkillLevelList: agent.skillGroups.map((skillGroupId) => ({ SkillGroupId: skillGroupId, SkillGroupName: skillGroupId.split('@')[0], SkillLevel: 5 })),
				InstanceId: instanceId,
			};
		});
	return page(params, users);
}

/** ListSkillGroups: the groups the instance's agents belong to, with how many members each has. */
export function listSkillGroups(instanceId: string, instance: SimInstance, params: Params): Record<string, unknown> {
	const members = new Map<string, number>();
	for (const agent of instance.agents.values()) for (const group of agent.skillGroups) members.set(group, (members.get(group) ?? 0) + 1);
	const groups = [...members]
		.map(([skillGroupId, userCount]) => {
			const name = skillGroupId.split('@')[0];
			return { SkillGroupId: skillGroupId, SkillGroupName: name, DisplayName: capitalized(name.replace(/^skg-/, '')), InstanceId: instanceId, MediaType: 'VOICE', UserCount: userCount };
		})
		.filter((group) => matches(params, group.SkillGroupName, group.DisplayName));
	return page(params, groups);
}

/** ListSkillLevelsOfUser: the groups the agent is a member of, with the agent's level in each. */
export function listSkillLevelsOfUser(userId: string, agent: SimAgent, params: Params): Record<string, unknown> {
	const levels = agent.skillGroups
		.map((skillGroupId) => ({ SkillGroupId: skillGroupId, SkillGroupName: skillGroupId.split('@')[0], SkillLevel: '5', MediaType: 'VOICE', UserId: userId }))
		.filter((level) => matches(params, level.SkillGroupName));
	return page(params, levels);
}

/** SignInGroup's groups: a JSON array of the agent's own (whether CCC takes others is unconfirmed; the simulator refuses them). */
export function checkOwnGroups(agent: SimAgent, list: string): void {
	let groups: unknown;
	try {
		groups = JSON.parse(list);
	} catch {
		throw invalidParameter('SignedSkillGroupIdList', 'it is not a JSON array');
	}
	if (!Array.isArray(groups) || groups.some((group) => typeof group !== 'string')) throw invalidParameter('SignedSkillGroupIdList', 'it is not a JSON array of strings');
	const foreign = (groups as string[]).find((group) => !agent.skillGroups.includes(group));
	if (foreign) throw invalidParameter('SignedSkillGroupIdList', `the agent is not a member of ${foreign}`);
}
