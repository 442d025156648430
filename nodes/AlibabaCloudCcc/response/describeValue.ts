import { excerptOf } from './decodeBody';

/** What a decoded value is, in words, when it is not what the answer should hold. */
export function kindOf(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'a list';
	return typeof value === 'string' ? 'text' : `a ${typeof value}`;
}

/** A decoded value as JSON, cut to an excerpt for a message. */
export const quoted = (value: unknown): string => excerptOf(JSON.stringify(value));
