import type { CccEnvelope } from './cccEnvelope';
import { errorHint, type HintContext } from './errorHints';
import { stateRefusalOf } from './stateRefusal';

/** What the user needs to know of a failed CCC call; everything here is safe to show (no secret, no signature). */
export interface CccFailure {
	readonly code: string;
	readonly message: string;
	/** Absent when no answer came (network failures). */
	readonly httpStatus?: number;
	readonly requestId?: string;
	/** InvalidOperation.UserState: the state CCC found the agent in, and the states it accepts. */
	readonly agentState?: string;
	readonly acceptedStates?: string[];
	/** InvalidOperation.ChannelState: the same for the agent's workstation. */
	readonly channelState?: string;
	readonly acceptedChannelStates?: string[];
	readonly hint?: string;
	/** How many attempts were made (as Max Attempts counts them), when there was more than one. */
	readonly attempts?: number;
	/**
	 * The gateway's clock minus ours, when InvalidTimeStamp.Expired made the node send the call once more with it
	 * (a second chance, not one of the attempts).
	 */
	readonly clockCorrectionMs?: number;
}

/** The codes whose refusal names a state, and the fields of `CccFailure` that carry it. */
const STATE_FIELDS: Readonly<Record<string, readonly [state: keyof CccFailure, accepted: keyof CccFailure]>> = {
	'InvalidOperation.UserState': ['agentState', 'acceptedStates'],
	'InvalidOperation.ChannelState': ['channelState', 'acceptedChannelStates'],
};

/**
 * SignatureDoesNotMatch messages end with the gateway's string to sign, which holds the AccessKey ID and, with V1
 * and STS, the security token: that part is dropped.
 */
function safeMessage(message: string): string {
	return message.replace(/\s*server string to sign is:[\s\S]*$/i, '').trim();
}

export function failureOf(action: string, httpStatus: number, envelope: CccEnvelope, context: HintContext = {}): CccFailure {
	const code = envelope.Code || (httpStatus >= 400 ? `HTTP${httpStatus}` : 'UnexpectedResponse');
	const fields = STATE_FIELDS[code];
	const refusal = fields && stateRefusalOf(envelope);
	const hint = errorHint(code, { ...context, action, refusal });
	return {
		code,
		message: safeMessage(envelope.Message ?? '') || (envelope.Code ? 'No message given' : 'The answer carries no CCC Code'),
		httpStatus,
		...(envelope.RequestId ? { requestId: envelope.RequestId } : {}),
		...(fields && refusal?.actual ? { [fields[0]]: refusal.actual } : {}),
		...(fields && refusal ? { [fields[1]]: refusal.accepted } : {}),
		...(hint ? { hint } : {}),
	};
}
