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

/**
 * One row per agent: who is ready (on the device the node looked up, with extension and skill groups) and who is
 * not (with the code: Alibaba's, or NoRegisteredDevice for an agent not signed in).
 */
export function agentRows({ success, errors }: NodeOutputs): Array<Record<string, string>> {
	return [
		...success.map((json) => ({
			Agent: String(json.UserId),
			Result: String(json.UserState),
			Device: String(json.DeviceId ?? ''),
			Extension: String(json.Extension ?? ''),
			'Skill Groups': ((json.SignedSkillGroupIdList as string[] | undefined) ?? []).join(', '),
			Detail: '',
		})),
		...errors.map((json) => ({
			Agent: String(json.userId ?? ''),
			Result: 'FAILED',
			Device: '',
			Extension: '',
			'Skill Groups': '',
			Detail: String((json.details as { code?: string } | undefined)?.code ?? json.error),
		})),
	];
}
