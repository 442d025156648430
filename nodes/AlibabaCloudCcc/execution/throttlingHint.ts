import type { ThrottlingReport } from '../transport/requestPacer';
import { CALL_OPTION_DEFAULTS } from './callOptions';

/** Below the measured rate by this share: a run paced exactly at the gateway's rate is refused whenever two requests bunch. */
const HEADROOM = 0.9;

/** Rounded down to two significant digits, within the option's limits: a value the user can type and keep. */
function suggestedMaxRequestsPerSecond(settledRate: number): number {
	const { min, max } = CALL_OPTION_DEFAULTS.maxRequestsPerSecond;
	const target = settledRate * HEADROOM;
	const step = 10 ** (Math.floor(Math.log10(target)) - 1);
	return Math.min(max, Math.max(min, Math.floor(target / step) * step));
}

const perSecond = (rate: number) => `${Number(rate.toPrecision(2))} requests per second`;

/** The execution hint of a run that CCC throttled: what was refused, where the run settled, what to set. */
export function throttlingHint({ refused, sent, settledRate }: ThrottlingReport): string {
	return (
		`CCC refused ${refused} of ${sent} requests as throttled (your account's rate limit); the node slowed down and sent them again, ` +
		`settling at about ${perSecond(settledRate)}. Set Options → Max Requests per Second to ${Number(suggestedMaxRequestsPerSecond(settledRate).toPrecision(2))} to stay under the limit from the start`
	);
}
