import type { CccEnvelope } from './cccEnvelope';
import { errorHint } from './errorHints';

/** What the user needs to know of a failed CCC call; everything here is safe to show (no secret, no signature). */
export interface CccFailure {
	readonly code: string;
	readonly message: string;
	/** Absent when no answer came (network failures). */
	readonly httpStatus?: number;
	readonly requestId?: string;
	readonly hint?: string;
	/** How many attempts were made (as Max Attempts counts them), when there was more than one. */
	readonly attempts?: number;
	/**
	 * The gateway's clock minus ours, when InvalidTimeStamp.Expired made the node send the call once more with it
	 * (a second chance, not one of the attempts).
	 */
	readonly clockCorrectionMs?: number;
}

/**
 * SignatureDoesNotMatch messages end with the gateway's string to sign, which holds the AccessKey ID and, with V1
 * and STS, the security token: that part is dropped.
 */
function safeMessage(message: string): string {
	return message.replace(/\s*server string to sign is:[\s\S]*$/i, '').trim();
}

export function failureOf(action: string, httpStatus: number, envelope: CccEnvelope): CccFailure {
	const code = envelope.Code || (httpStatus >= 400 ? `HTTP${httpStatus}` : 'UnexpectedResponse');
	const hint = errorHint(code, action);
	return {
		code,
		message: safeMessage(envelope.Message ?? '') || (envelope.Code ? 'No message given' : 'The answer carries no CCC Code'),
		httpStatus,
		...(envelope.RequestId ? { requestId: envelope.RequestId } : {}),
		...(hint ? { hint } : {}),
	};
}
