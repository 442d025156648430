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
	BODY_CUT_OFF: ['Network.ConnectionReset', 'the connection dropped while the answer was arriving'],
};

/** Failures without a telling code of their own, known by their message; the key is theirs in the table above. */
const KNOWN_MESSAGES: ReadonlyArray<readonly [pattern: RegExp, key: string]> = [
	[/socket hang up/i, 'ECONNRESET'],
	// axios, when the connection drops after the headers: its code (ERR_BAD_RESPONSE) says no more than that.
	[/stream has been aborted/i, 'BODY_CUT_OFF'],
];

/** Enough of an unknown error's own words to say what it was. */
const REASON_LENGTH = 200;

function rootCause(error: unknown): unknown {
	let current = error;
	for (let depth = 0; depth < 5 && current instanceof Error && current.cause instanceof Error; depth++) {
		current = current.cause;
	}
	return current;
}

function nodeCode(error: unknown): string | undefined {
	const code = (error as { code?: unknown }).code;
	return typeof code === 'string' ? code : undefined;
}

function failureKey(error: unknown): string | undefined {
	const message = String((error as Error).message);
	return KNOWN_MESSAGES.find(([pattern]) => pattern.test(message))?.[1] ?? nodeCode(error);
}

/** The error's code and message, without any URL query (a V1 request carries its signature there). */
function reasonOf(error: unknown, code: string | undefined): string {
	const message = String((error as Error).message ?? error).replace(/\?\S*/g, '');
	const reason = [code, message].filter(Boolean).join(': ');
	return reason.length > REASON_LENGTH ? `${reason.slice(0, REASON_LENGTH)}…` : reason;
}

/**
 * A request that got no answer, or was refused before it left (a credential problem). A failure the node does not
 * recognise (a TLS certificate problem) is named in its own words and is not retried.
 */
export function transportFailure(node: INode, error: unknown, itemIndex: number): CccApiError | NodeOperationError {
	const cause = rootCause(error);
	if (cause instanceof UserError) {
		return new NodeOperationError(node, cause.message, { description: 'Fix the Alibaba Cloud CCC credential', itemIndex });
	}
	const raw = nodeCode(cause);
	const key = failureKey(cause);
	const known = key ? NETWORK_FAILURES[key] : undefined;
	const [code, problem] = known ?? ['Network.Failed', `the request failed (${reasonOf(cause, raw)})`];
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
