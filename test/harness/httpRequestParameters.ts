import type { IDataObject } from 'n8n-workflow';

export const HTTP_REQUEST_NODE_TYPE = 'n8n-nodes-base.httpRequest';

/**
 * The HTTP Request node's versions that can sign with a predefined credential such as ours: the oldest (2) and the
 * newest that n8n 2.41 offers.
 */
export const HTTP_REQUEST_VERSIONS = [2, 4.5] as const;

type Pairs = Record<string, string>;

export interface HttpCall {
	readonly url: string;
	readonly query?: Pairs;
	readonly form?: Pairs;
	/** Fields of a multipart (form-data) body. */
	readonly multipart?: Pairs;
	readonly raw?: { readonly contentType: string; readonly body: string };
}

const list = (pairs: Pairs = {}) => Object.entries(pairs).map(([name, value]) => ({ name, value }));

/** The HTTP Request node's parameters for a POST, as version 2 and version 4.x spell them. */
export function httpRequestParameters(version: number, { url, query, form, multipart, raw }: HttpCall): IDataObject {
	const credential = { authentication: 'predefinedCredentialType', nodeCredentialType: 'alibabaCloudCccApi', url };
	if (version < 3) {
		return {
			...credential,
			requestMethod: 'POST',
			responseFormat: 'json',
			queryParametersUi: { parameter: list(query) },
			...(form ?? multipart ? { bodyParametersUi: { parameter: list(form ?? multipart) } } : {}),
			...(raw ? { bodyParametersJson: raw.body, jsonParameters: true } : {}),
			options: {
				...(form ? { bodyContentType: 'form-urlencoded' } : {}),
				...(multipart ? { bodyContentType: 'multipart-form-data' } : {}),
				...(raw ? { bodyContentType: 'raw', bodyContentCustomMimeType: raw.contentType } : {}),
			},
		};
	}
	return {
		...credential,
		method: 'POST',
		sendQuery: query !== undefined,
		queryParameters: { parameters: list(query) },
		...(form ? { sendBody: true, contentType: 'form-urlencoded', bodyParameters: { parameters: list(form) } } : {}),
		...(multipart ? { sendBody: true, contentType: 'multipart-form-data', bodyParameters: { parameters: list(multipart) } } : {}),
		...(raw ? { sendBody: true, contentType: 'raw', rawContentType: raw.contentType, body: raw.body } : {}),
		options: {},
	};
}
