import type { IDataObject, ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult, INodePropertyOptions, NodeApiError } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { INSTANCE_ID, INSTANCE_ID_FORM, INSTANCE_ID_PATTERN, PICKER_LISTS, USER_ID, USER_ID_FORM, USER_ID_PATTERN } from '../agent/agentFields';
import { LIST_DEVICES, type Device } from '../agent/devices';
import { DIRECTORY_LISTS, DIRECTORY_PAGING, type DirectoryList } from '../agent/directoryLists';
import { backgroundCalls, type CccItemCalls } from '../execution/runCccAction';
import type { FieldLabel } from '../params/readParameter';
import type { HintContext } from '../response/errorHints';
import { CccApiError } from '../transport/cccApiError';

/** A failed list says, beside CCC's code and fix, that By ID works without it. */
const PICKER_HINTS: HintContext = { picker: true };

/** n8n's editor shows a list's error split at each hyphen: a non-breaking one (U+2011) keeps `ccc-test` whole. */
const forTheEditor = (text: string): string => text.replace(/-/g, '\u2011');

/**
 * The list's page, or an error for the editor to show where the list would be. The editor shows an error's message
 * alone, so CCC's code and the fix go into it (the RequestId stays in the description: the editor would garble it).
 */
async function orListError(context: ILoadOptionsFunctions, load: () => Promise<INodeListSearchResult>): Promise<INodeListSearchResult> {
	try {
		return await load();
	} catch (error) {
		const { message, description } = error as NodeApiError | NodeOperationError;
		const fix = error instanceof CccApiError ? error.ccc.hint : description;
		const told = [message, fix].filter(Boolean).map((text) => String(text).replace(/\.$/, '')).join('. ');
		throw new NodeOperationError(context.getNode(), forTheEditor(told), { description: description ?? undefined });
	}
}

/** What the editor holds in a field: empty, a value (picked or typed), or an expression it cannot resolve here. */
type Current = { readonly empty: true } | { readonly value: string } | { readonly expression: true };

function currentValue(context: ILoadOptionsFunctions, name: string): Current {
	const value: unknown = context.getCurrentNodeParameter(name, { extractValue: true });
	if (typeof value !== 'string' || value.trim() === '') return value === undefined || value === null || value === '' ? { empty: true } : { expression: true };
	return value.startsWith('=') ? { expression: true } : { value: value.trim() };
}

/** A parent field's value that a list can use, or an error that says why the list cannot follow it. */
function parentValue(context: ILoadOptionsFunctions, field: FieldLabel, pattern: RegExp, form: string, listShows: string): string {
	const current = currentValue(context, field.name);
	if ('value' in current && pattern.test(current.value)) return current.value;
	const problem =
		'value' in current
			? `${field.displayName} "${current.value}" is not ${form}`
			: 'empty' in current
				? `Choose the ${field.displayName} first`
				: `${field.displayName} is an expression the editor cannot work out here: pick it, or type it By ID`;
	throw new NodeOperationError(context.getNode(), forTheEditor(`${problem}. This list shows ${listShows}`));
}

/** The chosen instance, which the agent, skill group and device lists belong to. */
const chosenInstance = (context: ILoadOptionsFunctions): string =>
	parentValue(context, INSTANCE_ID, INSTANCE_ID_PATTERN, INSTANCE_ID_FORM, `what belongs to the instance in ${INSTANCE_ID.displayName}`);

function searchItem(entry: IDataObject, list: DirectoryList): INodeListSearchItems {
	const id = String(entry[list.idField]);
	const name = list.nameFields.map((field) => entry[field]).find((value) => typeof value === 'string' && value.trim() !== '');
	return { name: name && name !== id ? `${String(name)} (${id})` : id, value: id, ...(typeof entry.ConsoleUrl === 'string' && entry.ConsoleUrl ? { url: entry.ConsoleUrl } : {}) };
}

/**
 * One page of a picker's list: CCC's page `paginationToken` (1 first), 100 entries a page. A listing CCC cannot
 * search (instances) is filtered here, reading on until a page has a match.
 */
async function searchDirectory(
	calls: CccItemCalls,
	list: DirectoryList,
	params: Readonly<Record<string, string>>,
	filter: string | undefined,
	paginationToken: string | undefined,
): Promise<INodeListSearchResult> {
	const search = filter?.trim() ?? '';
	const needle = search.toLowerCase();
	const results: INodeListSearchItems[] = [];
	const { maxPageSize, maxPageNumber } = DIRECTORY_PAGING;
	for (let pageNumber = Math.max(1, Number(paginationToken) || 1); ; pageNumber++) {
		const { envelope } = await calls.call({
			...list.request,
			hintContext: PICKER_HINTS,
			params: { ...params, PageNumber: String(pageNumber), PageSize: String(maxPageSize), ...(list.searchable && search ? { SearchPattern: search } : {}) },
		});
		const { List: entries = [], TotalCount: total = 0 } = (envelope.Data ?? {}) as { List?: IDataObject[]; TotalCount?: number };
		const items = entries.map((entry) => searchItem(entry, list));
		results.push(...(list.searchable || !needle ? items : items.filter((item) => item.name.toLowerCase().includes(needle))));
		const more = entries.length > 0 && pageNumber * maxPageSize < total && pageNumber < maxPageNumber;
		if (!more) return { results };
		if (results.length > 0) return { results, paginationToken: String(pageNumber + 1) };
	}
}

/** Instances the credential may use (ListInstances), filtered by name or ID here: CCC takes no search for them. */
async function searchInstances(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	return await orListError(this, async () => await searchDirectory(backgroundCalls(this), DIRECTORY_LISTS.instances, {}, filter, paginationToken));
}

/** The chosen instance's agents (ListUsers), searched by CCC on login or display name. */
async function searchAgents(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	return await orListError(this, async () => await searchDirectory(backgroundCalls(this), DIRECTORY_LISTS.agents, { InstanceId: chosenInstance(this) }, filter, paginationToken));
}

/** The chosen instance's skill groups (ListSkillGroups), searched by CCC on their names. */
async function searchSkillGroups(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	return await orListError(this, async () => await searchDirectory(backgroundCalls(this), DIRECTORY_LISTS.skillGroups, { InstanceId: chosenInstance(this) }, filter, paginationToken));
}

/** The chosen agent's workstation registrations (see `listDevices`). */
async function searchDevices(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	return await orListError(this, async () => await listDevices(this, filter));
}

/**
 * The chosen agent's workstation registrations (ListDevices: one request), newest first, each said to be registered
 * or lapsed by the gateway's clock. Without an agent, those of the agent bound to the credential, as the node does.
 */
async function listDevices(context: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const InstanceId = chosenInstance(context);
	// An empty User ID means the credential's own agent, as the node reads it; anything else must name an agent.
	const UserId = 'empty' in currentValue(context, USER_ID.name) ? undefined : parentValue(context, USER_ID, USER_ID_PATTERN, USER_ID_FORM, "that agent's workstations");
	const { envelope, gatewayTime } = await backgroundCalls(context).call({ ...LIST_DEVICES, params: { InstanceId, UserId }, hintContext: PICKER_HINTS });
	const needle = filter?.trim().toLowerCase() ?? '';
	const devices = ((envelope.Data ?? []) as Device[]).filter((device) => device.DeviceId && device.DeviceId.toLowerCase().includes(needle));
	const results = [...devices]
		.sort((a, b) => (b.Expires ?? 0) - (a.Expires ?? 0))
		.map((device) => {
			const registered = (device.Expires ?? 0) > gatewayTime;
			return {
				name: `${String(device.DeviceId)} (${[device.DeviceType, registered ? 'registered' : 'lapsed'].filter(Boolean).join(', ')})`,
				value: String(device.DeviceId),
			};
		});
	return { results };
}

/** The chosen agent's own skill groups (ListSkillLevelsOfUser), for a list of groups to pick several from. */
export async function agentSkillGroupOptions(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const InstanceId = chosenInstance(this);
	const UserId = parentValue(this, USER_ID, USER_ID_PATTERN, USER_ID_FORM, "that agent's own skill groups");
	const { results } = await orListError(this, async () => await searchDirectory(backgroundCalls(this), DIRECTORY_LISTS.skillLevels, { InstanceId, UserId }, undefined, undefined));
	return results.map(({ name, value }) => ({ name, value }));
}

/** The nodes' `methods.listSearch`: one function per list their pickers name. */
export const cccListSearch: Record<(typeof PICKER_LISTS)[keyof typeof PICKER_LISTS], (this: ILoadOptionsFunctions, filter?: string, paginationToken?: string) => Promise<INodeListSearchResult>> = {
	[PICKER_LISTS.instances]: searchInstances,
	[PICKER_LISTS.agents]: searchAgents,
	[PICKER_LISTS.skillGroups]: searchSkillGroups,
	[PICKER_LISTS.devices]: searchDevices,
};
