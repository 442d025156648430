import type { IDataObject, IHttpRequestOptions } from 'n8n-workflow';
import { UserError } from 'n8n-workflow';

import { signRpcRequest } from '../signing/signRpcRequest';
import type { SigningMoment } from '../signing/types';
import type { CccCredentials } from './cccCredentials';
import { CLOCK_OFFSET_HEADER } from './clockOffset';
import { resolveEndpoint } from './endpoint';
import { requestParams, type IncomingOptions } from './requestParams';

export const CCC_API_VERSION = '2020-07-01';

/** Query parameters that V1 signing adds: dropped before signing, so that signing its own output never doubles them. */
const SIGNING_PARAMS = new Set([
	'AccessKeyId',
	'Format',
	'SecurityToken',
	'Signature',
	'SignatureMethod',
	'SignatureNonce',
	'SignatureVersion',
	'Timestamp',
]);

/** What keeps both of n8n's request helpers from following a redirect. */
const NO_REDIRECTS = { disableFollowRedirect: true, followRedirect: false, followAllRedirects: false, maxRedirects: 0 } as const;

/** Headers that signing sets itself, and the transport's clock hint, which must not go on the wire. */
const isReplacedHeader = (name: string) => {
	const lower = name.toLowerCase();
	return (
		lower === 'authorization' ||
		lower === 'host' ||
		lower === 'accept' ||
		lower === 'content-type' ||
		lower === 'content-length' ||
		lower === CLOCK_OFFSET_HEADER ||
		lower.startsWith('x-acs-')
	);
};

function headerValue(headers: IDataObject, name: string): string | undefined {
	const key = Object.keys(headers).find((candidate) => candidate.toLowerCase() === name);
	return key === undefined ? undefined : String(headers[key]);
}

/** The parameters that will be signed, as text, without those signing adds itself. */
function rpcParams(source: IDataObject): Record<string, string> {
	const params: Record<string, string> = {};
	for (const [name, value] of Object.entries(source)) {
		const text = SIGNING_PARAMS.has(name) ? undefined : paramText(name, value);
		if (text !== undefined) params[name] = text;
	}
	return params;
}

function paramText(name: string, value: unknown): string | undefined {
	if (value === undefined || value === null) return undefined;
	if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
	throw new UserError(`The CCC request parameter "${name}" must be text, a number or a boolean`);
}

/**
 * Turns an n8n request for an RPC action (`Action` plus the API parameters, in the query or in a form body) into the
 * signed request: our transport's, or any CCC action n8n's HTTP Request node sends with this credential.
 *
 * n8n's request helper would append `qs` with its own encoding, which is not Alibaba's canonical one, so the exact
 * canonical query goes into the URL and `qs` is dropped; form parameters become the exact body text that was signed.
 * n8n may hand our own output back (it re-authenticates after a 401): the parameters are then read back from the URL
 * and the body and signed afresh with the new moment.
 */
export function signHttpRequest(
	options: IncomingOptions,
	credentials: CccCredentials,
	moment: SigningMoment,
): IHttpRequestOptions {
	const endpoint = resolveEndpoint(credentials);
	const incomingHeaders = options.headers ?? {};
	const given = requestParams(options);
	const params = rpcParams(given.query);
	const { Action: bodyAction, Version: bodyVersion, ...body } = rpcParams(given.body);
	const {
		Action: action = bodyAction ?? headerValue(incomingHeaders, 'x-acs-action'),
		Version: version = bodyVersion ?? headerValue(incomingHeaders, 'x-acs-version') ?? CCC_API_VERSION,
		...apiParams
	} = params;
	if (!action) throw new UserError('A CCC request needs an Action');

	const signed = signRpcRequest(
		credentials.signatureVersion,
		{ method: options.method ?? 'GET', host: endpoint.host, action, version, params: apiParams, body },
		credentials,
		moment,
	);
	const headers = Object.fromEntries(Object.entries(incomingHeaders).filter(([name]) => !isReplacedHeader(name)));
	const signedOptions: IncomingOptions = {
		...options,
		url: `${endpoint.origin}/?${signed.query}`,
		headers: { ...headers, accept: 'application/json', ...signed.headers },
		// CCC's API never redirects: a signed request (an STS token with it) must not go to wherever a 3xx points,
		// whoever sent it and through either of n8n's request helpers (the legacy one, which the HTTP Request node
		// uses, reads only followRedirect / followAllRedirects / maxRedirects).
		...NO_REDIRECTS,
		body: signed.body,
	};
	for (const replaced of ['qs', 'baseURL', 'uri', 'form'] as const) delete signedOptions[replaced];
	if (signed.body === undefined) delete signedOptions.body;
	return signedOptions;
}
