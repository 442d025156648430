import type { IExecuteFunctions, IHttpRequestOptions, IN8nHttpFullResponse } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { CCC_CREDENTIAL_TYPE } from '../auth/cccCredentials';
import { isSuccess, readEnvelope, type CccEnvelope } from '../response/cccEnvelope';
import { failureOf } from '../response/cccFailure';
import { decodeBody, UndecodableBodyError } from '../response/decodeBody';
import type { FieldTypes } from '../response/normalizeFields';
import { CccApiError } from './cccApiError';
import { transportFailure } from './transportFailure';

export type CccParams = Readonly<Record<string, string | boolean | undefined>>;

export interface CccCall {
	readonly action: string;
	readonly params: CccParams;
	/** The documented types of the action's `Data` fields. */
	readonly dataTypes: FieldTypes;
	readonly itemIndex: number;
	/** Milliseconds before the attempt is abandoned. */
	readonly timeout?: number;
}

function headerText(response: IN8nHttpFullResponse, name: string): string {
	const value = response.headers[name];
	return Array.isArray(value) ? value.join(', ') : String(value ?? '');
}

/**
 * One signed RPC call to CCC (the credential signs it), through n8n's request helper so that n8n's proxy and TLS
 * settings apply. Resolves to the typed envelope of a successful answer; throws a `CccApiError` otherwise.
 */
export async function callCcc(context: IExecuteFunctions, call: CccCall): Promise<CccEnvelope> {
	const request: IHttpRequestOptions = {
		method: 'POST',
		url: '/',
		qs: { Action: call.action, ...call.params },
		// Decoding is ours: CCC may answer XML, and error bodies carry Alibaba's code.
		encoding: 'text',
		json: false,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		...(call.timeout ? { timeout: call.timeout } : {}),
	};
	let response: IN8nHttpFullResponse;
	try {
		response = (await context.helpers.httpRequestWithAuthentication.call(
			context,
			CCC_CREDENTIAL_TYPE,
			request,
		)) as IN8nHttpFullResponse;
	} catch (error) {
		throw transportFailure(context.getNode(), error, call.itemIndex);
	}

	let envelope: CccEnvelope;
	try {
		envelope = readEnvelope(decodeBody(String(response.body ?? ''), headerText(response, 'content-type')), call.dataTypes);
	} catch (error) {
		if (!(error instanceof UndecodableBodyError)) throw error;
		throw new NodeApiError(
			context.getNode(),
			{ httpStatus: response.statusCode, excerpt: error.excerpt },
			{
				message: `CCC answered HTTP ${response.statusCode} with a body that is neither JSON nor XML`,
				description: `The body starts with: ${error.excerpt}`,
				httpCode: String(response.statusCode),
				itemIndex: call.itemIndex,
			},
		);
	}
	if (!isSuccess(response.statusCode, envelope)) {
		throw new CccApiError(context.getNode(), failureOf(call.action, response.statusCode, envelope), call.itemIndex);
	}
	return envelope;
}
