import { readFileSync } from 'node:fs';
import path from 'node:path';

import { CccSimulator } from '../../simulator/cccSimulator';
import { credentialsFor } from '../../simulator/agents';
import { importJson, installPackage, n8nInstance, REPO, type N8nInstance } from './n8nRuntime';

export const EXAMPLE_WORKFLOW = path.join(REPO, 'examples/shift-start-ready-agents.json');
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
