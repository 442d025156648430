import { createHash } from 'node:crypto';

/** Lower-case hex SHA-256 of the exact body bytes: the value of `x-acs-content-sha256`. */
export function payloadHash(body: string | Uint8Array): string {
	return createHash('sha256').update(body).digest('hex');
}
