import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { NO_RETRIES, type RetryPolicy } from '../transport/retryPolicy';

/** The Options every CCC action node offers: pace, retries, timeout, output shape. */
export interface CallOptions {
	concurrency?: number;
	maxAttempts?: number;
	maxRequestsPerSecond?: number;
	retryBaseDelay?: number;
	retryTransientErrors?: boolean;
	simplify?: boolean;
	timeout?: number;
}

const MAX_RETRY_DELAY_MS = 20_000;

export const callOptionsProperty: INodeProperties = {
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
				"Keeps the run under your account's API rate: requests leave no faster than this (0 means no cap). Retries count too.",
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
};

export const readCallOptions = (context: IExecuteFunctions, itemIndex: number): CallOptions =>
	context.getNodeParameter(callOptionsProperty.name, itemIndex, {}) as CallOptions;

export function retryPolicyOf(options: CallOptions): RetryPolicy {
	if (options.retryTransientErrors === false) return NO_RETRIES;
	return {
		maxAttempts: Math.min(10, Math.max(1, Math.floor(options.maxAttempts ?? 3))),
		baseDelayMs: Math.max(0, options.retryBaseDelay ?? 500),
		maxDelayMs: MAX_RETRY_DELAY_MS,
	};
}
