import { kindOf, quoted } from './describeValue';
import { normalizeFields, type FieldTypes } from './normalizeFields';

/** What a paged CCC listing holds, for checking the shape of its `Data`. */
export interface PageShape {
	/** One entry, for messages: "agent". */
	readonly noun: string;
	/** The field that identifies an entry (AgentId, UserId). */
	readonly idField: string;
	/** The entry's documented types. */
	readonly entryTypes: FieldTypes;
	/** Anything else that makes a typed entry unusable, if anything. */
	readonly entryProblem?: (entry: Record<string, unknown>, position: string) => string | undefined;
}

/**
 * What makes a decoded `Data` unlike one page of a CCC listing, if anything: a page has a `TotalCount` (without it, a
 * listing cannot know that it is complete) and a `List` of entries, each with its ID. One bare entry is a list of
 * one (a single XML element); nothing or an empty element is no entry.
 */
export function unexpectedPage(data: unknown, { noun, idField, entryTypes, entryProblem }: PageShape): string | undefined {
	if (typeof data !== 'object' || data === null || Array.isArray(data)) return `Data is ${kindOf(data)}, not a page of ${noun}s: ${quoted(data)}`;
	const { TotalCount, List: list } = normalizeFields(data, { TotalCount: 'number' }) as { TotalCount?: unknown; List?: unknown };
	if (TotalCount === undefined) return 'Data has no TotalCount';
	if (typeof TotalCount !== 'number' || !Number.isInteger(TotalCount) || TotalCount < 0) return `Data has TotalCount ${quoted(TotalCount)}, not a count`;
	if (list === undefined || list === null || list === '') return undefined;
	if (typeof list !== 'object') return `List is ${kindOf(list)}, not a list of ${noun}s: ${quoted(list)}`;
	const entries: unknown[] = Array.isArray(list) ? list : [list];
	for (const [index, entry] of entries.entries()) {
		const position = `${noun} ${index + 1} of ${entries.length}`;
		if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) return `${position} is ${kindOf(entry)}, not ${/^[aeiou]/.test(noun) ? 'an' : 'a'} ${noun}: ${quoted(entry)}`;
		const typed = normalizeFields(entry, entryTypes) as Record<string, unknown>;
		const id = typed[idField];
		if (typeof id !== 'string' || !id) return `${position} has no ${idField} (${quoted(entry)})`;
		const problem = entryProblem?.(typed, `${position} (${id})`);
		if (problem) return problem;
	}
	return undefined;
}
