import { XMLParser } from 'fast-xml-parser';

/** Text values stay strings: the typed mapping of each API's fields decides what is a number or a boolean. */
const xmlParser = new XMLParser({ ignoreAttributes: true, ignoreDeclaration: true, parseTagValue: false, trimValues: true });

export class UndecodableBodyError extends Error {
	constructor(readonly excerpt: string) {
		super('The response is neither JSON nor XML');
	}
}

const EXCERPT_LENGTH = 120;

function excerptOf(body: string): string {
	const flat = body.replace(/\s+/g, ' ').trim();
	return flat.length > EXCERPT_LENGTH ? `${flat.slice(0, EXCERPT_LENGTH)}…` : flat;
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** XML answers wrap the fields in one root element (`<ReadyForServiceResponse>`, `<Error>`); the docs' examples do not. */
function unwrapXmlRoot(document: Record<string, unknown>): Record<string, unknown> {
	const keys = Object.keys(document);
	const root = keys.length === 1 ? document[keys[0]] : undefined;
	return isRecord(root) ? root : document;
}

/** Decodes a CCC answer by its content type, falling back to its first character when the type says neither. */
export function decodeBody(body: string, contentType = ''): Record<string, unknown> {
	const text = body.trim();
	const looksXml = /xml/i.test(contentType) || (!/json/i.test(contentType) && text.startsWith('<'));
	try {
		if (looksXml) {
			if (!text.startsWith('<')) throw new UndecodableBodyError(excerptOf(body));
			const document: unknown = xmlParser.parse(text, true);
			if (isRecord(document) && Object.keys(document).length > 0) return unwrapXmlRoot(document);
		} else {
			const parsed: unknown = JSON.parse(text);
			if (isRecord(parsed)) return parsed;
		}
	} catch (error) {
		if (error instanceof UndecodableBodyError) throw error;
	}
	throw new UndecodableBodyError(excerptOf(body));
}
