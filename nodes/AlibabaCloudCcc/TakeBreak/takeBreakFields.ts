import type { INodeProperties } from 'n8n-workflow';

import { instanceIdProperties, userIdProperties } from '../agent/agentFields';
import { callOptionsProperty } from '../execution/callOptions';
import type { FieldLabel } from '../params/readParameter';

export const BREAK_CODE: FieldLabel = { name: 'breakCode', displayName: 'Break Code', example: 'lunch' };

export const takeBreakProperties: INodeProperties[] = [
	...instanceIdProperties(),
	...userIdProperties("Agent to put on a break, in the form name@instance. Leave empty for the agent bound to the credential's RAM identity."),
	{
		displayName: BREAK_CODE.displayName,
		name: BREAK_CODE.name,
		type: 'string',
		default: '',
		required: true,
		placeholder: `e.g. ${BREAK_CODE.example}`,
		description:
			'Why the agent is away, as your reports should show it (lunch, meeting, training): free text, CCC keeps no list',
	},
	callOptionsProperty,
];
