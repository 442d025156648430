import type { IDataObject, IHttpRequestOptions } from 'n8n-workflow';
import { UserError } from 'n8n-workflow';

import { FORM_CONTENT_TYPE } from '../signing/formBody';

/**
 * The options as n8n hands them over: `url`, `qs` and `body` from our transport; `uri` and `form` from n8n's legacy
 * request helper, which the HTTP Request node uses.
 */
export interface IncomingOptions extends IHttpRequestOptions {
	uri?: string;
	form?: unknown;
	formData?: unknown;
	followRedirect?: boolean;
	followAllRedirects?: boolean;
}

/** Where a parameter came from, for the error that says it came twice. */
type Source = 'the URL' | 'Query Parameters' | 'the body';

/** What a form-encoded parameter name may look like (CCC's are letters, digits and dots: `Tag.1.Key`). */
const PARAM_NAME = /^[A-Za-z0-9_.-]+$/;

const FORM_FIX = `CCC takes its parameters in the query or in an ${FORM_CONTENT_TYPE} body: in the HTTP Request node, set Body Content Type to Form Urlencoded and add each parameter as a field`;

function tryDecode(part: string): string | undefined {
	try {
		return decodeURIComponent(part);
	} catch {
		return undefined;
	}
}

/** One form-encoded part: `+` is a space, as in any form-encoded text and as the gateway reads a URL's query. */
function decodePart(part: string, parameter: string): string {
	const decoded = tryDecode(part.replace(/\+/g, ' '));
	if (decoded !== undefined) return decoded;
	throw new UserError(
		`The CCC request parameter "${parameter}" holds a "%" that starts no percent-encoding (%XX): write %25 for a percent sign, or give the value in Query Parameters or as a body field, where it is taken as typed`,
	);
}

/**
 * `name=value&…` text, split at each pair's first `=` (a value may hold more, as Base64 does). A name given twice
 * would be signed with one value and sent with two. A body (`strict`) must be form parameters: `name=value` pairs.
 */
function decodePairs(text: string, where: Source, strict: boolean): IDataObject {
	const params: IDataObject = {};
	for (const pair of text.split('&').filter(Boolean)) {
		const split = pair.indexOf('=');
		const [rawName, rawValue] = split === -1 ? [pair, ''] : [pair.slice(0, split), pair.slice(split + 1)];
		const name = decodePart(rawName, rawName);
		if (strict && (split === -1 || !PARAM_NAME.test(name))) {
			throw new UserError(`The request body is not form parameters (name=value&…): it starts "${text.slice(0, 40)}". ${FORM_FIX}`);
		}
		if (name in params) throw new UserError(`The CCC request parameter "${name}" is given twice in ${where}: give it once`);
		params[name] = decodePart(rawValue, name);
	}
	return params;
}

/** The query of a URL, without a fragment (which never reaches a server). */
function urlQuery(url: string): string {
	const withoutFragment = url.split('#')[0];
	const start = withoutFragment.indexOf('?');
	return start === -1 ? '' : withoutFragment.slice(start + 1);
}

/** Form-body parameters: an object, or form-encoded text (what we sent before, when n8n hands it back). */
function formParams(body: unknown): IDataObject {
	if (body === undefined || body === null || body === '') return {};
	if (typeof body === 'string') return decodePairs(body, 'the body', true);
	if (typeof body === 'object' && Object.getPrototypeOf(body) === Object.prototype) return body as IDataObject;
	throw new UserError(`The request body is neither form parameters nor form-encoded text. ${FORM_FIX}`);
}

/** A name given in two places would be signed with one value and sent with two. */
function assertEachOnce(sources: ReadonlyArray<readonly [Source, IDataObject]>): void {
	const seenIn = new Map<string, Source>();
	for (const [source, params] of sources) {
		for (const name of Object.keys(params)) {
			const earlier = seenIn.get(name);
			if (earlier) throw new UserError(`The CCC request parameter "${name}" is given in ${earlier} and in ${source}: give it once`);
			seenIn.set(name, source);
		}
	}
}

/** What a parameter source holds, without the names it leaves empty (`undefined`, `null`: not sent). */
const given = (params: IDataObject): IDataObject => Object.fromEntries(Object.entries(params).filter(([, value]) => value !== undefined && value !== null));

/**
 * The query's and the form body's parameters of a request, each name once across both. A multipart body is refused:
 * its fields would go out unsigned.
 */
export function requestParams(options: IncomingOptions): { query: IDataObject; body: IDataObject } {
	if (options.formData !== undefined && options.formData !== null) {
		throw new UserError(`The request body is multipart form data, which CCC's signature does not cover. ${FORM_FIX}`);
	}
	const fromUrl = decodePairs(urlQuery(options.url ?? options.uri ?? ''), 'the URL', false);
	const fromQs = given(options.qs ?? {});
	const fromBody = given(formParams(options.body));
	const fromForm = given(formParams(options.form));
	assertEachOnce([
		['the URL', fromUrl],
		['Query Parameters', fromQs],
		['the body', fromBody],
		['the body', fromForm],
	]);
	return { query: { ...fromUrl, ...fromQs }, body: { ...fromBody, ...fromForm } };
}
