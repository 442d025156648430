import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { CccItemCalls } from '../execution/runCccAction';
import { readOptionalMatching, readRequiredText, type FieldLabel } from '../params/readParameter';

/** The fields that name an agent, shared by the CCC nodes that act on one. */
export const INSTANCE_ID: FieldLabel = { name: 'instanceId', displayName: 'Instance ID', example: 'ccc-test' };
export const USER_ID: FieldLabel = { name: 'userId', displayName: 'User ID', example: 'user-test@ccc-test' };
export const AGENT_IDS: FieldLabel = { name: 'agentIds', displayName: 'Agent IDs', example: 'alice@ccc-test,bob@ccc-test' };
export const SKILL_GROUP_ID: FieldLabel = { name: 'skillGroupId', displayName: 'Skill Group ID', example: 'skg-sales@ccc-test' };

/** name@instance, without spaces, and without the brackets, quotes and commas of a list typed around it. */
export const USER_ID_PATTERN = /^[^\s@[\]"',]+@[^\s@[\]"',]+$/;
export const USER_ID_FORM = 'of the form name@instance';

export const instanceIdProperty: INodeProperties = {
	displayName: INSTANCE_ID.displayName,
	name: INSTANCE_ID.name,
	type: 'string',
	default: '',
	required: true,
	placeholder: `e.g. ${INSTANCE_ID.example}`,
	description: 'ID of the Cloud Contact Center instance the agent belongs to',
};

/** A text field that names agents or a skill group, with what it is for in this node (and when it shows). */
const textProperty = (field: FieldLabel) => (description: string, extra: Partial<INodeProperties> = {}): INodeProperties => ({
	displayName: field.displayName,
	name: field.name,
	type: 'string',
	default: '',
	placeholder: `e.g. ${field.example}`,
	description,
	...extra,
});

export const userIdProperty = textProperty(USER_ID);
export const agentIdsProperty = textProperty(AGENT_IDS);
export const skillGroupIdProperty = textProperty(SKILL_GROUP_ID);

/** What CCC does with an action that names no agent, said when an expression (a roster's empty cell) left User ID empty. */
export const EMPTY_USER_ID_HINT =
	"User ID's expression gave an empty value, so CCC acted on the agent bound to the credential's RAM identity: check the expression and the column it reads";

/**
 * The User ID when given. CCC takes an action without UserId for the agent bound to the calling RAM identity: left
 * empty by an expression, that is rarely what was meant, and the run says so.
 */
export function readOptionalUserId(context: IExecuteFunctions, itemIndex: number, calls: Pick<CccItemCalls, 'hint'>): string | undefined {
	const userId = readOptionalMatching(context, USER_ID, itemIndex, USER_ID_PATTERN, USER_ID_FORM);
	const given = context.getNode().parameters[USER_ID.name];
	if (userId === undefined && typeof given === 'string' && given.startsWith('=')) calls.hint(EMPTY_USER_ID_HINT);
	return userId;
}

/** Instance ID and the User ID when given: the agent an action acts on. */
export function readAgent(context: IExecuteFunctions, itemIndex: number, calls: Pick<CccItemCalls, 'hint'>): { InstanceId: string; UserId?: string } {
	return {
		InstanceId: readRequiredText(context, INSTANCE_ID, itemIndex),
		UserId: readOptionalUserId(context, itemIndex, calls),
	};
}
