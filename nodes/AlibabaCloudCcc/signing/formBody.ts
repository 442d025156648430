import { canonicalQuery } from './canonicalQuery';
import type { RpcParams } from './types';

export const FORM_CONTENT_TYPE = 'application/x-www-form-urlencoded';

/**
 * The `application/x-www-form-urlencoded` body of an RPC call: encoded and ordered like the canonical query, so that
 * the bytes V3 hashes are the bytes sent, and empty when there are no body parameters.
 */
export function formBody(params: RpcParams | undefined): string {
	return params ? canonicalQuery(params) : '';
}
