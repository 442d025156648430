import { readFileSync } from 'node:fs';
import path from 'node:path';

import { CCC_CREDENTIAL_TYPE } from '../../nodes/AlibabaCloudCcc/auth/cccCredentials';
import { CccSimulator } from '../../simulator/cccSimulator';
import { credentialsFor } from '../../simulator/agents';
import type { SimDirectory } from '../../simulator/directory';
import { executeWorkflow, importJson, installPackage, n8nInstance, REPO, type N8nInstance, type N8nLine } from './n8nRuntime';
import { agentRows, formatTable, outputsOf, type StatesBefore } from './runReport';

export const EXAMPLE_WORKFLOW = path.join(REPO, 'examples/shift-start-ready-agents.json');
export const END_OF_SHIFT_WORKFLOW = path.join(REPO, 'examples/end-of-shift-sign-out.json');
/** Any CCC action through n8n's HTTP Request node, signed by the package's credential. */
export const HTTP_REQUEST_WORKFLOW = path.join(REPO, 'examples/any-ccc-action-http-request.json');
/** The CCC Agent State Trigger's alert: an agent signs out mid-shift, or a break runs past 30 minutes. */
export const AGENT_STATE_ALERTS_WORKFLOW = path.join(REPO, 'examples/agent-state-alerts.json');
export const DEMO_CREDENTIAL_ID = 'cccDemoCredential';

export interface Demo {
	readonly simulator: CccSimulator;
	readonly n8n: N8nInstance;
	readonly workflowId: string;
	readonly endOfShiftWorkflowId: string;
}

/**
 * The demo's world: the CCC simulator on a fixed loopback port, an n8n user folder with this package installed, a
 * credential pointing at the simulator, and the example workflows (shift start, end of shift, the HTTP Request node),
 * all imported through n8n's own CLI.
 */
export async function setUpDemo(options: { simulatorPort: number; n8nPort: number; userFolder: string; line?: N8nLine; directory?: SimDirectory }): Promise<Demo> {
	const simulator = new CccSimulator({ directory: options.directory });
	await simulator.start(options.simulatorPort);
	const n8n = n8nInstance({ userFolder: options.userFolder, port: options.n8nPort, line: options.line });
	installPackage(n8n);
	await importJson(n8n, 'credentials', [
		{
			id: DEMO_CREDENTIAL_ID,
			name: 'Alibaba Cloud CCC (demo simulator)',
			type: CCC_CREDENTIAL_TYPE,
			data: credentialsFor(simulator),
		},
	]);
	const [workflow, endOfShift, httpRequest] = [EXAMPLE_WORKFLOW, END_OF_SHIFT_WORKFLOW, HTTP_REQUEST_WORKFLOW].map(
		(file) => JSON.parse(readFileSync(file, 'utf8')) as { id: string },
	);
	for (const imported of [workflow, endOfShift, httpRequest]) await importJson(n8n, 'workflow', imported);
	return { simulator, n8n, workflowId: workflow.id, endOfShiftWorkflowId: endOfShift.id };
}

/** The state each agent of an instance is in now, with the break code of a break: "BREAK (Warm-up)". */
export function statesOf(simulator: CccSimulator, instanceId = 'ccc-test'): StatesBefore {
	const agents = simulator.directory.instances.get(instanceId)?.agents ?? new Map();
	return new Map([...agents].map(([userId, agent]) => [userId, agent.breakCode ? `${agent.state} (${agent.breakCode})` : agent.state]));
}

/**
 * Executes the example workflow once in the demo's n8n and tells what happened: per agent the state before, the
 * result and why a failure happened, then the counts and the messages the workflow prepared.
 */
export async function shiftStartReport(demo: Demo): Promise<string> {
	const before = statesOf(demo.simulator);
	const earlier = demo.simulator.requests.length;
	const run = await executeWorkflow(demo.n8n, demo.workflowId);
	const outputs = outputsOf(run, 'Ready Agent');
	const actions = demo.simulator.requests.slice(earlier).map((entry) => entry.action);
	const count = (action: string) => actions.filter((name) => name === action).length;
	return [
		'CCC ReadyForService:',
		'',
		formatTable(agentRows(outputs, before)),
		'',
		`${outputs.success.length} ready, ${outputs.errors.length} on the error output; the simulator saw ${actions.length} signed requests (${count('ListDevices')} ListDevices, ${count('ReadyForService')} ReadyForService, ${count('ListSkillLevelsOfUser')} ListSkillLevelsOfUser and ${count('SignInGroup')} SignInGroup to sign in who had the workbench open, ${count('ListRealtimeAgentStates')} ListRealtimeAgentStates for who is where).`,
		'',
		`Messages ready for the (disabled) Slack nodes:\n${messagesOf(run, ['Summarize Ready Agents', 'Describe Failure', 'Summarize Who Is Where'])}`,
	].join('\n');
}

/** The texts `nodes` of a run prepared for the (disabled) Slack nodes, one line each. */
const messagesOf = (run: unknown, nodes: readonly string[]): string =>
	nodes.flatMap((node) => outputsOf(run, node).success.map((json) => `  - ${String(json.text)}`)).join('\n');

/** Executes the end-of-shift example once and tells, per agent, the state before and the result, then the messages. */
export async function endOfShiftReport(demo: Demo): Promise<string> {
	const before = statesOf(demo.simulator);
	const run = await executeWorkflow(demo.n8n, demo.endOfShiftWorkflowId);
	return [
		'End of shift (examples/end-of-shift-sign-out.json), CCC SignOutGroup:',
		'',
		formatTable(agentRows(outputsOf(run, 'Sign Agent Out'), before)),
		'',
		`Messages ready for the (disabled) Slack nodes:\n${messagesOf(run, ['Summarize Signed Out', 'Describe Agent Still Signed In'])}`,
	].join('\n');
}
