import type { IDataObject } from 'n8n-workflow';

/**
 * How the transport tells the credential that the gateway's clock differs from ours: a request header that the
 * credential reads before signing and that signing drops, so that it never goes on the wire.
 */
export const CLOCK_OFFSET_HEADER = 'x-n8n-ccc-clock-offset-ms';

export function readClockOffset(headers: IDataObject | undefined): number {
	const key = Object.keys(headers ?? {}).find((name) => name.toLowerCase() === CLOCK_OFFSET_HEADER);
	const offset = key === undefined ? 0 : Number(headers![key]);
	return Number.isFinite(offset) ? offset : 0;
}
