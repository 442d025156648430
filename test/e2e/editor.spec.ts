/**
 * The node and its credential in n8n's editor, in a real browser (Debian's Chromium, driven by playwright-core):
 * the owner is set up, the example workflow opened, the node's panel and the credential form checked and
 * photographed. The pictures go to the ignored .n8n-demo/screenshots/; `npm run screenshots` runs this test with
 * CCC_SCREENSHOTS_DIR=docs/screenshots to refresh the README's.
 */
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

import { setUpDemo, type Demo } from '../../scripts/demo/demoSetup';
import { REPO, startN8nServer } from '../../scripts/demo/n8nRuntime';

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
		demo = await setUpDemo({ simulatorPort: 0, n8nPort: PORT, userFolder });
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

/** Waits for `locator`; when it does not show, keeps a screenshot of the page to look at. */
async function expectVisible(locator: ReturnType<Page['locator']>, what: string): Promise<void> {
	await locator.waitFor({ state: 'visible', timeout: 30_000 }).catch(async () => {
		const shot = path.join(tmpdir(), `ccc-editor-failure-${Date.now()}.png`);
		await locator.page().screenshot({ path: shot });
		throw new Error(`${what} is not visible (screenshot: ${shot})`);
	});
}
