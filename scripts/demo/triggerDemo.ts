import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { AGENT_STATE_ALERTS_WORKFLOW, type Demo } from './demoSetup';
import { importJson, runN8nOrFail, startN8nServer } from './n8nRuntime';
import { formatTable } from './runReport';

type Node = { name: string; type: string; parameters: Record<string, unknown>; disabled?: boolean; typeVersion?: number };
type Workflow = { id: string; name: string; nodes: Node[] };

const TRIGGER_TYPE = 'n8n-nodes-alibaba-ccc.cccAgentStateTrigger';

/** A loopback HTTP server that keeps every JSON body POSTed to it: where a workflow's HTTP Request node hands events. */
export interface Collector {
	readonly events: Array<Record<string, unknown>>;
	readonly url: string;
	close(): Promise<void>;
}

export async function startCollector(): Promise<Collector> {
	const events: Array<Record<string, unknown>> = [];
	const server: Server = createServer((request, response) => {
		let body = '';
		request.on('data', (chunk: Buffer) => (body += chunk.toString()));
		request.on('end', () => {
			events.push(JSON.parse(body) as Record<string, unknown>);
			response.setHeader('content-type', 'application/json');
			response.end('{}');
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return { events, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/events`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/**
 * The shipped alert workflow as the demo and the tests run it: on `triggerOn` (default: any state change), and with
 * its (disabled) Slack node replaced by an HTTP Request node that hands each event to a collector.
 */
export function alertsHandingOver(collectorUrl: string, triggerOn: readonly string[] = ['stateChanged']): Workflow {
	const workflow = JSON.parse(readFileSync(AGENT_STATE_ALERTS_WORKFLOW, 'utf8')) as Workflow;
	workflow.id = 'cccAgentStateDemo';
	workflow.name = `${workflow.name} (demo: every change)`;
	const trigger = workflow.nodes.find((node) => node.type === TRIGGER_TYPE)!;
	trigger.parameters = { ...trigger.parameters, triggerOn };
	const alert = workflow.nodes.find((node) => node.disabled)!;
	Object.assign(alert, {
		name: 'Hand Over to the Demo',
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.2,
		disabled: false,
		parameters: { method: 'POST', url: collectorUrl, sendBody: true, specifyBody: 'json', jsonBody: `={{ JSON.stringify($('${trigger.name}').item.json) }}`, options: {} },
	});
	const connections = (workflow as unknown as { connections: Record<string, unknown> }).connections;
	connections['Describe the Event'] = { main: [[{ node: alert.name, type: 'main', index: 0 }]] };
	return workflow;
}

/** Waits, at most `timeoutMs`, until `condition` holds, and says how long it took; says what it waited for when it does not. */
export async function until(what: string, condition: () => boolean, timeoutMs = 150_000): Promise<number> {
	const started = Date.now();
	while (!condition()) {
		if (Date.now() - started > timeoutMs) throw new Error(`${what} did not happen within ${timeoutMs} ms`);
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
	return Date.now() - started;
}

/**
 * The shift start with CCC Agent State Trigger watching: n8n serves the published alert workflow (its first poll
 * records where every agent stands), the shift start runs beside it, and the trigger's next poll, at n8n's next
 * minute mark, starts the workflow with what changed. Returns the shift start's report and the trigger's events.
 */
export async function shiftStartWithTrigger(demo: Demo, n8nPort: number, shiftStart: () => Promise<string>): Promise<{ shift: string; events: string }> {
	const collector = await startCollector();
	let server: ChildProcess | undefined;
	try {
		const workflow = alertsHandingOver(collector.url);
		await importJson(demo.n8n, 'workflow', workflow);
		await runN8nOrFail(demo.n8n, ['publish:workflow', `--id=${workflow.id}`]);
		const polls = () => demo.simulator.requests.filter((entry) => entry.action === 'ListRealtimeAgentStates').length;
		const before = polls();
		// The CLI runs beside the server: it needs a task-runner port of its own.
		const serving = { ...demo.n8n, env: { ...demo.n8n.env, N8N_RUNNERS_BROKER_PORT: String(n8nPort + 2) } };
		server = await startN8nServer(serving, n8nPort);
		await until('the trigger\'s first poll', () => polls() > before);
		const shift = await shiftStart();
		const waitStarted = Date.now();
		await until('the trigger\'s events', () => collector.events.length > 0);
		// The poll's execution hands its events over one by one: wait for the last of them.
		let count = -1;
		while (count !== collector.events.length) {
			count = collector.events.length;
			await new Promise((resolve) => setTimeout(resolve, 1_000));
		}
		const rows = collector.events.map((event) => ({
			Agent: String(event.AgentId),
			Event: String(event.Event),
			Before: String(event.PreviousState) + (event.PreviousBreakCode ? ` (${String(event.PreviousBreakCode)})` : ''),
			Now: String(event.State) + (event.BreakCode ? ` (${String(event.BreakCode)})` : ''),
			Since: String(event.StateTime),
		}));
		const waited = ((Date.now() - waitStarted) / 1000).toFixed(0);
		return { shift, events: `CCC Agent State Trigger (examples/agent-state-alerts.json on every change), its next poll ${waited} s after the shift start:\n\n${formatTable(rows)}` };
	} finally {
		server?.kill('SIGTERM');
		if (server && server.exitCode === null) await new Promise((resolve) => server!.once('exit', resolve));
		await collector.close();
	}
}
