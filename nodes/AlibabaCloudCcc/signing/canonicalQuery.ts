import { percentEncode } from './percentEncode';
import type { RpcParams } from './types';

/** Parameters sorted by name in code-unit order (not locale order), each `encode(name)=encode(value)`. */
export function canonicalQuery(params: RpcParams): string {
	return Object.keys(params)
		.sort()
		.map((name) => `${percentEncode(name)}=${percentEncode(params[name])}`)
		.join('&');
}
