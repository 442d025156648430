import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readOptionalMatching, readRequiredText, type FieldLabel } from '../params/readParameter';

/** The fields that name an agent, shared by the CCC nodes that act on one. */
export const INSTANCE_ID: FieldLabel = { name: 'instanceId', displayName: 'Instance ID', example: 'ccc-test' };
export const USER_ID: FieldLabel = { name: 'userId', displayName: 'User ID', example: 'user-test@ccc-test' };

/** name@instance, without spaces. */
export const USER_ID_PATTERN = /^[^\s@]+@[^\s@]+$/;
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

/** User ID, with what it is for in this node (and, where it depends on another field, when it shows). */
export const userIdProperty = (description: string, extra: Partial<INodeProperties> = {}): INodeProperties => ({
	displayName: USER_ID.displayName,
	name: USER_ID.name,
	type: 'string',
	default: '',
	placeholder: `e.g. ${USER_ID.example}`,
	description,
	...extra,
});

/**
 * Instance ID and the User ID when given: the agent an action acts on. CCC takes an action without UserId for the
 * agent bound to the calling RAM identity.
 */
export function readAgent(context: IExecuteFunctions, itemIndex: number): { InstanceId: string; UserId?: string } {
	return {
		InstanceId: readRequiredText(context, INSTANCE_ID, itemIndex),
		UserId: readOptionalMatching(context, USER_ID, itemIndex, USER_ID_PATTERN, USER_ID_FORM),
	};
}
