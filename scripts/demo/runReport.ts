import { ALREADY_THERE_FIELD } from '../../nodes/AlibabaCloudCcc/agent/alreadyThere';
import { SIGNED_IN_FIELD } from '../../nodes/AlibabaCloudCcc/ReadyForService/readyForService';

/** Reads what a node output in the JSON of `n8n execute --rawOutput`, and prints it as a table. */

export interface NodeOutputs {
	readonly success: Array<Record<string, unknown>>;
	readonly errors: Array<Record<string, unknown>>;
}

type RawRun = {
	data?: { resultData?: { runData?: Record<string, Array<{ data?: { main?: Array<Array<{ json: Record<string, unknown> }> | null> } }>> } };
};

export function outputsOf(run: unknown, nodeName: string): NodeOutputs {
	const task = (run as RawRun).data?.resultData?.runData?.[nodeName]?.[0];
	if (!task) throw new Error(`The run has no data for node "${nodeName}"`);
	const [success, errors] = task.data?.main ?? [];
	return { success: (success ?? []).map((item) => item.json), errors: (errors ?? []).map((item) => item.json) };
}

export function formatTable(rows: ReadonlyArray<Record<string, string>>): string {
	if (rows.length === 0) return '(no items)';
	const columns = Object.keys(rows[0]);
	const widths = columns.map((column) => Math.max(column.length, ...rows.map((row) => (row[column] ?? '').length)));
	const line = (cells: string[]) => cells.map((cell, index) => cell.padEnd(widths[index])).join(' | ');
	return [line(columns), widths.map((width) => '-'.repeat(width)).join('-+-'), ...rows.map((row) => line(columns.map((column) => row[column] ?? '')))].join('\n');
}

/** The state each agent was in before the run, as the simulator keeps it (a break with its code). */
export type StatesBefore = ReadonlyMap<string, string>;

/** What a success item says besides its state: that the agent was signed in first, or already there. */
function successWhy(json: Record<string, unknown>): string {
	if (json[SIGNED_IN_FIELD]) return 'Signed in first (If Signed Out: Sign In First), then made ready';
	if (json[ALREADY_THERE_FIELD]) return `Already ${String(json.UserState)}: nothing had to change`;
	return '';
}

/**
 * One row per agent: the state CCC had the agent in before the run, then who is ready (on the device the node looked
 * up, with the extension) and who is not, with the code (Alibaba's, or NoRegisteredDevice) and why: the node's hint.
 */
export function agentRows({ success, errors }: NodeOutputs, before: StatesBefore = new Map()): Array<Record<string, string>> {
	const was = (userId: string) => before.get(userId) ?? '(unknown agent)';
	return [
		...success.map((json) => ({
			Agent: String(json.UserId),
			Before: was(String(json.UserId)),
			Result: String(json.UserState),
			Device: String(json.DeviceId ?? ''),
			Extension: String(json.Extension ?? ''),
			Why: successWhy(json),
		})),
		...errors.map((json) => {
			const details = (json.details ?? {}) as { code?: string; hint?: string };
			return {
				Agent: String(json.userId ?? ''),
				Before: was(String(json.userId ?? '')),
				Result: String(details.code ?? 'FAILED'),
				Device: '',
				Extension: '',
				Why: String(details.hint ?? json.error),
			};
		}),
	];
}
