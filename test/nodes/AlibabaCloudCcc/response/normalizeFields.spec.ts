import { normalizeFields, normalizeList } from '../../../../nodes/AlibabaCloudCcc/response/normalizeFields';

const types = { Flag: 'boolean', Count: 'number', Ids: 'stringList', Name: 'string' } as const;

describe('normalizeFields', () => {
	it('converts strings to the documented types', () => {
		expect(normalizeFields({ Flag: 'false', Count: '200', Ids: 'a', Name: 'x' }, types)).toEqual({ Flag: false, Count: 200, Ids: ['a'], Name: 'x' });
	});

	it('keeps values that already have the right type', () => {
		expect(normalizeFields({ Flag: true, Count: 3, Ids: ['a', 'b'], Name: 'x' }, types)).toEqual({ Flag: true, Count: 3, Ids: ['a', 'b'], Name: 'x' });
	});

	it.each([
		['an empty element', '', []],
		['one bare value', 'a', ['a']],
		['repeated elements', ['a', 'b'], ['a', 'b']],
		['a wrapper element with one item', { Id: 'a' }, ['a']],
		['a wrapper element with several items', { Id: ['a', 'b'] }, ['a', 'b']],
	])('reads a list given as %s', (_name, value, expected) => {
		expect(normalizeFields({ Ids: value }, types).Ids).toEqual(expected);
	});

	it('leaves out what the answer left out but a list, and passes unknown fields through', () => {
		expect(normalizeFields({ Other: 'x' }, types)).toEqual({ Other: 'x', Ids: [] });
	});

	it('reads a null list as an empty one', () => {
		expect(normalizeFields({ Ids: null }, types)).toEqual({ Ids: [] });
	});

	it('leaves a value that does not fit its type as it came, rather than inventing one', () => {
		expect(normalizeFields({ Flag: 'maybe', Count: 'n/a' }, types)).toEqual({ Flag: 'maybe', Count: 'n/a', Ids: [] });
	});

	it('renders numbers in text fields as text', () => {
		expect(normalizeFields({ Name: 80011474 }, types)).toEqual({ Name: '80011474', Ids: [] });
	});

	it.each([[''], [undefined], [null], [['x']]])('reads an empty or odd struct (%j) as {} with its lists empty', (struct) => {
		expect(normalizeFields(struct, types)).toEqual({ Ids: [] });
		expect(normalizeFields(struct, { Name: 'string' })).toEqual({});
	});
});

describe('normalizeList', () => {
	it.each<[string, unknown, unknown[]]>([
		// Each entry's documented list (Ids) is an array even where the entry leaves it out.
		['a JSON array', [{ Count: '1' }, { Count: 2, Ids: ['a'] }], [{ Count: 1, Ids: [] }, { Count: 2, Ids: ['a'] }]],
		['one XML element (a bare struct)', { Count: '7', Name: 'x' }, [{ Count: 7, Name: 'x', Ids: [] }]],
		['an empty XML element', '', []],
		['an absent Data', undefined, []],
		['an empty JSON array', [], []],
	])('reads %s', (_name, value, expected) => {
		expect(normalizeList(value, types)).toEqual(expected);
	});
});
