import type { INodeProperties } from 'n8n-workflow';

import { instanceIdProperties, userIdProperties } from '../agent/agentFields';
import { DEVICE, DEVICE_SOURCE, deviceIdProperties, deviceSourceOptions, withDevice } from '../agent/deviceFields';
import { callOptionsProperty } from '../execution/callOptions';
import { inVersion2 } from '../params/nodeVersions';
import type { FieldLabel } from '../params/readParameter';

export const IF_SIGNED_OUT: FieldLabel = { name: 'ifSignedOut', displayName: 'If Signed Out', example: 'signIn' };

/** What ReadyForService does with an agent CCC refuses as OFFLINE (version 2 on). */
export const IF_SIGNED_OUT_CHOICES = { error: 'error', signIn: 'signIn' } as const;

export const OUTBOUND_SCENARIO: FieldLabel = {
	name: 'outboundScenario',
	displayName: 'Outbound Scenario',
	example: 'false',
};

const deviceId = deviceIdProperties('make ready');

export const readyForServiceProperties: INodeProperties[] = [
	...instanceIdProperties(),
	{
		displayName: DEVICE.displayName,
		name: DEVICE.name,
		type: 'options',
		options: deviceSourceOptions('make ready'),
		// A literal, for n8n's lint; the package test holds it to DEVICE_SOURCE.deviceId.
		default: 'deviceId',
	},
	deviceId.text,
	...userIdProperties(
		"Agent to make ready, in the form name@instance. Leave empty for the agent bound to the credential's RAM identity.",
		withDevice(DEVICE_SOURCE.deviceId),
	),
	...userIdProperties('Agent to make ready, in the form name@instance: the node looks up the workstation this agent is signed in on', {
		required: true,
		...withDevice(DEVICE_SOURCE.registeredDevice),
	}),
	deviceId.picker,
	{
		displayName: OUTBOUND_SCENARIO.displayName,
		name: OUTBOUND_SCENARIO.name,
		type: 'boolean',
		default: false,
		description: 'Whether the agent only makes outbound calls',
	},
	inVersion2({
		displayName: IF_SIGNED_OUT.displayName,
		name: IF_SIGNED_OUT.name,
		type: 'options',
		options: [
			{ name: 'Report an Error', value: IF_SIGNED_OUT_CHOICES.error, description: 'The agent goes to the error output, told to sign in first' },
			{
				name: 'Sign In First',
				value: IF_SIGNED_OUT_CHOICES.signIn,
				description: "Sign the agent in to their own skill groups on their workstation (CCC's SignInGroup), then make them ready",
			},
		],
		// A literal, for n8n's lint: today's behaviour.
		default: 'error',
		description: 'What to do with an agent who is signed out (OFFLINE): the workstation must be online for a sign-in',
	}),
	callOptionsProperty,
];
