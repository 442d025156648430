import { readFileSync } from 'node:fs';
import path from 'node:path';

import { CccSimulator } from '../../simulator/cccSimulator';
import { credentialsFor } from '../../simulator/agents';
import { executeWorkflow, importJson, installPackage, n8nInstance, REPO, type N8nInstance } from './n8nRuntime';
import { agentRows, formatTable, outputsOf, type StatesBefore } from './runReport';

export const EXAMPLE_WORKFLOW = path.join(REPO, 'examples/shift-start-ready-agents.json');
/** Any CCC action through n8n's HTTP Request node, signed by the package's credential. */
export const HTTP_REQUEST_WORKFLOW = path.join(REPO, 'examples/any-ccc-action-http-request.json');
export const DEMO_CREDENTIAL_ID = 'cccDemoCredential';

export interface Demo {
	readonly simulator: CccSimulator;
	readonly n8n: N8nInstance;
	readonly workflowId: string;
}

/**
 * The demo's world: the CCC simulator on a fixed loopback port, an n8n user folder with this package installed, a
 * credential pointing at the simulator, and the example workflow, all imported through n8n's own CLI.
 */
export async function setUpDemo(options: { simulatorPort: number; n8nPort: number; userFolder: string }): Promise<Demo> {
	const simulator = new CccSimulator();
	await simulator.start(options.simulatorPort);
	const n8n = n8nInstance({ userFolder: options.userFolder, port: options.n8nPort });
	installPackage(n8n);
	await importJson(n8n, 'credentials', [
		{
			id: DEMO_CREDENTIAL_ID,
			name: 'Alibaba Cloud CCC (demo simulator)',
			type: 'alibabaCloudCccApi',
			data: credentialsFor(simulator),
		},
	]);
	const workflow = JSON.parse(readFileSync(EXAMPLE_WORKFLOW, 'utf8')) as { id: string };
	await importJson(n8n, 'workflow', workflow);
	return { simulator, n8n, workflowId: workflow.id };
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
	const run = await executeWorkflow(demo.n8n, demo.workflowId);
	const outputs = outputsOf(run, 'Ready Agent');
	const actions = demo.simulator.requests.map((entry) => entry.action);
	const count = (action: string) => actions.filter((name) => name === action).length;
	const messages = ['Summarize Ready Agents', 'Describe Failure'].flatMap((node) => outputsOf(run, node).success.map((json) => `  - ${String(json.text)}`));
	return [
		'CCC ReadyForService:',
		'',
		formatTable(agentRows(outputs, before)),
		'',
		`${outputs.success.length} ready, ${outputs.errors.length} on the error output; the simulator saw ${actions.length} signed requests (${count('ListDevices')} ListDevices, ${count('ReadyForService')} ReadyForService).`,
		'',
		`Messages ready for the (disabled) Slack nodes:\n${messages.join('\n')}`,
	].join('\n');
}
