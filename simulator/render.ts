/** Answers in the two formats the CCC gateway speaks. */

export type Format = 'json' | 'xml';

const escapeXml = (text: string) =>
	text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Arrays become repeated elements named after the field, as CCC's XML has them: an empty array no element at all. */
function toXml(name: string, value: unknown): string {
	if (Array.isArray(value)) return value.map((entry) => toXml(name, entry)).join('');
	if (value !== null && typeof value === 'object') {
		const inner = Object.entries(value)
			.map(([key, child]) => toXml(key, child))
			.join('');
		return `<${name}>${inner}</${name}>`;
	}
	return `<${name}>${escapeXml(String(value ?? ''))}</${name}>`;
}

export function render(format: Format, rootName: string, body: Record<string, unknown>) {
	if (format === 'json') {
		return { contentType: 'application/json;charset=utf-8', text: JSON.stringify(body) };
	}
	return {
		contentType: 'text/xml;charset=utf-8',
		text: `<?xml version='1.0' encoding='UTF-8'?>${toXml(rootName, body)}`,
	};
}
