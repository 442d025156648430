import type { INode } from 'n8n-workflow';
import { NodeApiError, NodeOperationError, UserError } from 'n8n-workflow';

const NETWORK_PROBLEMS: Readonly<Record<string, string>> = {
	ECONNREFUSED: 'the connection was refused',
	ECONNRESET: 'the connection was reset',
	EPIPE: 'the connection was closed while sending',
	ETIMEDOUT: 'no answer came in time',
	ECONNABORTED: 'no answer came in time',
	ENOTFOUND: 'the host name was not found',
	EAI_AGAIN: 'the host name could not be resolved',
};

function rootCause(error: unknown): unknown {
	let current = error;
	for (let depth = 0; depth < 5 && current instanceof Error && current.cause instanceof Error; depth++) {
		current = current.cause;
	}
	return current;
}

function networkCode(error: unknown): string | undefined {
	const code = (error as { code?: unknown }).code;
	if (typeof code === 'string') return code;
	return /socket hang up/i.test(String((error as Error).message)) ? 'ECONNRESET' : undefined;
}

/**
 * A request that got no answer. n8n's own error keeps the whole request (its signed URL and Authorization header)
 * as its cause, so a new error is built from the failure's code alone.
 */
export function transportFailure(node: INode, error: unknown, itemIndex: number): NodeApiError | NodeOperationError {
	const cause = rootCause(error);
	if (cause instanceof UserError) {
		return new NodeOperationError(node, cause.message, {
			description: 'Fix the Alibaba Cloud CCC credential',
			itemIndex,
		});
	}
	const code = networkCode(cause);
	// The raw code stays out of the message: n8n would swap a message naming it for its generic text.
	return new NodeApiError(node, { networkCode: code ?? 'unknown' }, {
		message: `Could not reach Alibaba Cloud CCC: ${(code && NETWORK_PROBLEMS[code]) || 'the request failed'}`,
		description: `Network error ${code ?? 'unknown'}. Check the credential's Region or Custom Endpoint, and this machine's network and proxy settings`,
		itemIndex,
	});
}
