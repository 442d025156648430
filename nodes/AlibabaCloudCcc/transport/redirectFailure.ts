import type { INode } from 'n8n-workflow';

import { CccApiError } from './cccApiError';

export const isRedirect = (httpStatus: number): boolean => httpStatus >= 300 && httpStatus < 400;

/** Stands in for the endpoint to resolve a relative Location ("/path", or "//host/path" for another host). */
const SAME_HOST = 'same-host.invalid';

/** Where a redirect pointed, by host only: its path and query may carry anything, a token included. */
function hostOf(location: string): string {
	if (!location) return 'nowhere (no Location header)';
	if (!URL.canParse(location, `http://${SAME_HOST}`)) return 'an unreadable Location';
	const { host, protocol } = new URL(location, `http://${SAME_HOST}`);
	if (host === SAME_HOST) return 'another path on the same host';
	return host || `a ${protocol} address`;
}

/**
 * CCC's API never redirects. A signed request is not sent again to wherever a 3xx points (with an STS token it
 * would hand that token to another origin), and whatever answers there is not CCC.
 */
export function redirectFailure(node: INode, httpStatus: number, location: string, itemIndex: number): CccApiError {
	return new CccApiError(
		node,
		{
			code: 'UnexpectedRedirect',
			message: `The endpoint answered HTTP ${httpStatus}, a redirect to ${hostOf(location)}; CCC's API never redirects, so the request was not sent there`,
			httpStatus,
			hint: "Check the credential's Region or Custom Endpoint: it must be CCC's API endpoint, or a proxy that forwards to it",
		},
		itemIndex,
	);
}
