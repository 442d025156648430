/**
 * The node and its credential in n8n's editor, in a real browser (Debian's Chromium, driven by playwright-core):
 * the owner is set up, the example workflow opened and run, the node's panel, its error output and the credential
 * form checked and photographed. The pictures go to the ignored .n8n-demo/screenshots/; `npm run screenshots` runs
 * this test with CCC_SCREENSHOTS_DIR=docs/screenshots to refresh those of the README and docs/.
 */
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

import { setUpDemo, type Demo } from '../../scripts/demo/demoSetup';
import { REPO, startN8nServer } from '../../scripts/demo/n8nRuntime';
import { credentialsFor } from '../../simulator/agents';
import { addLoadInstance, demoDirectory, NO_PERMISSION_KEY } from '../../simulator/directory';

jest.setTimeout(240_000);

const CHROMIUM = '/usr/bin/chromium';
const PORT = 5696;
const BASE = `http://127.0.0.1:${PORT}`;
const SCREENSHOTS = path.resolve(REPO, process.env.CCC_SCREENSHOTS_DIR ?? '.n8n-demo/screenshots');
const OWNER = { email: 'owner@example.com', firstName: 'Shift', lastName: 'Lead', password: 'Demo-password-1' };

describe('the node in n8n\'s editor', () => {
	let demo: Demo;
	let server: ChildProcess;
	let browser: Browser;
	let page: Page;
	let userFolder: string;

	beforeAll(async () => {
		if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install chromium (.ci/run does)`);
		userFolder = mkdtempSync(path.join(tmpdir(), 'ccc-editor-'));
		// Beside the demo's instance, one of 250 agents: its agent list has three pages.
		const directory = demoDirectory();
		addLoadInstance(directory, 250);
		demo = await setUpDemo({ simulatorPort: 0, n8nPort: PORT, userFolder, directory });
		server = await startN8nServer(demo.n8n, PORT);
		browser = await chromium.launch({
			executablePath: CHROMIUM,
			headless: true,
			args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
		});
		page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
		const setup = await page.request.post(`${BASE}/rest/owner/setup`, { data: OWNER });
		expect(setup.status()).toBe(200);
		mkdirSync(SCREENSHOTS, { recursive: true });
	});

	afterAll(async () => {
		await browser?.close();
		server?.kill('SIGTERM');
		await new Promise((resolve) => (server && server.exitCode === null ? server.on('exit', resolve) : resolve(null)));
		await demo?.simulator.stop();
		if (userFolder) rmSync(userFolder, { recursive: true, force: true });
	});

	it('shows the four fields and the credential in the node panel', async () => {
		await page.goto(`${BASE}/workflow/${demo.workflowId}`);
		const node = page.locator('[data-test-id="canvas-node"][data-node-name="Ready Agent"]');
		await node.waitFor({ timeout: 60_000 });
		await node.dblclick();
		const panel = page.locator('[data-test-id="ndv"]');
		await panel.waitFor();
		for (const label of ['Instance ID', 'Device', 'User ID', 'Outbound Scenario']) {
			await expectVisible(panel.getByText(label, { exact: true }).first(), label);
		}
		await expectVisible(panel.getByText('Credential', { exact: true }).first(), 'the credential select');
		// The description for language models belongs to the tool form only.
		await expect(panel.getByText('Tool Description', { exact: true }).count()).resolves.toBe(0);
		const values = await panel.locator('input').evaluateAll((inputs) => inputs.map((input) => (input as unknown as { value: string }).value));
		expect(values).toContain('Alibaba Cloud CCC (demo simulator)');
		await page.screenshot({ path: path.join(SCREENSHOTS, 'node-panel.png') });
	});

	/** Opens `nodeName` of the workflow in the node panel (NDV) and checks that it shows each of `labels`. */
	async function openNode(workflowId: string, nodeName: string, labels: readonly string[]) {
		await page.goto(`${BASE}/workflow/${workflowId}`);
		const node = page.locator(`[data-test-id="canvas-node"][data-node-name="${nodeName}"]`);
		await node.waitFor({ timeout: 60_000 });
		await node.dblclick();
		const panel = page.locator('[data-test-id="ndv"]');
		await panel.waitFor();
		for (const label of labels) await expectVisible(panel.getByText(label, { exact: true }).first(), `${nodeName}: ${label}`);
		await expectVisible(panel.getByText('Credential', { exact: true }).first(), `${nodeName}: the credential select`);
		return panel;
	}

	it('shows CCC SignOutGroup of the end-of-shift example and CCC ListRealtimeAgentStates of the shift-start one', async () => {
		await openNode(demo.endOfShiftWorkflowId, 'Sign Agent Out', ['Instance ID', 'User ID']);
		await page.screenshot({ path: path.join(SCREENSHOTS, 'sign-out-group-panel.png') });
		const panel = await openNode(demo.workflowId, 'Who Is Where', ['Instance ID', 'Agent IDs', 'States', 'Skill Group ID', 'Return All']);
		// Return All is on in the example, so Limit is hidden.
		await expect(panel.getByText('Limit', { exact: true }).count()).resolves.toBe(0);
		await page.screenshot({ path: path.join(SCREENSHOTS, 'list-realtime-agent-states-panel.png') });
	});

	it('shows CCC TakeBreak with its Break Code in a workflow made through the REST API', async () => {
		const created = await page.request.post(`${BASE}/rest/workflows`, {
			data: {
				name: 'Lunch break',
				nodes: [
					{
						id: 'take-break',
						name: 'Lunch Break',
						type: 'n8n-nodes-alibaba-ccc.cccTakeBreak',
						typeVersion: 1,
						position: [0, 0],
						parameters: { instanceId: 'ccc-test', userId: 'alice@ccc-test', breakCode: 'lunch', options: {} },
						credentials: { alibabaCloudCccApi: { id: 'cccDemoCredential', name: 'Alibaba Cloud CCC (demo simulator)' } },
					},
				],
				connections: {},
				settings: { executionOrder: 'v1' },
				active: false,
			},
		});
		expect(created.status()).toBe(200);
		const { data } = (await created.json()) as { data: { id: string } };
		const panel = await openNode(data.id, 'Lunch Break', ['Instance ID', 'User ID', 'Break Code']);
		const values = await panel.locator('input').evaluateAll((inputs) => inputs.map((input) => (input as unknown as { value: string }).value));
		expect(values).toEqual(expect.arrayContaining(['ccc-test', 'alice@ccc-test', 'lunch']));
	});

	/** A workflow with one node of each type at version 2, as a user adds them today, made through the REST API. */
	async function pickerWorkflow(): Promise<string> {
		const node = (name: string, type: string, y: number, parameters: Record<string, unknown> = {}) => ({
			id: name.toLowerCase().replace(/ /g, '-'),
			name,
			type: `n8n-nodes-alibaba-ccc.${type}`,
			typeVersion: 2,
			position: [0, y],
			parameters,
			credentials: { alibabaCloudCccApi: { id: 'cccDemoCredential', name: 'Alibaba Cloud CCC (demo simulator)' } },
		});
		const created = await page.request.post(`${BASE}/rest/workflows`, {
			data: {
				name: 'Pickers',
				nodes: [
					node('Ready Agent', 'cccReadyForService', 0),
					node('List Devices', 'cccListDevices', 200),
					node('Take Break', 'cccTakeBreak', 400),
					node('Sign Out', 'cccSignOutGroup', 600),
					node('Who Is Where', 'cccListRealtimeAgentStates', 800),
					node('Watch Agents', 'cccAgentStateTrigger', 1000, { agents: 'agentIds' }),
				],
				connections: {},
				settings: { executionOrder: 'v1' },
				active: false,
			},
		});
		expect(created.status()).toBe(200);
		return ((await created.json()) as { data: { id: string } }).data.id;
	}

	/** Opens the picker of `field` in the open node panel and searches it for `search`, if given; its items are then the page's visible `rlc-item`s. */
	async function openList(panel: ReturnType<Page['locator']>, field: string, search?: string) {
		await panel.locator(`[data-test-id="resource-locator-${field}"] [data-test-id="rlc-input"]`).click();
		const searchBox = page.locator('[data-test-id="rlc-search"]:visible');
		await searchBox.waitFor();
		if (search !== undefined) {
			const input = (await searchBox.evaluate((element) => element.tagName)) === 'INPUT' ? searchBox : searchBox.locator('input');
			await input.fill(search);
		}
		return page.locator('[data-test-id="rlc-item"]:visible');
	}

	it('picks the instance from a list, then an agent from its searched list past the first page, in every node at version 2', async () => {
		const workflowId = await pickerWorkflow();
		const picks: Array<[string, string, string]> = [
			['Ready Agent', 'userId', 'ready-for-service-picker.png'],
			['List Devices', 'userId', ''],
			['Take Break', 'userId', ''],
			['Sign Out', 'userId', ''],
			['Who Is Where', 'agentIds', ''],
			['Watch Agents', 'agentIds', ''],
		];
		for (const [nodeName, field, screenshot] of picks) {
			const panel = await openNode(workflowId, nodeName, ['Instance ID']);
			const instances = await openList(panel, 'instanceId');
			await instances.filter({ hasText: 'Load test (ccc-load)' }).click();
			const items = await openList(panel, field, 'agent-0');
			await expectVisible(items.filter({ hasText: 'agent-0100@ccc-load' }), `${nodeName}: the first page of agents`);
			await expect(items.count()).resolves.toBe(100);
			// The list loads its next page when scrolled to its end.
			await items.last().scrollIntoViewIfNeeded();
			const onSecondPage = items.filter({ hasText: 'Agent-0150 (agent-0150@ccc-load)' });
			await expectVisible(onSecondPage, `${nodeName}: an agent of the second page`);
			await onSecondPage.scrollIntoViewIfNeeded();
			if (screenshot) await page.screenshot({ path: path.join(SCREENSHOTS, screenshot) });
			await onSecondPage.click();
			await expect(valuesIn(panel.locator(`[data-test-id="resource-locator-${field}"]`))).resolves.toContain('Agent-0150 (agent-0150@ccc-load)');
			if (nodeName === 'Ready Agent') {
				// The device list is the picked agent's registrations.
				const devices = await openList(panel, 'deviceId');
				await expectVisible(devices.filter({ hasText: 'dev-149 (WEBRTC, registered)' }), 'the picked agent\'s device');
				await page.screenshot({ path: path.join(SCREENSHOTS, 'ready-for-service-devices.png') });
				await devices.first().click();
				await expect(valuesIn(panel.locator('[data-test-id="resource-locator-deviceId"]'))).resolves.toContain('dev-149 (WEBRTC, registered)');
			}
		}
		// The editor asked CCC with the search typed, page after page.
		const listed = demo.simulator.requests.filter((entry) => entry.action === 'ListUsers').map((entry) => [entry.params.SearchPattern, entry.params.PageNumber]);
		expect(listed).toEqual(expect.arrayContaining([['agent-0', '1'], ['agent-0', '2']]));
	});

	it("shows CCC's code and the fix in the list when CCC refuses it, and By ID still works", async () => {
		const credential = await page.request.post(`${BASE}/rest/credentials`, {
			data: { name: 'CCC without ListUsers', type: 'alibabaCloudCccApi', data: credentialsFor(demo.simulator, NO_PERMISSION_KEY) },
		});
		expect(credential.status()).toBe(200);
		const { data: saved } = (await credential.json()) as { data: { id: string; name: string } };
		const created = await page.request.post(`${BASE}/rest/workflows`, {
			data: {
				name: 'Refused list',
				nodes: [
					{
						id: 'take-break',
						name: 'Take Break',
						type: 'n8n-nodes-alibaba-ccc.cccTakeBreak',
						typeVersion: 2,
						position: [0, 0],
						parameters: { instanceId: { __rl: true, mode: 'id', value: 'ccc-test' }, breakCode: 'lunch' },
						credentials: { alibabaCloudCccApi: { id: saved.id, name: saved.name } },
					},
				],
				connections: {},
				settings: { executionOrder: 'v1' },
				active: false,
			},
		});
		expect(created.status()).toBe(200);
		const { data } = (await created.json()) as { data: { id: string } };
		const panel = await openNode(data.id, 'Take Break', ['Instance ID', 'User ID']);
		await panel.locator('[data-test-id="resource-locator-userId"] [data-test-id="rlc-input"]').click();
		const error = page.locator('[data-test-id="rlc-error-container"]:visible');
		await expectVisible(error, 'the list\'s error');
		await expectVisible(error.getByText(/Forbidden\.RAM/), "CCC's code in the list");
		await expectVisible(error.getByText(/grant it ccc:ListUsers.*Meanwhile, choose By ID/), 'the fix and By ID');
		await expect(error.innerText()).resolves.not.toContain(NO_PERMISSION_KEY.accessKeySecret);
		await page.screenshot({ path: path.join(SCREENSHOTS, 'picker-error.png') });
	});

	it("runs the shift-start example in the editor: the canvas shows each branch's item count, Ready Agent's error output the failed agents", async () => {
		await page.goto(`${BASE}/workflow/${demo.workflowId}`);
		const canvasNode = (name: string) => page.locator(`[data-test-id="canvas-node"][data-node-name="${name}"]`);
		await canvasNode('Ready Agent').waitFor({ timeout: 60_000 });
		await page.locator('[data-test-id="execute-workflow-button"]').first().click();
		for (const name of ['Describe Failure', 'Summarize Who Is Where']) {
			await expectVisible(canvasNode(name).locator('[data-test-id="canvas-node-status-success"]'), `${name} ran`);
		}
		// The demo's roster: 4 agents readied (grace signed in first), 3 on the error output.
		// The canvas draws the counts after the nodes' status, so each is awaited rather than read at once.
		for (const count of ['3 items', '4 items', '7 items']) {
			await page.locator('[data-test-id="edge-label"]').filter({ hasText: new RegExp(`^\\s*${count}\\s*$`) }).first().waitFor({ state: 'attached', timeout: 30_000 });
		}
		// n8n's own verdict on the run, then out of the picture.
		const toast = page.locator('.el-notification').filter({ hasText: 'Workflow executed successfully' });
		await expectVisible(toast, "n8n's success message");
		await toast.locator('.el-notification__closeBtn').click();
		await toast.waitFor({ state: 'hidden' });
		await page.locator('[data-test-id="zoom-to-fit"]').click();
		await page.screenshot({ path: path.join(SCREENSHOTS, 'shift-start-run.png') });
		// Wide enough for the error items' table to show what failed and why.
		await page.setViewportSize({ width: 1920, height: 1080 });
		await canvasNode('Ready Agent').dblclick();
		const output = page.locator('[data-test-id="output-panel"]');
		await output.waitFor();
		await output.locator('[data-test-id="branches"]').getByText(/Error/).first().click();
		for (const shown of ['nobody@ccc-test', 'NotExists.UserId', 'NoRegisteredDevice', 'InvalidOperation.UserState']) {
			await expectVisible(output.getByText(shown).first(), `the error output: ${shown}`);
		}
		await page.screenshot({ path: path.join(SCREENSHOTS, 'shift-start-errors.png') });
		await page.setViewportSize({ width: 1440, height: 900 });
	});

	it('masks the AccessKey Secret in the credential form', async () => {
		await page.goto(`${BASE}/home/credentials/cccDemoCredential`);
		const modal = page.locator('[data-test-id="credential-edit-dialog"]');
		await modal.waitFor({ timeout: 60_000 });
		for (const label of ['AccessKey ID', 'AccessKey Secret', 'Security Token', 'Region', 'Custom Endpoint']) {
			await expectVisible(modal.getByText(label).first(), label);
		}
		// The form holds the secret, but only in the two password fields (AccessKey Secret, Security Token).
		await expect(modal.locator('input[type="password"]').count()).resolves.toBe(2);
		const shown = await modal.locator('input:not([type="password"])').evaluateAll((inputs) => inputs.map((input) => (input as unknown as { value: string }).value));
		expect(shown).toContain('demo-access-key-id');
		expect(shown.join(' ')).not.toContain('demo-access-key-secret');
		await expectVisible(modal.getByText('Connection tested successfully'), 'the credential test result');
		await page.screenshot({ path: path.join(SCREENSHOTS, 'credential-form.png') });
	});
});

/** The values of the inputs inside `locator` (what a picker shows of its choice). */
async function valuesIn(locator: ReturnType<Page['locator']>): Promise<string[]> {
	return await locator.locator('input').evaluateAll((inputs) => inputs.map((input) => (input as unknown as { value: string }).value));
}

/** Waits for `locator`; when it does not show, keeps a screenshot of the page to look at. */
async function expectVisible(locator: ReturnType<Page['locator']>, what: string): Promise<void> {
	await locator.waitFor({ state: 'visible', timeout: 30_000 }).catch(async () => {
		const shot = path.join(tmpdir(), `ccc-editor-failure-${Date.now()}.png`);
		await locator.page().screenshot({ path: shot });
		throw new Error(`${what} is not visible (screenshot: ${shot})`);
	});
}
