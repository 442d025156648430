import OpenApiUtil from '@alicloud/openapi-util';
import { createHash } from 'node:crypto';

/**
 * Signature checks as Alibaba's gateway makes them, computed with the official SDK helpers
 * (`@alicloud/openapi-util`) so that the simulator is an oracle independent of the package's own signer.
 */

export type Verdict = { ok: true } | { ok: false; code: string; message: string };

const fail = (code: string, message: string): Verdict => ({ ok: false, code, message });

export function verifyV1(method: string, params: Record<string, string>, secret: string): Verdict {
	const { Signature: signature, ...signed } = params;
	if (params.SignatureMethod !== 'HMAC-SHA1' || params.SignatureVersion !== '1.0') {
		return fail('IncompleteSignature', 'The request signature does not conform to Aliyun standards.');
	}
	const expected = OpenApiUtil.getRPCSignature(signed, method, secret);
	if (signature !== expected) {
		// Like the real gateway, the message shows the string to sign, SecurityToken included.
		const encode = (text: string) => OpenApiUtil.getEncodeParam(text);
		const canonical = Object.keys(signed)
			.sort()
			.map((name) => `${encode(name)}=${encode(signed[name])}`)
			.join('&');
		const stringToSign = `${method}&%2F&${encode(canonical)}`;
		return fail(
			'SignatureDoesNotMatch',
			`Specified signature is not matched with our calculation. server string to sign is:${stringToSign}`,
		);
	}
	return { ok: true };
}

export interface V3Request {
	readonly method: string;
	readonly query: Record<string, string>;
	readonly headers: Record<string, string>;
	readonly body: Buffer;
	readonly authorization: string;
}

export interface V3Credential {
	readonly accessKeyId: string;
	readonly signedHeaders: string[];
	readonly signature: string;
}

export function parseV3Authorization(authorization: string): V3Credential | undefined {
	const match = /^ACS3-HMAC-SHA256 Credential=([^,]+),SignedHeaders=([^,]+),Signature=([0-9a-f]{64})$/.exec(authorization);
	if (!match) return undefined;
	return { accessKeyId: match[1], signedHeaders: match[2].split(';'), signature: match[3] };
}

export function verifyV3(request: V3Request, credential: V3Credential, secret: string): Verdict {
	// A body's content-type is signed too: the gateway reads form parameters from the body only as that type says.
	const mustSign = Object.keys(request.headers).filter(
		(name) => name === 'host' || name.startsWith('x-acs-') || (name === 'content-type' && request.body.length > 0),
	);
	if (mustSign.some((name) => !credential.signedHeaders.includes(name))) {
		return fail('IncompleteSignature', 'The request signature does not conform to Aliyun standards: a header is not signed.');
	}
	const payloadHash = createHash('sha256').update(request.body).digest('hex');
	if (request.headers['x-acs-content-sha256'] !== payloadHash) {
		return fail('InvalidParameter', 'The x-acs-content-sha256 header does not match the body.');
	}
	const signedHeaders = Object.fromEntries(credential.signedHeaders.map((name) => [name, request.headers[name] ?? '']));
	// getAuthorization leaves query names unencoded, unlike the specification: encode them with the SDK's encoder.
	const query = Object.fromEntries(
		Object.entries(request.query).map(([name, value]) => [OpenApiUtil.getEncodeParam(name), value]),
	);
	const expected = OpenApiUtil.getAuthorization(
		{ method: request.method, pathname: '/', query, headers: signedHeaders } as unknown as Parameters<
			typeof OpenApiUtil.getAuthorization
		>[0],
		'ACS3-HMAC-SHA256',
		payloadHash,
		credential.accessKeyId,
		secret,
	);
	if (!expected.endsWith(`,Signature=${credential.signature}`) || !expected.includes(`SignedHeaders=${credential.signedHeaders.join(';')},`)) {
		return fail(
			'SignatureDoesNotMatch',
			'The request signature we calculated does not match the signature you provided. Check your key and signing method.',
		);
	}
	return { ok: true };
}
