import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { MAX_RETRY_DELAY_MS, NO_RETRIES, type RetryPolicy } from '../transport/retryPolicy';

/** The Options every CCC action node offers: pace, retries, timeout, output shape. */
export interface CallOptions {
	concurrency: number;
	maxAttempts: number;
	maxRequestsPerSecond: number;
	retryBaseDelay: number;
	retryTransientErrors: boolean;
	simplify: boolean;
	timeout: number;
}

interface NumberOption {
	readonly default: number;
	readonly min: number;
	readonly max: number;
	/** A value at or below this turns the option off; any other lies within min–max. */
	readonly off?: number;
	/** Whether only whole numbers make sense (a count). */
	readonly integer?: boolean;
}

/**
 * Each option's one definition of its default and limits. n8n shows a collection option's `default` in the editor
 * only once the user adds that option; the code applies the same values to whatever the user left out, and a test
 * holds the README's Options table to them.
 */
export const CALL_OPTION_DEFAULTS: {
	readonly [Name in keyof CallOptions]: CallOptions[Name] extends number ? NumberOption : { readonly default: boolean };
} = {
	concurrency: { default: 1, min: 1, max: 100, integer: true },
	maxAttempts: { default: 3, min: 1, max: 10, integer: true },
	// A request per 100 s at the slowest: slower pacing would outgrow timers and end unpaced.
	maxRequestsPerSecond: { default: 0, off: 0, min: 0.01, max: 1000 },
	// No backoff is longer than MAX_RETRY_DELAY_MS anyway.
	retryBaseDelay: { default: 500, min: 0, max: MAX_RETRY_DELAY_MS },
	retryTransientErrors: { default: true },
	simplify: { default: true },
	// Node's timers overflow past 2^31 ms (about 24.8 days) and would fire at once; no CCC answer takes minutes.
	timeout: { default: 10_000, min: 1, max: 300_000, integer: true },
};

/** An option's limits in words, as the option's description and the README's table give them. */
export function limitsOf({ min, max, off }: NumberOption): string {
	return off === undefined ? `${min}–${max}` : `${off} (off), or ${min}–${max}`;
}

/**
 * What an option that can be off does with a value between off and its minimum, in words: a tiny positive rate means
 * "slow", so it becomes the slowest pacing, not off (the nearest limit).
 */
export function belowMinimumOf({ min, off }: NumberOption): string | undefined {
	return off === undefined ? undefined : `A value between ${off} and ${min} is ${min}, not ${off}.`;
}

type NumberName = { [Name in keyof CallOptions]: CallOptions[Name] extends number ? Name : never }[keyof CallOptions];

/** The editor's property of one option, its type, default and limits read from CALL_OPTION_DEFAULTS. */
function optionProperty(name: keyof CallOptions, displayName: string, description: string): INodeProperties {
	const definition = CALL_OPTION_DEFAULTS[name];
	const shown = { displayName, name, default: definition.default, description };
	if (!('min' in definition)) return { ...shown, type: 'boolean' };
	const { min, max, off, integer } = definition;
	const typeOptions = { minValue: off ?? min, maxValue: max, ...(integer ? { numberPrecision: 0 } : {}) };
	const limits = [`Limits: ${limitsOf(definition)}.`, belowMinimumOf(definition)].filter(Boolean).join(' ');
	return { ...shown, description: `${description} ${limits}`, type: 'number', typeOptions };
}

export const callOptionsProperty: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [
		optionProperty(
			'concurrency',
			'Concurrency',
			'How many items may have a request in flight at once. A finished item makes room for the next at once; output order is kept. Read from the first item only, for the whole run.',
		),
		optionProperty(
			'maxAttempts',
			'Max Attempts',
			"Attempts per CCC call at most, the first included, when Retry Transient Errors is on; with Agent's Registered Device, the lookup and ReadyForService get this many each. Only the failed item is sent again.",
		),
		optionProperty(
			'maxRequestsPerSecond',
			'Max Requests per Second',
			"Keeps the run under your account's API rate: requests leave no faster than this (0 means no cap). Retries count too. Read from the first item only, for the whole run.",
		),
		optionProperty(
			'retryBaseDelay',
			'Retry Base Delay',
			`Milliseconds to wait at most before the first retry; each further retry waits up to twice as long (random, at most ${MAX_RETRY_DELAY_MS / 1000} seconds).`,
		),
		optionProperty(
			'retryTransientErrors',
			'Retry Transient Errors',
			'Whether to call again for an item that failed for a passing reason (throttling, a passing server error, a lost connection, a timeout). Errors such as an unknown user are never retried.',
		),
		optionProperty('simplify', 'Simplify', 'Whether to return a simplified version of the response instead of the raw data'),
		optionProperty('timeout', 'Timeout', 'Milliseconds to wait for Alibaba Cloud to answer each call before it counts as failed and is retried.'),
	],
};

type BooleanName = Exclude<keyof CallOptions, NumberName>;

/** A value an expression gave an option that is not of the option's type: the error names the option and the item. */
function invalidOption(context: IExecuteFunctions, itemIndex: number, name: keyof CallOptions, value: unknown, expected: string) {
	const option = callOptionsProperty.options?.find((candidate) => candidate.name === name);
	const displayName = option && 'displayName' in option ? option.displayName : name;
	return new NodeOperationError(context.getNode(), `Options → ${displayName} is ${JSON.stringify(value)}, not ${expected}, in item ${itemIndex}`, {
		description: `Make the expression return ${expected}, or remove the option to use its default (${String(CALL_OPTION_DEFAULTS[name].default)})`,
		itemIndex,
	});
}

/** An option left out (or empty) is its default; a number, or a number as text, is kept within the option's limits. */
function numberValue(context: IExecuteFunctions, itemIndex: number, name: NumberName, value: unknown): number {
	const { default: fallback, min, max, off, integer } = CALL_OPTION_DEFAULTS[name];
	if (value === undefined || value === null || value === '') return fallback;
	const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	if (typeof number !== 'number' || !Number.isFinite(number)) throw invalidOption(context, itemIndex, name, value, 'a number');
	if (off !== undefined && number <= off) return off;
	const whole = integer ? Math.floor(number) : number;
	return Math.min(max, Math.max(min, whole));
}

function booleanValue(context: IExecuteFunctions, itemIndex: number, name: BooleanName, value: unknown): boolean {
	if (value === undefined || value === null || value === '') return CALL_OPTION_DEFAULTS[name].default;
	if (typeof value === 'boolean') return value;
	if (typeof value === 'string' && /^(true|false)$/i.test(value.trim())) return value.trim().toLowerCase() === 'true';
	throw invalidOption(context, itemIndex, name, value, 'true or false');
}

/** The item's Options, every one the user did not add set to its default, numbers kept within their limits. */
export function readCallOptions(context: IExecuteFunctions, itemIndex: number): CallOptions {
	const given = context.getNodeParameter(callOptionsProperty.name, itemIndex, {}) as Partial<Record<keyof CallOptions, unknown>>;
	const number = (name: NumberName) => numberValue(context, itemIndex, name, given[name]);
	const boolean = (name: BooleanName) => booleanValue(context, itemIndex, name, given[name]);
	return {
		concurrency: number('concurrency'),
		maxAttempts: number('maxAttempts'),
		maxRequestsPerSecond: number('maxRequestsPerSecond'),
		retryBaseDelay: number('retryBaseDelay'),
		retryTransientErrors: boolean('retryTransientErrors'),
		simplify: boolean('simplify'),
		timeout: number('timeout'),
	};
}

/** Every option at its default: what a trigger's poll, which has no Options, calls with. */
export const defaultCallOptions = (): CallOptions =>
	Object.fromEntries(Object.entries(CALL_OPTION_DEFAULTS).map(([name, option]) => [name, option.default])) as unknown as CallOptions;

export function retryPolicyOf(options: CallOptions): RetryPolicy {
	if (!options.retryTransientErrors) return NO_RETRIES;
	return { maxAttempts: options.maxAttempts, baseDelayMs: options.retryBaseDelay, maxDelayMs: MAX_RETRY_DELAY_MS };
}
