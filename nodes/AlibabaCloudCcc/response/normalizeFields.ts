import type { IDataObject } from 'n8n-workflow';

/** A field's documented type: a scalar, a list of strings, or a list of structs with their own field types. */
export type FieldType = 'string' | 'number' | 'boolean' | 'stringList' | { readonly structList: FieldTypes };

/** The documented type of each field of a response struct; fields not named here pass through unchanged. */
export type FieldTypes = Readonly<Record<string, FieldType>>;

function toBoolean(value: unknown): unknown {
	if (value === 'true') return true;
	if (value === 'false') return false;
	return value;
}

function toNumber(value: unknown): unknown {
	if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
	return value;
}

/**
 * A list arrives as an array (JSON, or repeated XML elements), as one bare value (a single XML element), as an
 * element wrapping its items (`<List><Id>a</Id></List>`), as an empty element (`<List/>`, parsed as ''), as null,
 * or not at all (zero repeated XML elements are no element).
 */
function toStringList(value: unknown): unknown {
	if (Array.isArray(value)) return value.flatMap((entry) => toStringList(entry) as unknown[]);
	if (value === '' || value === null || value === undefined) return [];
	if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return [String(value)];
	if (typeof value === 'object' && value !== null) {
		const inner = Object.values(value);
		if (inner.length === 1) return toStringList(inner[0]);
	}
	return value;
}

function toText(value: unknown): unknown {
	return typeof value === 'number' || typeof value === 'boolean' ? String(value) : value;
}

const converters: Record<Exclude<FieldType, object>, (value: unknown) => unknown> = {
	string: toText,
	number: toNumber,
	boolean: toBoolean,
	stringList: toStringList,
};

const convert = (type: FieldType, value: unknown): unknown =>
	typeof type === 'object' ? normalizeList(value, type.structList) : converters[type](value);

const isList = (type: FieldType | undefined) => type === 'stringList' || typeof type === 'object';

/**
 * Gives a decoded struct its documented types. A documented list the answer left out becomes `[]`, so that a list
 * field is an array in every answer; a struct the answer left empty (`<Data/>`) or out holds just those lists.
 */
export function normalizeFields(struct: unknown, types: FieldTypes): IDataObject {
	const fields = typeof struct === 'object' && struct !== null && !Array.isArray(struct) ? struct : {};
	const absentLists = Object.keys(types).filter((name) => isList(types[name]) && !(name in fields));
	return Object.fromEntries([
		...Object.entries(fields).map(([name, value]) => {
			const type = types[name];
			return [name, type ? convert(type, value) : value];
		}),
		...absentLists.map((name) => [name, []]),
	]) as IDataObject;
}

/** A list of structs: an array, or one bare struct (a single XML element); nothing or an empty element is no entry. */
export function normalizeList(value: unknown, types: FieldTypes): IDataObject[] {
	if (value === undefined || value === null || value === '') return [];
	return (Array.isArray(value) ? value : [value]).map((entry) => normalizeFields(entry, types));
}
