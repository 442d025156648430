import { createHash, createHmac } from 'node:crypto';

import { canonicalHeaders, type CanonicalHeaders } from './canonicalHeaders';
import { canonicalQuery } from './canonicalQuery';
import { FORM_CONTENT_TYPE, formBody } from './formBody';
import { formatTimestamp } from './formatTimestamp';
import { payloadHash } from './payloadHash';
import type { AccessKey, RpcCall, SignedRpcRequest, SigningMoment } from './types';

export const V3_ALGORITHM = 'ACS3-HMAC-SHA256';

export interface V3CanonicalRequestParts {
	readonly method: string;
	readonly query: string;
	readonly headers: CanonicalHeaders;
	readonly hashedPayload: string;
}

/** RPC calls always sign the canonical URI `/`. */
export function v3CanonicalRequest({ method, query, headers, hashedPayload }: V3CanonicalRequestParts): string {
	return [method.toUpperCase(), '/', query, headers.block, headers.signedHeaders, hashedPayload].join('\n');
}

export function v3StringToSign(canonicalRequest: string): string {
	return `${V3_ALGORITHM}\n${createHash('sha256').update(canonicalRequest, 'utf8').digest('hex')}`;
}

/** Hex HMAC-SHA256 keyed with the secret itself (no `&`, unlike V1). */
export function v3Signature(stringToSign: string, accessKeySecret: string): string {
	return createHmac('sha256', accessKeySecret).update(stringToSign, 'utf8').digest('hex');
}

/**
 * Signature V3 (ACS3-HMAC-SHA256) for an RPC call: the query parameters in the canonical query, the body parameters
 * as a form body whose exact bytes are hashed (with its content-type signed).
 */
export function signRpcV3(call: RpcCall, key: AccessKey, moment: SigningMoment): SignedRpcRequest {
	const query = canonicalQuery(call.params);
	const body = formBody(call.body);
	const hashedPayload = payloadHash(body);
	const headers: Record<string, string> = {
		host: call.host,
		'x-acs-action': call.action,
		'x-acs-version': call.version,
		'x-acs-date': formatTimestamp(moment.date),
		'x-acs-signature-nonce': moment.nonce,
		'x-acs-content-sha256': hashedPayload,
		...(body ? { 'content-type': FORM_CONTENT_TYPE } : {}),
		...(key.securityToken ? { 'x-acs-security-token': key.securityToken } : {}),
	};
	const signed = canonicalHeaders(headers);
	const canonicalRequest = v3CanonicalRequest({
		method: call.method,
		query,
		headers: signed,
		hashedPayload,
	});
	const signature = v3Signature(v3StringToSign(canonicalRequest), key.accessKeySecret);
	headers.authorization = `${V3_ALGORITHM} Credential=${key.accessKeyId},SignedHeaders=${signed.signedHeaders},Signature=${signature}`;
	return { query, headers, ...(body ? { body } : {}) };
}
