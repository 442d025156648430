import type { IDataObject, IHttpRequestOptions } from 'n8n-workflow';
import { UserError } from 'n8n-workflow';

import { signRpcRequest } from '../signing/signRpcRequest';
import type { SigningMoment } from '../signing/types';
import type { CccCredentials } from './cccCredentials';
import { CLOCK_OFFSET_HEADER } from './clockOffset';
import { resolveEndpoint } from './endpoint';

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

/** Headers that signing sets itself, and the transport's clock hint, which must not go on the wire. */
const isReplacedHeader = (name: string) => {
	const lower = name.toLowerCase();
	return (
		lower === 'authorization' ||
		lower === 'host' ||
		lower === 'accept' ||
		lower === CLOCK_OFFSET_HEADER ||
		lower.startsWith('x-acs-')
	);
};

function headerValue(headers: IDataObject, name: string): string | undefined {
	const key = Object.keys(headers).find((candidate) => candidate.toLowerCase() === name);
	return key === undefined ? undefined : String(headers[key]);
}

/** Our own signed URLs carry only `%XX` escapes and never `+`, so plain URI decoding reverses them exactly. */
function paramsOfUrl(url: string): IDataObject {
	const query = url.split('?')[1];
	if (!query) return {};
	return Object.fromEntries(
		query.split('&').map((pair) => {
			const [name, value = ''] = pair.split('=');
			return [decodeURIComponent(name), decodeURIComponent(value)];
		}),
	);
}

function paramText(name: string, value: unknown): string | undefined {
	if (value === undefined || value === null) return undefined;
	if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
	throw new UserError(`The CCC request parameter "${name}" must be text, a number or a boolean`);
}

/**
 * Turns an n8n request for an RPC action (`qs.Action` plus the API parameters) into the signed request.
 *
 * n8n's request helper would append `qs` with its own encoding, which is not Alibaba's canonical one, so the exact
 * canonical query goes into the URL and `qs` is dropped. n8n may hand our own output back (it re-authenticates after
 * a 401): the parameters are then read back from the URL and signed afresh with the new moment.
 */
export function signHttpRequest(
	options: IHttpRequestOptions,
	credentials: CccCredentials,
	moment: SigningMoment,
): IHttpRequestOptions {
	const endpoint = resolveEndpoint(credentials);
	const incomingHeaders = options.headers ?? {};
	const params: Record<string, string> = {};
	for (const [name, value] of Object.entries({ ...paramsOfUrl(options.url), ...options.qs })) {
		const text = SIGNING_PARAMS.has(name) ? undefined : paramText(name, value);
		if (text !== undefined) params[name] = text;
	}
	const {
		Action: action = headerValue(incomingHeaders, 'x-acs-action'),
		Version: version = headerValue(incomingHeaders, 'x-acs-version') ?? CCC_API_VERSION,
		...apiParams
	} = params;
	if (!action) throw new UserError('A CCC request needs an Action');

	const signed = signRpcRequest(
		credentials.signatureVersion,
		{ method: options.method ?? 'GET', host: endpoint.host, action, version, params: apiParams },
		credentials,
		moment,
	);
	const headers = Object.fromEntries(Object.entries(incomingHeaders).filter(([name]) => !isReplacedHeader(name)));
	const signedOptions: IHttpRequestOptions = {
		...options,
		url: `${endpoint.origin}/?${signed.query}`,
		headers: { ...headers, accept: 'application/json', ...signed.headers },
		// CCC's API never redirects: a signed request (an STS token with it) must not go to wherever a 3xx points,
		// whoever sent it (the node, or n8n running the credential's test).
		disableFollowRedirect: true,
	};
	delete signedOptions.qs;
	delete signedOptions.baseURL;
	return signedOptions;
}
