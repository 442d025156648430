import type { INodeProperties } from 'n8n-workflow';

import { instanceIdProperties, userIdProperties } from '../agent/agentFields';
import { callOptionsProperty } from '../execution/callOptions';

export const signOutGroupProperties: INodeProperties[] = [
	...instanceIdProperties(),
	...userIdProperties(
		"Agent to sign out, in the form name@instance. Leave empty for the agent bound to the credential's RAM identity. CCC refuses an agent who is on a call.",
	),
	callOptionsProperty,
];
