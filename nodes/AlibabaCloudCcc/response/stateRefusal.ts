import { agentStateOf } from '../agent/agentStates';
import type { CccEnvelope } from './cccEnvelope';

/** The state CCC found and the ones it accepts, as a refusal (InvalidOperation.UserState / .ChannelState) gives them. */
export interface StateRefusal {
	readonly actual: string;
	readonly accepted: string[];
}

/** "User state (OFFLINE) does not meet expectations (BREAK,READY,WORKING)." and CCC's channel twin ("Channel stats"). */
const REFUSAL_MESSAGE = /\(([^()]*)\)\s*does not meet expectations?\s*\(([^()]*)\)/i;

const listed = (texts: readonly string[]): string[] => texts.flatMap((text) => text.split(',')).map((text) => text.trim()).filter(Boolean);

/**
 * The states of a refusal: from `Params` ([actual, accepted]), else (missing or empty) from the message; agent states
 * in the action spelling (CCC's examples also use the report's, in any case), other states as CCC wrote them.
 */
export function stateRefusalOf(envelope: CccEnvelope): StateRefusal | undefined {
	// Params is typed by readEnvelope, yet an odd answer (an object, entries that are structs) must not crash the item.
	const params = Array.isArray(envelope.Params) ? envelope.Params.filter((param): param is string => typeof param === 'string') : [];
	const [fromParams = '', ...acceptedParams] = params.map((param) => param.trim());
	const fromMessage = REFUSAL_MESSAGE.exec(envelope.Message ?? '');
	const actual = fromParams || fromMessage?.[1].trim() || '';
	const accepted = acceptedParams.some(Boolean) ? listed(acceptedParams) : listed([fromMessage?.[2] ?? '']);
	if (!actual && accepted.length === 0) return undefined;
	const spelled = (state: string) => agentStateOf(state) ?? state;
	return { actual: spelled(actual), accepted: accepted.map(spelled) };
}
