import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { CccItemCalls } from '../execution/runCccAction';
import { inVersion2, inVersion1, fromVersion2 } from '../params/nodeVersions';
import { readOptionalMatching, readRequiredMatching, readRequiredText, storedText, type FieldLabel, type ParameterContext } from '../params/readParameter';

/** The fields that name an agent, shared by the CCC nodes that act on one. */
export const INSTANCE_ID: FieldLabel = { name: 'instanceId', displayName: 'Instance ID', example: 'ccc-test' };
export const USER_ID: FieldLabel = { name: 'userId', displayName: 'User ID', example: 'user-test@ccc-test' };
export const AGENT_IDS: FieldLabel = { name: 'agentIds', displayName: 'Agent IDs', example: 'alice@ccc-test,bob@ccc-test' };
export const SKILL_GROUP_ID: FieldLabel = { name: 'skillGroupId', displayName: 'Skill Group ID', example: 'skg-sales@ccc-test' };

/** name@instance, without spaces, and without the brackets, quotes and commas of a list typed around it. */
export const USER_ID_PATTERN = /^[^\s@[\]"',]+@[^\s@[\]"',]+$/;
export const USER_ID_FORM = 'of the form name@instance';

/** An instance ID as CCC makes them (`ccc-test`): letters, digits, `-` and `_`. */
export const INSTANCE_ID_PATTERN = /^[A-Za-z0-9][\w-]*$/;
export const INSTANCE_ID_FORM = 'an instance ID (letters, digits, - and _)';

/** The URL of an instance's workbench, as ListInstances gives it (ConsoleUrl): `https://ccc-v2.aliyun.com/#/workbench/ccc-test`. */
export const WORKBENCH_URL_PATTERN = '^https?://[^/#]+/[^#]*#/workbench/([A-Za-z0-9][\\w-]*)';

/** The lists the pickers search (the node's `methods.listSearch`), by the name their fields call them. */
export const PICKER_LISTS = {
	instances: 'searchInstances',
	agents: 'searchAgents',
	skillGroups: 'searchSkillGroups',
	devices: 'searchDevices',
} as const;

/** A node's subtitle: the instance, whether typed (version 1) or picked (its name, else its ID). */
export const INSTANCE_SUBTITLE =
	'={{"Instance: " + (typeof $parameter["instanceId"] === "object" ? ($parameter["instanceId"].cachedResultName || $parameter["instanceId"].value) : $parameter["instanceId"])}}';

const instanceIdText: INodeProperties = {
	displayName: INSTANCE_ID.displayName,
	name: INSTANCE_ID.name,
	type: 'string',
	default: '',
	required: true,
	placeholder: `e.g. ${INSTANCE_ID.example}`,
};

/** A picker's modes: From List (searched with `searchListMethod`), and By ID (checked against `pattern`, if any, as it is typed). */
export const pickerModes = (searchListMethod: string, field: FieldLabel, pattern?: RegExp, form?: string): Required<Pick<INodeProperties, 'modes'>> => ({
	modes: [
		{ displayName: 'From List', name: 'list', type: 'list', typeOptions: { searchListMethod, searchable: true } },
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: `e.g. ${field.example}`,
			// Empty passes: whether the field may be empty is `required`'s to say.
			...(pattern ? { validation: [{ type: 'regex', properties: { regex: `(?:^$)|(?:${pattern.source})`, errorMessage: `Not ${form}` } }] } : {}),
		},
	],
});

const instanceIdPicker: INodeProperties = {
	displayName: INSTANCE_ID.displayName,
	name: INSTANCE_ID.name,
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	modes: [
		...pickerModes(PICKER_LISTS.instances, INSTANCE_ID, INSTANCE_ID_PATTERN, INSTANCE_ID_FORM).modes,
		{
			displayName: 'By URL',
			name: 'url',
			type: 'string',
			placeholder: `e.g. https://ccc-v2.aliyun.com/#/workbench/${INSTANCE_ID.example}`,
			validation: [{ type: 'regex', properties: { regex: WORKBENCH_URL_PATTERN, errorMessage: "Use the URL of the instance's workbench" } }],
			extractValue: { type: 'regex', regex: WORKBENCH_URL_PATTERN },
		},
	],
};

/** Instance ID, with the instance it names in this node: a text field in version 1, a picker from version 2 on. */
export const instanceIdProperties = (instance = 'Cloud Contact Center instance the agent belongs to'): INodeProperties[] => [
	inVersion1({ ...instanceIdText, description: `ID of the ${instance}` }),
	inVersion2({ ...instanceIdPicker, description: `The ${instance}` }),
];

/** A field that names agents or a skill group: text (version 1), or a picker of the chosen instance's (version 2). */
const agentFieldProperties =
	(field: FieldLabel, list: string, pattern?: RegExp) =>
	(description: string, extra: Partial<INodeProperties> = {}): INodeProperties[] => [
		inVersion1({ displayName: field.displayName, name: field.name, type: 'string', default: '', placeholder: `e.g. ${field.example}`, description, ...extra }),
		inVersion2({
			displayName: field.displayName,
			name: field.name,
			type: 'resourceLocator',
			default: { mode: 'list', value: '' },
			description,
			typeOptions: { loadOptionsDependsOn: [`${INSTANCE_ID.name}.value`] },
			...pickerModes(list, field, pattern, USER_ID_FORM),
			...extra,
		}),
	];

export const userIdProperties = agentFieldProperties(USER_ID, PICKER_LISTS.agents, USER_ID_PATTERN);
/** Several agents: From List picks one; By ID takes a list. */
export const agentIdsProperties = agentFieldProperties(AGENT_IDS, PICKER_LISTS.agents);
export const skillGroupIdProperties = agentFieldProperties(SKILL_GROUP_ID, PICKER_LISTS.skillGroups, USER_ID_PATTERN);

/** The instance ID; from version 2 on also checked for its form, since expressions and models skip the editor's check. */
export function readInstanceId(context: ParameterContext, itemIndex: number): string {
	if (!fromVersion2(context.getNode())) return readRequiredText(context, INSTANCE_ID, itemIndex);
	return readRequiredMatching(context, INSTANCE_ID, itemIndex, INSTANCE_ID_PATTERN, INSTANCE_ID_FORM, 'to name the CCC instance');
}

/** A skill group's ID when given; from version 2 on also checked for its form. */
export function readOptionalSkillGroupId(context: ParameterContext, itemIndex: number): string | undefined {
	return readOptionalMatching(context, SKILL_GROUP_ID, itemIndex, fromVersion2(context.getNode()) ? USER_ID_PATTERN : /\S/, USER_ID_FORM);
}

/** What CCC does with an action that names no agent, said when an expression (a roster's empty cell) left User ID empty. */
export const EMPTY_USER_ID_HINT =
	"User ID's expression gave an empty value, so CCC acted on the agent bound to the credential's RAM identity: check the expression and the column it reads";

/**
 * The User ID when given. CCC takes an action without UserId for the agent bound to the calling RAM identity: a
 * field left empty means that. When an expression leaves it empty (a roster's empty cell), that is rarely what was
 * meant: version 1 acts and the run says so; from version 2 on the item is an error.
 */
export function readOptionalUserId(context: IExecuteFunctions, itemIndex: number, calls: Pick<CccItemCalls, 'hint'>): string | undefined {
	const userId = readOptionalMatching(context, USER_ID, itemIndex, USER_ID_PATTERN, USER_ID_FORM);
	const given = storedText(context, USER_ID);
	if (userId !== undefined || typeof given !== 'string' || !given.startsWith('=')) return userId;
	if (!fromVersion2(context.getNode())) {
		calls.hint(EMPTY_USER_ID_HINT);
		return undefined;
	}
	return readRequiredMatching(
		context,
		USER_ID,
		itemIndex,
		USER_ID_PATTERN,
		USER_ID_FORM,
		"when its expression is set (clear the field to act on the agent bound to the credential's RAM identity)",
	);
}

/** Instance ID and the User ID when given: the agent an action acts on. */
export function readAgent(context: IExecuteFunctions, itemIndex: number, calls: Pick<CccItemCalls, 'hint'>): { InstanceId: string; UserId?: string } {
	return {
		InstanceId: readInstanceId(context, itemIndex),
		UserId: readOptionalUserId(context, itemIndex, calls),
	};
}
