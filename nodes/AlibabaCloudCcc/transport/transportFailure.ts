import type { INode } from 'n8n-workflow';
import { NodeOperationError, UserError } from 'n8n-workflow';

import { CccApiError } from './cccApiError';

/** Our names for what went wrong on the wire: n8n would swap a message naming Node's own codes for generic text. */
const NETWORK_FAILURES: Readonly<Record<string, readonly [code: string, message: string]>> = {
	ECONNREFUSED: ['Network.ConnectionRefused', 'the connection was refused'],
	ECONNRESET: ['Network.ConnectionReset', 'the connection was reset before an answer came'],
	EPIPE: ['Network.ConnectionReset', 'the connection was closed while sending'],
	ETIMEDOUT: ['Network.Timeout', 'no answer came within the timeout'],
	ECONNABORTED: ['Network.Timeout', 'no answer came within the timeout'],
	ENOTFOUND: ['Network.HostNotFound', 'the host name was not found'],
	EAI_AGAIN: ['Network.DnsFailure', 'the host name could not be resolved'],
};

function rootCause(error: unknown): unknown {
	let current = error;
	for (let depth = 0; depth < 5 && current instanceof Error && current.cause instanceof Error; depth++) {
		current = current.cause;
	}
	return current;
}

function nodeCode(error: unknown): string | undefined {
	const code = (error as { code?: unknown }).code;
	if (typeof code === 'string') return code;
	return /socket hang up/i.test(String((error as Error).message)) ? 'ECONNRESET' : undefined;
}

/** A request that got no answer, or was refused before it left (a credential problem). */
export function transportFailure(node: INode, error: unknown, itemIndex: number): CccApiError | NodeOperationError {
	const cause = rootCause(error);
	if (cause instanceof UserError) {
		return new NodeOperationError(node, cause.message, { description: 'Fix the Alibaba Cloud CCC credential', itemIndex });
	}
	const raw = nodeCode(cause);
	const [code, problem] = (raw && NETWORK_FAILURES[raw]) || ['Network.Failed', 'the request failed'];
	return new CccApiError(
		node,
		{
			code,
			message: `Could not reach Alibaba Cloud CCC: ${problem}`,
			hint: `Check the credential's Region or Custom Endpoint, and this machine's network and proxy settings (${raw ?? 'no error code'})`,
		},
		itemIndex,
	);
}
