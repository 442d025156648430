/**
 * The nodes as AI-agent tools in a real n8n 2.41.1: an MCP Server Trigger workflow serves the generated tool node types
 * (`…Tool`), with `$fromAI()` parameters, and the official MCP TypeScript SDK client lists and calls them the way a
 * language model's client would. No model in the loop: the test is the model.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';

import {
	importJson,
	installPackage,
	n8nInstance,
	runN8nOrFail,
	startN8nServer,
	waitForWebhook,
	type N8nInstance,
} from '../../scripts/demo/n8nRuntime';
import { AGENT_STATE_TRIGGER_NODE_TYPE } from '../../scripts/engine/pollTrigger';
import { CCC_NODE_TYPE, LIST_DEVICES_NODE_TYPE } from '../../scripts/engine/runWorkflow';
import { CccSimulator } from '../../simulator/cccSimulator';
import { DEMO_ACCESS_KEY, DEMO_DEVICES } from '../../simulator/directory';
import { credentialsFor } from '../../simulator/agents';

jest.setTimeout(240_000);

// Below 32768, apart from the other end-to-end tests' ports (5678–5679, 5696–5700, 5710–5716); the task runner
// broker takes the next one.
const PORT = 5730;
const MCP_PATH = 'ccc-agent-tools';
const CREDENTIAL = { id: 'cccToolCredential', name: 'Alibaba Cloud CCC (tool test)' };
const WORKFLOW_ID = 'cccE2eMcpTools00';
const BASE = `http://127.0.0.1:${PORT}`;
const OWNER = { email: 'owner@example.com', firstName: 'Shift', lastName: 'Lead', password: 'Demo-password-1' };

/** `$fromAI()` as a user writes it in a tool node's field: the key, what the model should put there, the type. */
const fromAi = (key: string, description: string) => `={{ $fromAI('${key}', '${description}', 'string') }}`;
const USER_ID_FOR_MODEL = 'The agent, as name@instance, e.g. user-test@ccc-test';

/** The MCP server (trigger) with two generated tool node types, one at each version; the instance and the device mode are the workflow's. */
function mcpWorkflow() {
	const credentials = { alibabaCloudCccApi: CREDENTIAL };
	return {
		id: WORKFLOW_ID,
		name: 'CCC agent tools over MCP',
		active: false,
		nodes: [
			{
				id: 'mcp-trigger',
				name: 'CCC Agent Tools',
				type: '@n8n/n8n-nodes-langchain.mcpTrigger',
				typeVersion: 2,
				position: [0, 0],
				webhookId: '3b0f6f1e-2c1d-4c55-9a43-ccc000000016',
				parameters: { path: MCP_PATH },
			},
			{
				id: 'ready-agent',
				name: 'Ready Agent',
				type: `${CCC_NODE_TYPE}Tool`,
				// Version 2: the instance picked from the list, the agent left to the model in By ID mode.
				typeVersion: 2,
				position: [-200, 200],
				parameters: {
					instanceId: { __rl: true, mode: 'list', value: 'ccc-test', cachedResultName: 'Test contact center (ccc-test)' },
					device: 'registeredDevice',
					userId: { __rl: true, mode: 'id', value: fromAi('userId', USER_ID_FOR_MODEL) },
				},
				credentials,
			},
			{
				id: 'list-devices',
				name: 'List Devices',
				type: `${LIST_DEVICES_NODE_TYPE}Tool`,
				// Version 1, as saved before the pickers: text fields.
				typeVersion: 1,
				position: [200, 200],
				parameters: { instanceId: 'ccc-test', userId: fromAi('userId', USER_ID_FOR_MODEL) },
				credentials,
			},
		],
		connections: {
			'Ready Agent': { ai_tool: [[{ node: 'CCC Agent Tools', type: 'ai_tool', index: 0 }]] },
			'List Devices': { ai_tool: [[{ node: 'CCC Agent Tools', type: 'ai_tool', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
	};
}

type ToolResult = { isError?: boolean; content: Array<{ type: string; text?: string }> };
const textOf = (result: unknown) => (result as ToolResult).content.map((part) => part.text ?? '').join('\n');

describe('the nodes as AI-agent tools in a real n8n, called over MCP', () => {
	const simulator = new CccSimulator();
	let userFolder: string;
	let n8n: N8nInstance;
	let server: ChildProcess | undefined;
	let client: Client;

	beforeAll(async () => {
		await simulator.start();
		userFolder = mkdtempSync(path.join(tmpdir(), 'ccc-mcp-'));
		n8n = n8nInstance({ userFolder, port: PORT });
		installPackage(n8n);
		await importJson(n8n, 'credentials', [{ ...CREDENTIAL, type: 'alibabaCloudCccApi', data: credentialsFor(simulator, DEMO_ACCESS_KEY) }]);
		await importJson(n8n, 'workflow', mcpWorkflow());
		// A running n8n only serves a workflow published before it started.
		await runN8nOrFail(n8n, ['publish:workflow', `--id=${WORKFLOW_ID}`]);
		server = await startN8nServer(n8n, PORT);
		const url = `${BASE}/mcp/${MCP_PATH}`;
		await waitForWebhook(server, url);
		client = new Client({ name: 'ccc-e2e', version: '1.0.0' });
		await client.connect(new StreamableHTTPClientTransport(new URL(url)));
	});

	afterAll(async () => {
		await client?.close();
		server?.kill('SIGTERM');
		await new Promise((resolve) => (server && server.exitCode === null ? server.on('exit', resolve) : resolve(null)));
		await simulator.stop();
		if (userFolder) rmSync(userFolder, { recursive: true, force: true });
	});

	it('serves both generated tool node types, described for models, with the $fromAI inputs as their schema', async () => {
		const { tools } = await client.listTools();
		expect(tools.map((tool) => tool.name).sort()).toEqual(['List_Devices', 'Ready_Agent']);
		const ready = tools.find((tool) => tool.name === 'Ready_Agent')!;
		const list = tools.find((tool) => tool.name === 'List_Devices')!;
		expect(ready.description).toMatch(/^Puts an Alibaba Cloud Contact Center \(CCC\) agent into the ready state \(READY\)/);
		expect(ready.description).toContain('- userId (User ID): the agent, of the form name@instance, e.g. user-test@ccc-test.');
		expect(ready.description).toContain('"NoRegisteredDevice": the agent is not signed in to a workstation');
		expect(ready.description).toContain('"NotExists.UserId": there is no such agent in this instance.');
		expect(list.description).toMatch(/^Lists the workstations/);
		for (const tool of [ready, list]) {
			expect(tool.inputSchema).toMatchObject({
				type: 'object',
				properties: { userId: { type: 'string', description: USER_ID_FOR_MODEL } },
				required: ['userId'],
			});
		}
	});

	it('gives the editor both tool node types, whose one Tool Description defaults to what the model is served', async () => {
		const served = new Map((await client.listTools()).tools.map((tool) => [tool.name, tool.description]));
		const setup = await fetch(`${BASE}/rest/owner/setup`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(OWNER) });
		expect(setup.status).toBe(200);
		const cookie = setup.headers.getSetCookie().map((entry) => entry.split(';')[0]).join('; ');
		type NodeType = { name: string; properties: Array<{ name: string; default: unknown }> };
		const types = (await (await fetch(`${BASE}/types/nodes.json`, { headers: { cookie } })).json()) as NodeType[];
		const toolDescriptions = (name: string) =>
			types.find((type) => type.name === name)?.properties.filter((property) => property.name === 'toolDescription').map((field) => field.default);
		// Every action node of the package has its tool type, with the one Tool Description of its own (none of n8n's
		// added); the trigger has none, as n8n's lint wants.
		const ours = types.filter((type) => type.name.startsWith('n8n-nodes-alibaba-ccc.') && !type.name.endsWith('Tool') && !type.name.endsWith('Trigger'));
		expect(ours.map((type) => type.name)).toEqual(expect.arrayContaining([CCC_NODE_TYPE, LIST_DEVICES_NODE_TYPE]));
		expect(types.map((type) => type.name)).toContain(AGENT_STATE_TRIGGER_NODE_TYPE);
		expect(types.map((type) => type.name)).not.toContain(`${AGENT_STATE_TRIGGER_NODE_TYPE}Tool`);
		for (const type of ours) expect(toolDescriptions(`${type.name}Tool`)).toEqual([expect.stringContaining('\nErrors to react to ')]);
		expect(toolDescriptions(`${CCC_NODE_TYPE}Tool`)).toEqual([served.get('Ready_Agent')]);
		expect(toolDescriptions(`${LIST_DEVICES_NODE_TYPE}Tool`)).toEqual([served.get('List_Devices')]);
	});

	it('readies the agent the model names, on the workstation looked up for it', async () => {
		const before = simulator.requests.length;
		const result = await client.callTool({ name: 'Ready_Agent', arguments: { userId: 'alice@ccc-test' } });
		expect((result as ToolResult).isError).toBeFalsy();
		expect(JSON.parse(textOf(result))).toMatchObject([{ UserId: 'alice@ccc-test', UserState: 'READY', DeviceId: DEMO_DEVICES['alice@ccc-test'] }]);
		expect(simulator.requests.slice(before).map((entry) => [entry.action, entry.params.UserId])).toEqual([
			['ListDevices', 'alice@ccc-test'],
			['ReadyForService', 'alice@ccc-test'],
		]);
	});

	it.each([
		['carol@ccc-test', 'on a call', /^NodeOperationError: InvalidOperation\.UserState: .*User state \(TALKING\)/],
		['erin@ccc-test', 'not signed in', /^NodeOperationError: NoRegisteredDevice: erin@ccc-test is not signed in to a workstation/],
		['nobody@ccc-test', 'unknown', /^NodeOperationError: NotExists\.UserId: The user nobody@ccc-test does not exist/],
	])('tells the model, as an error result naming the code, that %s is %s', async (userId, _what, message) => {
		const result = await client.callTool({ name: 'Ready_Agent', arguments: { userId } });
		expect((result as ToolResult).isError).toBe(true);
		expect(textOf(result)).toMatch(message);
		expect(textOf(result)).not.toContain(DEMO_ACCESS_KEY.accessKeySecret);
	});

	it('lists the devices of the agent the model names', async () => {
		const result = await client.callTool({ name: 'List_Devices', arguments: { userId: 'bob@ccc-test' } });
		expect((result as ToolResult).isError).toBeFalsy();
		const devices = JSON.parse(textOf(result)) as Array<{ UserId: string; DeviceId: string; Expires: number }>;
		expect(devices.map((device) => [device.UserId, device.DeviceId])).toContainEqual(['bob@ccc-test', DEMO_DEVICES['bob@ccc-test']]);
		expect(devices.every((device) => device.UserId === 'bob@ccc-test' && typeof device.Expires === 'number')).toBe(true);
	});
});
