/** UTC ISO-8601 without milliseconds (`2025-01-15T08:30:00Z`): the only form the gateway accepts. */
export function formatTimestamp(date: Date): string {
	return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
