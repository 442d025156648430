import { UserError } from 'n8n-workflow';

import type { CccCredentials } from './cccCredentials';

/**
 * CCC 2020-07-01 documents one regional endpoint (Shanghai); the SDKs send every other region to the central one.
 */
export const CCC_ENDPOINTS = {
	'cn-shanghai': 'https://ccc.cn-shanghai.aliyuncs.com',
	central: 'https://ccc.aliyuncs.com',
} as const;

export type CccRegion = keyof typeof CCC_ENDPOINTS;

const isRegion = (region: string): region is CccRegion => Object.hasOwn(CCC_ENDPOINTS, region);

/** The hosts plain http may go to, as the error and the credential's description name them. */
export const LOOPBACK_HOSTS = 'localhost, 127.x.x.x, [::1]';

/**
 * Plain http must not leave the machine: localhost, 127.0.0.0/8 and [::1], as the URL parser normalises them (it turns
 * `127.1` into `127.0.0.1` and lower-cases names). Anything else, IPv4-mapped IPv6 included, needs https.
 */
const isLoopback = (hostname: string): boolean =>
	hostname === 'localhost' || hostname === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(hostname);

/** The endpoint every request goes to: the Custom Endpoint when set, otherwise the region's. */
export function resolveEndpoint({ customEndpoint, region }: Pick<CccCredentials, 'customEndpoint' | 'region'>): URL {
	if (!customEndpoint) {
		if (!isRegion(region)) {
			throw new UserError(
				`Unknown CCC region "${region}": pick one of ${Object.keys(CCC_ENDPOINTS).join(', ')} in the credential, or set a Custom Endpoint`,
			);
		}
		return new URL(CCC_ENDPOINTS[region]);
	}
	const hint = 'set it to a URL such as https://ccc.cn-shanghai.aliyuncs.com (or leave it empty to use the region)';
	if (!URL.canParse(customEndpoint)) {
		throw new UserError(`The credential's Custom Endpoint "${customEndpoint}" is not a URL: ${hint}`);
	}
	const url = new URL(customEndpoint);
	if (url.protocol !== 'https:' && url.protocol !== 'http:') {
		throw new UserError(`The credential's Custom Endpoint must use http or https, not "${url.protocol}": ${hint}`);
	}
	if (url.username || url.password || url.search || url.hash) {
		throw new UserError(
			`The credential's Custom Endpoint must not carry a user name, password, query or fragment: ${hint}`,
		);
	}
	if (url.pathname !== '/') {
		// A V3 signature covers the path; V1's does not. A gateway that serves CCC under a path must move the request
		// to CCC's root, which would break V3 and not V1: one rule for both is to refuse it.
		throw new UserError(
			`The credential's Custom Endpoint must not have a path ("${url.pathname}"): CCC's API is at the root of its host, so give only the scheme, host and port (a proxy must forward requests unchanged, at its root)`,
		);
	}
	if (url.protocol === 'http:' && !isLoopback(url.hostname)) {
		throw new UserError(
			`The credential's Custom Endpoint may use plain http only on this machine (${LOOPBACK_HOSTS}), not for "${url.hostname}": use https://${url.host}, so the request and the answer are encrypted`,
		);
	}
	return url;
}
