import type { INodeProperties } from 'n8n-workflow';

import type { FieldLabel } from '../params/readParameter';

export const INSTANCE_ID: FieldLabel = { name: 'instanceId', displayName: 'Instance ID', example: 'ccc-test' };
export const DEVICE_ID: FieldLabel = {
	name: 'deviceId',
	displayName: 'Device ID',
	example: 'ACC-YUNBS-1.0.10-bsd87c04aaa8f7000176ad354b1c',
};
export const USER_ID: FieldLabel = { name: 'userId', displayName: 'User ID', example: 'user-test@ccc-test' };
export const OUTBOUND_SCENARIO: FieldLabel = {
	name: 'outboundScenario',
	displayName: 'Outbound Scenario',
	example: 'false',
};

export const readyForServiceProperties: INodeProperties[] = [
	{
		displayName: INSTANCE_ID.displayName,
		name: INSTANCE_ID.name,
		type: 'string',
		default: '',
		required: true,
		placeholder: `e.g. ${INSTANCE_ID.example}`,
		description: 'ID of the Cloud Contact Center instance the agent belongs to',
	},
	{
		displayName: DEVICE_ID.displayName,
		name: DEVICE_ID.name,
		type: 'string',
		default: '',
		required: true,
		placeholder: `e.g. ${DEVICE_ID.example}`,
		description:
			'ID of the agent workstation to make ready (browser, iOS or Android app). An agent may have several, but only one is active at a time.',
	},
	{
		displayName: USER_ID.displayName,
		name: USER_ID.name,
		type: 'string',
		default: '',
		placeholder: `e.g. ${USER_ID.example}`,
		description:
			'Agent to make ready, in the form name@instance. Leave empty for the agent bound to the credential\'s RAM identity.',
	},
	{
		displayName: OUTBOUND_SCENARIO.displayName,
		name: OUTBOUND_SCENARIO.name,
		type: 'boolean',
		default: false,
		description: 'Whether the agent only makes outbound calls',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Concurrency',
				name: 'concurrency',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 100 },
				default: 1,
				description:
					'How many items may have a request in flight at once. A finished item makes room for the next at once; output order is kept.',
			},
			{
				displayName: 'Max Attempts',
				name: 'maxAttempts',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 10 },
				default: 3,
				description:
					'Calls per item at most, the first included, when Retry Transient Errors is on. Only the failed item is sent again.',
			},
			{
				displayName: 'Max Requests per Second',
				name: 'maxRequestsPerSecond',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 0,
				description:
					'Keeps the run under your account\'s API rate: requests leave no faster than this (0 means no cap). Retries count too.',
			},
			{
				displayName: 'Retry Base Delay',
				name: 'retryBaseDelay',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 500,
				description:
					'Milliseconds to wait before the first retry; each further retry waits up to twice as long (random, at most 20 seconds)',
			},
			{
				displayName: 'Retry Transient Errors',
				name: 'retryTransientErrors',
				type: 'boolean',
				default: true,
				description:
					'Whether to call again for an item that failed for a passing reason (throttling, a 5xx answer, a lost connection, a timeout). Errors such as an unknown user are never retried.',
			},
			{
				displayName: 'Simplify',
				name: 'simplify',
				type: 'boolean',
				default: true,
				description: 'Whether to return a simplified version of the response instead of the raw data',
			},
			{
				displayName: 'Timeout',
				name: 'timeout',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 10000,
				description: 'Milliseconds to wait for Alibaba Cloud to answer each call before it counts as failed',
			},
		],
	},
];
