import type { INode } from 'n8n-workflow';
import { NodeApiError, OperationalError } from 'n8n-workflow';

import { CccApiError } from '../../../../nodes/AlibabaCloudCcc/transport/cccApiError';
import { isTransient } from '../../../../nodes/AlibabaCloudCcc/transport/retryPolicy';
import { transportFailure } from '../../../../nodes/AlibabaCloudCcc/transport/transportFailure';

const node: INode = { id: 'n', name: 'CCC', type: 'cccReadyForService', typeVersion: 1, position: [0, 0], parameters: {} };

const systemError = (code: string, message: string) => Object.assign(new Error(message), { code });

function failureOf(cause: Error): CccApiError {
	// What n8n's request helper throws: its own error around the one from the wire.
	const outer = new NodeApiError(node, { message: 'request failed' }, { message: 'request failed' });
	outer.cause = cause;
	const failure = transportFailure(node, outer, 3);
	if (!(failure instanceof CccApiError)) throw new Error(`not a CccApiError: ${failure.message}`);
	return failure;
}

describe('transportFailure', () => {
	it.each([
		['a reset connection', systemError('ECONNRESET', 'read ECONNRESET'), 'Network.ConnectionReset'],
		['socket hang up', new Error('socket hang up'), 'Network.ConnectionReset'],
		['a body cut off while it streamed (axios)', systemError('ERR_BAD_RESPONSE', 'stream has been aborted'), 'Network.ConnectionReset'],
		['a timeout (axios)', systemError('ECONNABORTED', 'timeout of 10000ms exceeded'), 'Network.Timeout'],
		['a refused connection', systemError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:1'), 'Network.ConnectionRefused'],
		['an unknown host', systemError('ENOTFOUND', 'getaddrinfo ENOTFOUND ccc.example'), 'Network.HostNotFound'],
	])('names %s and retries it', (_name, cause, code) => {
		const failure = failureOf(cause);
		expect(failure.ccc.code).toBe(code);
		expect(isTransient(failure.ccc)).toBe(true);
	});

	it.each([
		['an expired TLS certificate', systemError('CERT_HAS_EXPIRED', 'certificate has expired'), 'CERT_HAS_EXPIRED: certificate has expired'],
		['a self-signed TLS certificate', systemError('DEPTH_ZERO_SELF_SIGNED_CERT', 'self-signed certificate'), 'DEPTH_ZERO_SELF_SIGNED_CERT: self-signed certificate'],
		['too many redirects', new OperationalError('Maximum number of redirects (21) exceeded'), 'Maximum number of redirects (21) exceeded'],
	])('does not retry %s, and says what it was', (_name, cause, reason) => {
		const failure = failureOf(cause);
		expect(failure.ccc.code).toBe('Network.Failed');
		expect(failure.ccc.message).toBe(`Could not reach Alibaba Cloud CCC: the request failed (${reason})`);
		expect(isTransient(failure.ccc)).toBe(false);
		expect(failure.ccc.attempts).toBeUndefined();
	});

	it('keeps a URL query (where a V1 request carries its signature) out of the message', () => {
		const failure = failureOf(systemError('ERR_X', 'Invalid redirect to https://ccc.example/?Signature=c2VjcmV0&AccessKeyId=abc'));
		expect(failure.ccc.message).toBe('Could not reach Alibaba Cloud CCC: the request failed (ERR_X: Invalid redirect to https://ccc.example/)');
	});
});
