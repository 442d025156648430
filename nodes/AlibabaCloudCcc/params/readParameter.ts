import type { IGetNodeParameterOptions, INode, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** Where parameters are read: an item of a node's execute loop, or a trigger's poll (which has one item, 0). */
export interface ParameterContext {
	getNode(): INode;
	getNodeParameter(name: string, itemIndex: number, fallbackValue?: unknown, options?: IGetNodeParameterOptions): unknown;
}

/** A poll's parameters, read as item 0's. */
export function pollParameters(context: IPollFunctions): ParameterContext {
	return {
		getNode: () => context.getNode(),
		getNodeParameter: (name, _itemIndex, fallbackValue, options) => context.getNodeParameter(name, fallbackValue, options),
	};
}

/** How a field is named to the user and what a good value looks like, for error messages. */
export interface FieldLabel {
	readonly name: string;
	readonly displayName: string;
	readonly example: string;
}

function invalid(context: ParameterContext, field: FieldLabel, itemIndex: number, problem: string, fix: string) {
	return new NodeOperationError(context.getNode(), `${field.displayName} ${problem} in item ${itemIndex}`, {
		description: `${fix}, e.g. ${field.example}`,
		itemIndex,
	});
}

/** How a resource locator (a picker) stores its value: `{ __rl: true, mode, value }`; a text field stores the text. */
interface LocatorValue {
	readonly mode: string;
	readonly value: unknown;
}

function locatorOf(stored: unknown): LocatorValue | undefined {
	return typeof stored === 'object' && stored !== null && 'mode' in stored && 'value' in stored ? (stored as LocatorValue) : undefined;
}

/** The field's value as saved in the workflow, before expressions: the text of a text field or of a picker's value. */
export function storedText(context: ParameterContext, field: FieldLabel): unknown {
	const stored = context.getNode().parameters[field.name];
	return locatorOf(stored)?.value ?? stored;
}

/**
 * A field's value; a picker's (From List, By ID, By URL) read with n8n's `extractValue` as the ID it names. Text
 * fields (a node's first version) are read as they always were. A URL that names nothing is an error that names the
 * field and the item.
 */
function readValue(context: ParameterContext, field: FieldLabel, itemIndex: number, fallbackValue: unknown): unknown {
	const locator = locatorOf(context.getNode().parameters[field.name]);
	if (!locator) return context.getNodeParameter(field.name, itemIndex, fallbackValue);
	if (locator.mode !== 'url') return context.getNodeParameter(field.name, itemIndex, fallbackValue, { extractValue: true });
	// The expression first, so that its own errors reach the user as n8n words them; only the URL's reading is ours.
	context.getNodeParameter(field.name, itemIndex, fallbackValue);
	try {
		return context.getNodeParameter(field.name, itemIndex, fallbackValue, { extractValue: true });
	} catch {
		throw invalid(context, field, itemIndex, 'holds a URL that names no ID the node can read', 'Copy the URL from the CCC console as it is, or choose By ID');
	}
}

function describeType(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'an array';
	if (typeof value === 'number') return `a number that is not finite (${value})`;
	return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

const LONE_SURROGATE = /\p{Surrogate}/u;

/**
 * A text field, trimmed; '' when empty. A finite number from an expression (a sheet column of numeric IDs) is taken
 * as its text; other types are refused, not coerced.
 */
export function readText(context: ParameterContext, field: FieldLabel, itemIndex: number): string {
	const value: unknown = readValue(context, field, itemIndex, '');
	if (value === undefined || value === null) return '';
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	if (typeof value !== 'string') {
		throw invalid(context, field, itemIndex, `is ${describeType(value)}, not text,`, `Make the expression return text`);
	}
	// Half of a character (an emoji cut in two by a sheet or a substring) cannot be sent: no encoding represents it.
	if (LONE_SURROGATE.test(value)) {
		throw invalid(context, field, itemIndex, 'holds half of a character (an emoji or symbol cut in two)', 'Remove the broken character or give the whole one');
	}
	return value.trim();
}

export function readRequiredText(context: ParameterContext, field: FieldLabel, itemIndex: number): string {
	const value = readText(context, field, itemIndex);
	if (!value) {
		throw invalid(context, field, itemIndex, 'is empty', `Set ${field.displayName}, or check that its expression finds a value`);
	}
	return value;
}

/** Optional text that, when given, must match `pattern`. */
export function readOptionalMatching(
	context: ParameterContext,
	field: FieldLabel,
	itemIndex: number,
	pattern: RegExp,
	expected: string,
): string | undefined {
	const value = readText(context, field, itemIndex);
	if (!value) return undefined;
	if (!pattern.test(value)) {
		throw invalid(context, field, itemIndex, `"${value}" is not ${expected}`, `Use ${expected}`);
	}
	return value;
}

/** A boolean field; expressions may also give the text "true" or "false". */
export function readBoolean(context: ParameterContext, field: FieldLabel, itemIndex: number): boolean {
	const value: unknown = context.getNodeParameter(field.name, itemIndex, false);
	if (typeof value === 'boolean') return value;
	if (typeof value === 'string' && /^(true|false)$/i.test(value.trim())) return value.trim().toLowerCase() === 'true';
	throw invalid(context, field, itemIndex, `is ${describeType(value)}, not true or false,`, 'Make the expression return a boolean');
}

/** Text that must be given (`purpose` says what for) and match `pattern`. */
export function readRequiredMatching(
	context: ParameterContext,
	field: FieldLabel,
	itemIndex: number,
	pattern: RegExp,
	expected: string,
	purpose: string,
): string {
	const value = readOptionalMatching(context, field, itemIndex, pattern, expected);
	if (!value) {
		throw invalid(context, field, itemIndex, `is empty`, `${field.displayName} is needed ${purpose}: set it, or check that its expression finds a value`);
	}
	return value;
}

/** Text that looks like a JSON array (what a model or a reader of CCC's docs types: `["a@x","b@x"]`). */
const JSON_ARRAY_TEXT = /^\s*\[[\s\S]*\]\s*$/;

/** The entries of a list field's value, before each is checked. */
function listEntries(context: ParameterContext, field: FieldLabel, itemIndex: number, value: unknown): unknown[] {
	if (Array.isArray(value)) return value;
	if (value === null || value === undefined) {
		throw invalid(context, field, itemIndex, 'is empty (its expression gave null)', 'Make the expression return a list, or clear the field to leave it out');
	}
	if (typeof value !== 'string') return [value];
	if (!JSON_ARRAY_TEXT.test(value)) return value.split(/[,\n]/);
	try {
		const parsed: unknown = JSON.parse(value);
		if (Array.isArray(parsed)) return parsed;
	} catch {
		// Falls through to the error below.
	}
	throw invalid(context, field, itemIndex, 'looks like a JSON array but is not one', 'Give a JSON array of texts, or the entries separated by commas');
}

/**
 * A list field: an array (from an expression), a JSON array as text, or text with one entry per comma or line; each
 * entry trimmed, empty ones and repeats dropped, and every one must match `pattern`.
 */
export function readTextList(
	context: ParameterContext,
	field: FieldLabel,
	itemIndex: number,
	pattern: RegExp,
	expected: string,
): string[] {
	const value: unknown = readValue(context, field, itemIndex, '');
	const texts = listEntries(context, field, itemIndex, value).map((entry: unknown) => {
		if (typeof entry === 'string') return entry.trim();
		if (typeof entry === 'number' && Number.isFinite(entry)) return String(entry);
		throw invalid(context, field, itemIndex, `holds ${describeType(entry)}, not text,`, 'Make the expression return a list of texts');
	});
	const list = [...new Set(texts.filter(Boolean))];
	const wrong = list.find((entry) => !pattern.test(entry));
	if (wrong !== undefined) throw invalid(context, field, itemIndex, `holds "${wrong}", which is not ${expected},`, `Use ${expected}`);
	return list;
}

/**
 * Required text that is sent exactly as given: spaces at its start or end are refused rather than trimmed, since CCC
 * would keep them (a break code " lunch" is another code than "lunch" in its reports).
 */
export function readExactText(context: ParameterContext, field: FieldLabel, itemIndex: number): string {
	const value = readRequiredText(context, field, itemIndex);
	const given = String(readValue(context, field, itemIndex, ''));
	if (given !== value) {
		throw invalid(context, field, itemIndex, `${JSON.stringify(given)} has spaces at its start or end`, 'Remove them: CCC keeps the text as sent');
	}
	return value;
}

/** A whole number from `min` to `max`; expressions may also give it as text. */
export function readWholeNumber(context: ParameterContext, field: FieldLabel, itemIndex: number, min: number, max: number): number {
	const value: unknown = context.getNodeParameter(field.name, itemIndex, min);
	const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	if (typeof number !== 'number' || !Number.isInteger(number) || number < min || number > max) {
		throw invalid(context, field, itemIndex, `is ${JSON.stringify(value)}, not a whole number from ${min} to ${max},`, `Set a whole number from ${min} to ${max}`);
	}
	return number;
}
