/**
 * CCC Agent State Trigger in a real n8n 2.41.1 server: the shipped alert workflow, published, polling every minute
 * against the simulator, with its Slack step replaced by an HTTP Request node that hands each event to this test.
 * Polls come at n8n's own minute marks, so the test waits for them (about three minutes in all).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ChildProcess } from 'node:child_process';

import { importJson, installPackage, n8nInstance, runN8nOrFail, startN8nServer, type N8nInstance } from '../../scripts/demo/n8nRuntime';
import { alertsHandingOver, startCollector, until, type Collector } from '../../scripts/demo/triggerDemo';
import { CccSimulator } from '../../simulator/cccSimulator';
import { credentialsFor } from '../../simulator/agents';

jest.setTimeout(420_000);

const PORT = 5711;

describe('CCC Agent State Trigger in a real n8n server', () => {
	const simulator = new CccSimulator();
	let collector: Collector;
	let userFolder: string;
	let n8n: N8nInstance;
	let server: ChildProcess | undefined;
	const polls = () => simulator.requests.filter((entry) => entry.action === 'ListRealtimeAgentStates').length;

	beforeAll(async () => {
		await simulator.start();
		collector = await startCollector();
		userFolder = mkdtempSync(path.join(tmpdir(), 'ccc-trigger-'));
		n8n = n8nInstance({ userFolder, port: PORT });
		installPackage(n8n);
		await importJson(n8n, 'credentials', [{ id: 'cccDemoCredential', name: 'CCC simulator', type: 'alibabaCloudCccApi', data: credentialsFor(simulator) }]);
		const workflow = alertsHandingOver(collector.url, ['signedOut', 'breakStarted', 'callEnded', 'becameReady']);
		await importJson(n8n, 'workflow', workflow);
		await runN8nOrFail(n8n, ['publish:workflow', `--id=${workflow.id}`]);
		server = await startN8nServer(n8n, PORT);
	});

	afterAll(async () => {
		server?.kill('SIGTERM');
		if (server && server.exitCode === null) await new Promise((resolve) => server!.once('exit', resolve));
		await simulator.stop();
		await collector.close();
		rmSync(userFolder, { recursive: true, force: true });
	});

	it('records a baseline at activation, emits exactly the changes of the next poll, and nothing twice', async () => {
		const activation = await until('the activation poll', () => polls() >= 1);
		expect(collector.events).toEqual([]);
		simulator.setAgentState('ccc-test', 'alice@ccc-test', 'OFFLINE');
		simulator.setAgentState('ccc-test', 'bob@ccc-test', 'BREAK', 'lunch');
		simulator.setAgentState('ccc-test', 'carol@ccc-test', 'WORKING');
		const firstEvents = await until('the changes of the next poll', () => collector.events.length >= 3);
		expect(collector.events.map((event) => [event.AgentId, event.Event, event.PreviousState, event.State, event.BreakCode])).toEqual(
			expect.arrayContaining([
				['alice@ccc-test', 'signedOut', 'BREAK', 'OFFLINE', ''],
				['bob@ccc-test', 'breakStarted', 'WORKING', 'BREAK', 'lunch'],
				['carol@ccc-test', 'callEnded', 'TALKING', 'WORKING', ''],
			]),
		);
		expect(collector.events).toHaveLength(3);
		// The poll after it sees no change: an event it emitted would reach the collector before the next one's.
		const afterChanges = polls();
		await until('a poll with no change', () => polls() > afterChanges);
		simulator.setAgentState('ccc-test', 'dave@ccc-test', 'READY');
		const lastEvent = await until('the change after a quiet poll', () => collector.events.length >= 4);
		expect(collector.events.slice(3).map((event) => [event.AgentId, event.Event])).toEqual([['dave@ccc-test', 'becameReady']]);
		// The test's timings, for the record: until the activation poll, then until each event arrived.
		console.log(`activation poll after ${activation} ms; changes after ${firstEvents} ms; the quiet poll's next change after ${lastEvent} ms`);
	});
});
