/**
 * The package in a real n8n 1.123 (installed by scripts/setup-n8n.sh into .n8n-demo/app-1.123, on Node 20): what the
 * other end-to-end specs hold in n8n 2.41, kept to one spec. The two examples, whose failed agents take the error
 * output (with the registered-device lookup); then one server with the alert workflow (the trigger, polling) and the
 * nodes as AI tools over MCP.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';

import { setUpDemo, type Demo } from '../../scripts/demo/demoSetup';
import { executeWorkflow, importJson, installPackage, n8nInstance, n8nLine, runN8nOrFail, startN8nServer, waitForWebhook, type N8nInstance } from '../../scripts/demo/n8nRuntime';
import { outputsOf } from '../../scripts/demo/runReport';
import { alertsHandingOver, startCollector, until, type Collector } from '../../scripts/demo/triggerDemo';
import { CCC_NODE_TYPE } from '../../scripts/engine/runWorkflow';
import { CccSimulator } from '../../simulator/cccSimulator';
import { DEMO_DEVICES } from '../../simulator/directory';
import { credentialsFor } from '../../simulator/agents';

jest.setTimeout(420_000);

// Below 32768, apart from the other end-to-end tests' ports (5678–5679, 5693–5700, 5710–5716, 5730–5731); the task
// runner broker takes the next one.
const EXECUTE_PORT = 5740;
const SERVER_PORT = 5742;
const line = n8nLine('app-1.123');

/** A user folder of its own, removed after the tests of the calling `describe`. */
function userFolderFor(name: string): () => string {
	let folder: string | undefined;
	beforeAll(() => void (folder = mkdtempSync(path.join(tmpdir(), name))));
	afterAll(() => folder && rmSync(folder, { recursive: true, force: true }));
	return () => folder!;
}

/** What a node's success and error outputs hold, per agent: the success items' UserId, the error items' userId. */
const agentsOf = (run: unknown, node: string) => {
	const { success, errors } = outputsOf(run, node);
	return { success: success.map((json) => json.UserId), errors: errors.map((json) => json.userId) };
};
const messagesOf = (run: unknown, node: string) => outputsOf(run, node).success.map((json) => String(json.text));

describe(`the package in a real n8n ${line.version}`, () => {
	describe('the examples, with "Continue (using error output)"', () => {
		const userFolder = userFolderFor('ccc-n8n1-');
		let demo: Demo;

		beforeAll(async () => {
			demo = await setUpDemo({ simulatorPort: 0, n8nPort: EXECUTE_PORT, userFolder: userFolder(), line });
		});
		afterAll(async () => await demo?.simulator.stop());

		it('shift start: the agents CCC readied (on the devices looked up, grace signed in first) are on the success output, every refused one on the error output', async () => {
			const run = await executeWorkflow(demo.n8n, demo.workflowId);
			expect(agentsOf(run, 'Ready Agent')).toEqual({
				success: ['alice@ccc-test', 'bob@ccc-test', 'user-test@ccc-test', 'grace@ccc-test'],
				errors: ['carol@ccc-test', 'erin@ccc-test', 'nobody@ccc-test'],
			});
			expect(outputsOf(run, 'Ready Agent').success.map((json) => [json.DeviceId, json.SignedIn])).toEqual([
				[DEMO_DEVICES['alice@ccc-test'], undefined],
				[DEMO_DEVICES['bob@ccc-test'], undefined],
				[DEMO_DEVICES['user-test@ccc-test'], undefined],
				[DEMO_DEVICES['grace@ccc-test'], true],
			]);
			// On n8n 1.x the error output keeps only `error` and `message` of an item: the code leads the error, and the
			// message holds the hint, the RequestId and the HTTP status.
			const [carol, erin, nobody] = outputsOf(run, 'Ready Agent').errors;
			expect(nobody).toMatchObject({
				error: 'NotExists.UserId: The user nobody@ccc-test does not exist in instance ccc-test.',
				message: expect.stringMatching(/^Check that the User ID \(name@instance\) exists.*RequestId: [0-9A-F-]{36}, HTTP status: 404$/),
			});
			expect([carol, erin].map((json) => String(json.error).split(':')[0])).toEqual(['InvalidOperation.UserState', 'NoRegisteredDevice']);
			expect(messagesOf(run, 'Describe Failure')).toEqual([
				expect.stringMatching(/^Could not ready carol@ccc-test on ccc-test: InvalidOperation\.UserState: .*\. The agent is on a call: run it again after the call/),
				expect.stringMatching(/^Could not ready erin@ccc-test on ccc-test: NoRegisteredDevice: .*\. ListDevices found no registered device for erin@ccc-test/),
				expect.stringMatching(/^Could not ready nobody@ccc-test on ccc-test: NotExists\.UserId: .*\. Check that the User ID/),
			]);
			expect(messagesOf(run, 'Summarize Ready Agents')).toEqual([expect.stringMatching(/^4 agent\(s\) ready for the shift: alice@ccc-test.*grace@ccc-test \(ext\. 80011007, signed in first\)$/)]);
		});

		it('end of shift: who was idle is signed out, erin (signed out already) says so on the success output, carol (on a call) is on the error output', async () => {
			const run = await executeWorkflow(demo.n8n, demo.endOfShiftWorkflowId);
			expect(agentsOf(run, 'Sign Agent Out')).toEqual({
				success: ['alice@ccc-test', 'bob@ccc-test', 'user-test@ccc-test', 'dave@ccc-test', 'erin@ccc-test'],
				errors: ['carol@ccc-test'],
			});
			expect(outputsOf(run, 'Sign Agent Out').success.at(-1)).toMatchObject({ UserState: 'OFFLINE', AlreadyThere: true });
			expect(messagesOf(run, 'Describe Agent Still Signed In')).toEqual([
				expect.stringMatching(/^Could not sign out carol@ccc-test on ccc-test: InvalidOperation\.UserState: .*\. The agent is on a call/),
			]);
		});
	});

	describe('a server: the agent state trigger polling, and the nodes as AI tools over MCP', () => {
		const userFolder = userFolderFor('ccc-n8n1-server-');
		const simulator = new CccSimulator();
		let collector: Collector;
		let n8n: N8nInstance;
		let server: ChildProcess | undefined;
		let client: Client;
		const polls = () => simulator.requests.filter((entry) => entry.action === 'ListRealtimeAgentStates').length;
		const mcpUrl = `http://127.0.0.1:${SERVER_PORT}/mcp/ccc-agent-tools-n8n1`;

		beforeAll(async () => {
			await simulator.start();
			collector = await startCollector();
			n8n = n8nInstance({ userFolder: userFolder(), port: SERVER_PORT, line });
			installPackage(n8n);
			const credential = { id: 'cccDemoCredential', name: 'CCC simulator' };
			await importJson(n8n, 'credentials', [{ ...credential, type: 'alibabaCloudCccApi', data: credentialsFor(simulator) }]);
			const alerts = alertsHandingOver(collector.url, ['signedOut', 'breakStarted']);
			const tools = {
				id: 'cccN8n1McpTools0',
				name: 'CCC agent tools over MCP (n8n 1.x)',
				active: false,
				nodes: [
					{ id: 'mcp', name: 'CCC Agent Tools', type: '@n8n/n8n-nodes-langchain.mcpTrigger', typeVersion: 2, position: [0, 0], webhookId: '3b0f6f1e-2c1d-4c55-9a43-ccc000000123', parameters: { path: 'ccc-agent-tools-n8n1' } },
					{
						id: 'ready',
						name: 'Ready Agent',
						type: `${CCC_NODE_TYPE}Tool`,
						typeVersion: 1,
						position: [0, 200],
						parameters: { instanceId: 'ccc-test', device: 'registeredDevice', userId: "={{ $fromAI('userId', 'The agent, as name@instance', 'string') }}" },
						credentials: { alibabaCloudCccApi: credential },
					},
				],
				connections: { 'Ready Agent': { ai_tool: [[{ node: 'CCC Agent Tools', type: 'ai_tool', index: 0 }]] } },
				settings: { executionOrder: 'v1' },
			};
			for (const workflow of [alerts, tools]) {
				await importJson(n8n, 'workflow', workflow);
				// n8n 1.x activates with update:workflow (2.x: publish:workflow); a running n8n sees it only after a restart.
				await runN8nOrFail(n8n, ['update:workflow', `--id=${workflow.id}`, '--active=true']);
			}
			server = await startN8nServer(n8n, SERVER_PORT);
			await waitForWebhook(server, mcpUrl);
			client = new Client({ name: 'ccc-e2e-n8n1', version: '1.0.0' });
			await client.connect(new StreamableHTTPClientTransport(new URL(mcpUrl)));
		});

		afterAll(async () => {
			await client?.close();
			server?.kill('SIGTERM');
			if (server && server.exitCode === null) await new Promise((resolve) => server!.once('exit', resolve));
			await simulator.stop();
			await collector?.close();
		});

		it('the trigger records a baseline at activation, then emits the changes of its next poll', async () => {
			await until('the activation poll', () => polls() >= 1);
			expect(collector.events).toEqual([]);
			simulator.setAgentState('ccc-test', 'alice@ccc-test', 'OFFLINE');
			simulator.setAgentState('ccc-test', 'bob@ccc-test', 'BREAK', 'lunch');
			await until('the changes of the next poll', () => collector.events.length >= 2);
			expect(collector.events.map((event) => [event.AgentId, event.Event, event.State])).toEqual(
				expect.arrayContaining([
					['alice@ccc-test', 'signedOut', 'OFFLINE'],
					['bob@ccc-test', 'breakStarted', 'BREAK'],
				]),
			);
			expect(collector.events).toHaveLength(2);
		});

		it('the model readies the agent it names, on the device looked up, and is told the code when CCC refuses', async () => {
			const { tools } = await client.listTools();
			expect(tools.map((tool) => tool.name)).toEqual(['Ready_Agent']);
			expect(tools[0].description).toMatch(/^Puts an Alibaba Cloud Contact Center \(CCC\) agent into the ready state/);
			const ready = (await client.callTool({ name: 'Ready_Agent', arguments: { userId: 'user-test@ccc-test' } })) as { isError?: boolean; content: Array<{ text?: string }> };
			expect(ready.isError).toBeFalsy();
			expect(JSON.parse(ready.content.map((part) => part.text ?? '').join(''))).toMatchObject([{ UserId: 'user-test@ccc-test', UserState: 'READY', DeviceId: DEMO_DEVICES['user-test@ccc-test'] }]);
			const refused = (await client.callTool({ name: 'Ready_Agent', arguments: { userId: 'nobody@ccc-test' } })) as { isError?: boolean; content: Array<{ text?: string }> };
			expect(refused.isError).toBe(true);
			expect(refused.content.map((part) => part.text ?? '').join('')).toContain('NotExists.UserId');
		});
	});
});
