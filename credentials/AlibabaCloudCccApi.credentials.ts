import { randomUUID } from 'node:crypto';

import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { CCC_CREDENTIAL_TYPE, readCccCredentials } from '../nodes/AlibabaCloudCcc/auth/cccCredentials';
import { readClockOffset } from '../nodes/AlibabaCloudCcc/auth/clockOffset';
import { LOOPBACK_HOSTS } from '../nodes/AlibabaCloudCcc/auth/endpoint';
import { signHttpRequest } from '../nodes/AlibabaCloudCcc/auth/signHttpRequest';

export class AlibabaCloudCccApi implements ICredentialType {
	name = CCC_CREDENTIAL_TYPE;

	displayName = 'Alibaba Cloud CCC API';

	documentationUrl = 'https://www.alibabacloud.com/help/en/ram/user-guide/create-an-accesskey-pair';

	icon = 'file:alibabaCloudCcc.svg' as const;

	properties: INodeProperties[] = [
		{
			displayName: 'AccessKey ID',
			name: 'accessKeyId',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. LTAI5t…',
			description: 'The AccessKey ID of a RAM user (or of an STS token) allowed to call Cloud Contact Center',
		},
		{
			displayName: 'AccessKey Secret',
			name: 'accessKeySecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
		},
		{
			displayName: 'Security Token',
			name: 'securityToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: 'Only for temporary STS credentials: the security token that came with the AccessKey pair',
		},
		{
			displayName: 'Region',
			name: 'region',
			type: 'options',
			options: [
				{
					name: 'China (Shanghai)',
					value: 'cn-shanghai',
					description: 'ccc.cn-shanghai.aliyuncs.com, the regional endpoint CCC documents',
				},
				{
					name: 'Central Endpoint (ccc.aliyuncs.com)',
					value: 'central',
					description: 'The endpoint the Alibaba Cloud SDKs use for CCC regions other than Shanghai',
				},
			],
			default: 'cn-shanghai',
		},
		{
			displayName: 'Custom Endpoint',
			name: 'customEndpoint',
			type: 'string',
			default: '',
			placeholder: 'e.g. https://ccc-vpc.cn-shanghai.aliyuncs.com',
			description:
				`A URL that replaces the region endpoint: a VPC endpoint, a proxy, or a local test gateway; scheme, host and port only, no path. Must be https; plain http only for this machine (${LOOPBACK_HOSTS}). Leave empty to use the region.`,
		},
		{
			displayName: 'Signature Version',
			name: 'signatureVersion',
			type: 'options',
			options: [
				{
					name: 'V3 (ACS3-HMAC-SHA256)',
					value: 'v3',
					description: 'What the current Alibaba Cloud SDKs send',
				},
				{
					name: 'V1 (HMAC-SHA1)',
					value: 'v1',
					description: 'SignatureVersion 1.0, for gateways and proxies that accept only it',
				},
			],
			default: 'v3',
		},
	];

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		return signHttpRequest(requestOptions, readCccCredentials(credentials), {
			date: new Date(Date.now() + readClockOffset(requestOptions.headers)),
			nonce: randomUUID(),
		});
	}

	test: ICredentialTestRequest = {
		request: {
			method: 'POST',
			url: '/',
			qs: { Action: 'ListInstances', PageNumber: 1, PageSize: 1 },
		},
		// n8n fails every non-2xx answer; these give the usual causes a clear message. CCC answers a non-OK Code
		// with an HTTP error status, so a 2xx here means the keys, the signature and CCC read access all work.
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 400,
					message:
						'Alibaba Cloud rejected the request (HTTP 400): check the AccessKey Secret and the Signature Version (SignatureDoesNotMatch) and that this machine\'s clock is right (InvalidTimeStamp.Expired)',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 403,
					message:
						'The AccessKey is valid but may not use Cloud Contact Center: grant the RAM user ccc:ListInstances and ccc:ReadyForService (Forbidden.RAM)',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 404,
					message:
						'The AccessKey ID was not found (InvalidAccessKeyId.NotFound), or the endpoint is not a CCC endpoint: check the AccessKey ID, Region and Custom Endpoint',
				},
			},
		],
	};
}
