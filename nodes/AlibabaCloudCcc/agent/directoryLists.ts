import type { FieldTypes } from '../response/normalizeFields';
import { unexpectedPage, type PageShape } from '../response/pageShape';
import type { CccRequest } from '../transport/cccRequest';

/**
 * The CCC listings the pickers read: instances, agents and skill groups. Each pages by PageNumber/PageSize (1 to 100)
 * up to page 100; ListUsers and ListSkillGroups search on CCC's side (SearchPattern), ListInstances does not.
 */
export const DIRECTORY_PAGING = { maxPageSize: 100, maxPageNumber: 100 } as const;

/** One entry of each listing's `Data.List`, the fields a picker shows, typed as the official SDK's models type them. */
const INSTANCE_TYPES: FieldTypes = { Id: 'string', Name: 'string', ConsoleUrl: 'string', Status: 'string' };
const USER_TYPES: FieldTypes = { UserId: 'string', LoginName: 'string', DisplayName: 'string', Extension: 'string', DeviceState: 'string' };
const SKILL_GROUP_TYPES: FieldTypes = { SkillGroupId: 'string', SkillGroupName: 'string', DisplayName: 'string', UserCount: 'number' };

/** A listing: its request, and what identifies an entry and names it to a person. */
export interface DirectoryList {
	readonly request: Omit<CccRequest, 'params'>;
	readonly idField: string;
	/** The fields that name an entry, best first (DisplayName before LoginName). */
	readonly nameFields: readonly string[];
	/** Whether CCC filters the list itself with SearchPattern. */
	readonly searchable: boolean;
}

function directoryList(action: string, shape: PageShape, nameFields: readonly string[], searchable: boolean): DirectoryList {
	const pageTypes: FieldTypes = { PageNumber: 'number', PageSize: 'number', TotalCount: 'number', List: { structList: shape.entryTypes } };
	return {
		request: { action, dataTypes: pageTypes, unexpectedData: (data) => unexpectedPage(data, shape) },
		idField: shape.idField,
		nameFields,
		searchable,
	};
}

export const DIRECTORY_LISTS = {
	instances: directoryList('ListInstances', { noun: 'instance', idField: 'Id', entryTypes: INSTANCE_TYPES }, ['Name'], false),
	agents: directoryList('ListUsers', { noun: 'agent', idField: 'UserId', entryTypes: USER_TYPES }, ['DisplayName', 'LoginName'], true),
	/** The groups one agent is a member of (InstanceId and UserId). */
	skillLevels: directoryList('ListSkillLevelsOfUser', { noun: 'skill group', idField: 'SkillGroupId', entryTypes: SKILL_GROUP_TYPES }, ['SkillGroupName'], false),
	skillGroups: directoryList('ListSkillGroups', { noun: 'skill group', idField: 'SkillGroupId', entryTypes: SKILL_GROUP_TYPES }, ['DisplayName', 'SkillGroupName'], true),
} as const;
