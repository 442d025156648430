import { XMLParser } from 'fast-xml-parser';

/** Text values stay strings: the typed mapping of each API's fields decides what is a number or a boolean. */
const xmlParser = new XMLParser({ ignoreAttributes: true, ignoreDeclaration: true, parseTagValue: false, trimValues: true });

export class UndecodableBodyError extends Error {
	constructor(readonly excerpt: string) {
		super('The response is neither JSON nor XML');
	}
}

const EXCERPT_LENGTH = 120;

/** Text from an answer, short enough to quote in an error message. */
export function excerptOf(body: string): string {
	const flat = body.replace(/\s+/g, ' ').trim();
	return flat.length > EXCERPT_LENGTH ? `${flat.slice(0, EXCERPT_LENGTH)}…` : flat;
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * XML answers wrap the fields in one root element (`<ReadyForServiceResponse>`, `<Error>`); the examples in
 * Alibaba's docs list them bare. Both parse (and are validated) inside a wrapper of our own.
 */
function parseXml(text: string): Record<string, unknown> | undefined {
	const withoutDeclaration = text.replace(/^<\?xml[^>]*\?>/, '');
	const parsed: unknown = xmlParser.parse(`<ccc-body>${withoutDeclaration}</ccc-body>`, true);
	const body = isRecord(parsed) ? parsed['ccc-body'] : undefined;
	if (!isRecord(body) || 'html' in body) return undefined;
	const keys = Object.keys(body);
	const root = keys.length === 1 ? body[keys[0]] : undefined;
	return isRecord(root) ? root : body;
}

/** Decodes a CCC answer by its content type, falling back to its first character when the type says neither. */
export function decodeBody(body: string, contentType = ''): Record<string, unknown> {
	const text = body.trim();
	const looksXml = /xml/i.test(contentType) || (!/json/i.test(contentType) && text.startsWith('<'));
	if (/html/i.test(contentType)) throw new UndecodableBodyError(excerptOf(body));
	try {
		if (looksXml) {
			const document = text.startsWith('<') ? parseXml(text) : undefined;
			if (document) return document;
		} else {
			const parsed: unknown = JSON.parse(text);
			if (isRecord(parsed)) return parsed;
		}
	} catch {
		// Malformed JSON or XML: reported below like any other body we cannot read.
	}
	throw new UndecodableBodyError(excerptOf(body));
}
