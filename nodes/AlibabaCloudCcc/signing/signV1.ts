import { createHmac } from 'node:crypto';

import { canonicalQuery } from './canonicalQuery';
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

/** Signature "V1" (HMAC-SHA1, SignatureVersion 1.0): every parameter, common ones included, is signed. */
export function signRpcV1(call: RpcCall, key: AccessKey, moment: SigningMoment): SignedRpcRequest {
	const query = canonicalQuery({
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
	});
	const signature = v1Signature(v1StringToSign(call.method, query), key.accessKeySecret);
	return { query: `${query}&Signature=${percentEncode(signature)}`, headers: {} };
}
