import type { INodeProperties } from 'n8n-workflow';

import { instanceIdProperty, userIdProperty } from '../agent/agentFields';
import { callOptionsProperty } from '../execution/callOptions';

export const signOutGroupProperties: INodeProperties[] = [
	instanceIdProperty,
	userIdProperty('Agent to sign out, in the form name@instance. CCC refuses an agent who is on a call.', { required: true }),
	callOptionsProperty,
];
