import type { INode } from 'n8n-workflow';

import { CccApiError } from './cccApiError';

export const isRedirect = (httpStatus: number): boolean => httpStatus >= 300 && httpStatus < 400;

/** Where a redirect pointed, by host only: its path and query may carry anything, a token included. */
function hostOf(location: string): string {
	if (!location) return 'nowhere (no Location header)';
	return URL.canParse(location) ? new URL(location).host : 'another path on the same host';
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
