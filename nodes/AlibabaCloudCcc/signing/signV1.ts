import { createHmac } from 'node:crypto';

import { canonicalQuery } from './canonicalQuery';
import { FORM_CONTENT_TYPE, formBody } from './formBody';
import { formatTimestamp } from './formatTimestamp';
import { percentEncode } from './percentEncode';
import type { AccessKey, RpcCall, SignedRpcRequest, SigningMoment } from './types';

export function v1StringToSign(method: string, query: string): string {
	return `${method.toUpperCase()}&${percentEncode('/')}&${percentEncode(query)}`;
}

/** Base64 HMAC-SHA1 keyed with the secret followed by `&`. */
export function v1Signature(stringToSign: string, accessKeySecret: string): string {
	return createHmac('sha1', `${accessKeySecret}&`).update(stringToSign, 'utf8').digest('base64');
}

/**
 * Signature "V1" (HMAC-SHA1, SignatureVersion 1.0): every parameter, common ones included, is signed, those of the
 * form body together with those of the query; the body parameters stay in the body.
 */
export function signRpcV1(call: RpcCall, key: AccessKey, moment: SigningMoment): SignedRpcRequest {
	const queryParams = {
		...call.params,
		Action: call.action,
		Version: call.version,
		Format: 'JSON',
		AccessKeyId: key.accessKeyId,
		SignatureMethod: 'HMAC-SHA1',
		SignatureVersion: '1.0',
		SignatureNonce: moment.nonce,
		Timestamp: formatTimestamp(moment.date),
		...(key.securityToken ? { SecurityToken: key.securityToken } : {}),
	};
	const signedParams = canonicalQuery({ ...call.body, ...queryParams });
	const signature = v1Signature(v1StringToSign(call.method, signedParams), key.accessKeySecret);
	const body = formBody(call.body);
	return {
		query: `${canonicalQuery(queryParams)}&Signature=${percentEncode(signature)}`,
		headers: body ? { 'content-type': FORM_CONTENT_TYPE } : {},
		...(body ? { body } : {}),
	};
}
