import type { INodeProperties } from 'n8n-workflow';

import { instanceIdProperties, userIdProperties } from '../agent/agentFields';
import { callOptionsProperty } from '../execution/callOptions';

export const listDevicesProperties: INodeProperties[] = [
	...instanceIdProperties(),
	...userIdProperties(
		"Agent whose workstations to list, in the form name@instance. Leave empty for the agent bound to the credential's RAM identity.",
	),
	callOptionsProperty,
];
