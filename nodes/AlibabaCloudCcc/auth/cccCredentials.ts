import type { ICredentialDataDecryptedObject } from 'n8n-workflow';
import { UserError } from 'n8n-workflow';

import type { AccessKey, SignatureVersion } from '../signing/types';

export const CCC_CREDENTIAL_TYPE = 'alibabaCloudCccApi';

/** The credential's fields, as `AlibabaCloudCccApi.credentials.ts` declares them. */
export interface CccCredentials extends AccessKey {
	readonly region: string;
	readonly customEndpoint: string;
	readonly signatureVersion: SignatureVersion;
}

/** What an AccessKey ID is made of (`LTAI…`, `STS.…`). */
const VISIBLE_ASCII = /^[\x21-\x7e]+$/;

function text(data: ICredentialDataDecryptedObject, field: string): string {
	const value = data[field];
	return typeof value === 'string' ? value.trim() : '';
}

export function readCccCredentials(data: ICredentialDataDecryptedObject): CccCredentials {
	const accessKeyId = text(data, 'accessKeyId');
	const accessKeySecret = text(data, 'accessKeySecret');
	if (!accessKeyId || !accessKeySecret) {
		throw new UserError(
			'The Alibaba Cloud CCC credential needs both an AccessKey ID and an AccessKey Secret: fill them in the credential',
		);
	}
	// It goes into every request (percent-encoded in V1's query, as it is in V3's Authorization header), where
	// anything else fails on the way or is not the ID the console shows.
	if (!VISIBLE_ASCII.test(accessKeyId)) {
		throw new UserError(
			'The AccessKey ID in the Alibaba Cloud CCC credential holds a character other than letters, digits and ASCII punctuation (half of a character, a space, a non-ASCII letter): copy it again from the RAM console',
		);
	}
	const securityToken = text(data, 'securityToken');
	return {
		accessKeyId,
		accessKeySecret,
		...(securityToken ? { securityToken } : {}),
		region: text(data, 'region') || 'cn-shanghai',
		customEndpoint: text(data, 'customEndpoint'),
		signatureVersion: data.signatureVersion === 'v1' ? 'v1' : 'v3',
	};
}
