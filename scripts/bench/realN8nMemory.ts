import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

import { CCC_CREDENTIAL_TYPE } from '../../nodes/AlibabaCloudCcc/auth/cccCredentials';
import { credentialsFor, loadItems } from '../../simulator/agents';
import { importJson, installPackage, N8N_BIN, n8nInstance, type N8nInstance } from '../demo/n8nRuntime';

/**
 * `node realN8nMemory.js --n 10000 --concurrency 20` (after `npm run build`; it uses n8n's fixed ports: run it under
 * the real-n8n lock): the peak RSS of `n8n execute` (a fresh n8n process) for N items through CCC ReadyForService,
 * beside the same N items through the same workflow without the CCC node, which is n8n's own cost of N items.
 * Each `--heap-mb M` runs both again with V8's old space capped at M MB: a run that still succeeds there needs no
 * more than that alive, whatever its RSS grows to uncapped (garbage that V8 collects lazily).
 */
const { values } = parseArgs({
	options: { n: { type: 'string', default: '10000' }, concurrency: { type: 'string', default: '20' }, 'heap-mb': { type: 'string', multiple: true, default: [] } },
});
const N = Number(values.n);
const CONCURRENCY = Number(values.concurrency);
const CREDENTIAL_ID = 'cccMemoryCredent';

function workflow(id: string, withCcc: boolean) {
	const node = (name: string, type: string, typeVersion: number, parameters: object, x: number) => ({ id: name, name, type, typeVersion, position: [x, 0], parameters });
	const nodes = [
		node('Run Now', 'n8n-nodes-base.manualTrigger', 1, {}, 0),
		node('Agents', 'n8n-nodes-base.set', 3.4, { mode: 'raw', jsonOutput: JSON.stringify({ agents: loadItems(N) }) }, 200),
		node('One Item per Agent', 'n8n-nodes-base.splitOut', 1, { fieldToSplitOut: 'agents', options: {} }, 400),
	];
	const connections: Record<string, object> = {
		'Run Now': { main: [[{ node: 'Agents', type: 'main', index: 0 }]] },
		Agents: { main: [[{ node: 'One Item per Agent', type: 'main', index: 0 }]] },
	};
	if (withCcc) {
		nodes.push({
			...node('Ready Agent', 'n8n-nodes-alibaba-ccc.cccReadyForService', 1, {
				instanceId: '={{ $json.instanceId }}',
				deviceId: '={{ $json.deviceId }}',
				userId: '={{ $json.userId }}',
				outboundScenario: false,
				options: { concurrency: CONCURRENCY },
			}, 600),
			credentials: { alibabaCloudCccApi: { id: CREDENTIAL_ID, name: CREDENTIAL_ID } },
		} as (typeof nodes)[number]);
		connections['One Item per Agent'] = { main: [[{ node: 'Ready Agent', type: 'main', index: 0 }]] };
	}
	return { id, name: id, nodes, connections, settings: { executionOrder: 'v1' }, active: false };
}

/** Peak RSS (KiB, from /usr/bin/time) of one `n8n execute`, and whether it succeeded. */
function peakRssOfExecute(instance: N8nInstance, workflowId: string): Promise<{ kib: number; ok: boolean; output: string }> {
	return new Promise((resolve, reject) => {
		const child = spawn('/usr/bin/time', ['-f', 'peak-rss-kib=%M', process.execPath, N8N_BIN, 'execute', `--id=${workflowId}`], {
			env: instance.env,
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		// At log level warn, `n8n execute` prints nothing but warnings; it exits non-zero when the execution failed
		// (the CCC node stops the workflow at any failed item).
		let tail = '';
		const read = (chunk: Buffer) => (tail = (tail + chunk.toString()).slice(-2000));
		child.stdout.on('data', read);
		child.stderr.on('data', read);
		child.on('error', reject);
		child.on('close', (code) => {
			const kib = Number(/peak-rss-kib=(\d+)/.exec(tail)?.[1] ?? NaN);
			resolve({ kib, ok: code === 0, output: `exit ${code}:\n${tail}` });
		});
	});
}

async function main(): Promise<void> {
	const simulator = spawn(process.execPath, [path.join(__dirname, 'simulatorProcess.js'), '0', String(N)], { stdio: ['ignore', 'pipe', 'inherit'] });
	const url = await new Promise<string>((resolve) => simulator.stdout.once('data', (chunk: Buffer) => resolve(chunk.toString().trim())));
	const userFolder = mkdtempSync(path.join(tmpdir(), 'ccc-memory-'));
	try {
		const instance = n8nInstance({ userFolder, port: 5699 });
		installPackage(instance);
		await importJson(instance, 'credentials', [{ id: CREDENTIAL_ID, name: CREDENTIAL_ID, type: CCC_CREDENTIAL_TYPE, data: credentialsFor({ url }) }]);
		await importJson(instance, 'workflow', [workflow('cccMemoryWithCcc', true), workflow('cccMemoryNoCcc0', false)]);
		console.log(`N = ${N}, Concurrency ${CONCURRENCY}: peak RSS of a fresh \`n8n execute\` (n8n 2.41.1, Node ${process.version})`);
		console.log('| Workflow | Peak RSS (or why it failed) |');
		console.log('|---|---|');
		for (const heapMb of [undefined, ...values['heap-mb']]) {
			const capped = heapMb ? { ...instance, env: { ...instance.env, NODE_OPTIONS: `--max-old-space-size=${heapMb}` } } : instance;
			for (const [label, id] of [
				['Manual Trigger → Set (N agents) → Split Out', 'cccMemoryNoCcc0'],
				['the same → CCC ReadyForService', 'cccMemoryWithCcc'],
			] as const) {
				const { kib, ok, output } = await peakRssOfExecute(capped, id);
				const cap = heapMb ? `, old space capped at ${heapMb} MB` : '';
				console.log(`| ${label}${cap} | ${ok ? `${(kib / 1024).toFixed(0)} MB` : `failed (${output.split('\n')[0]})`} |`);
			}
		}
	} finally {
		simulator.kill();
		rmSync(userFolder, { recursive: true, force: true });
	}
}

main().catch((error: Error) => {
	console.error(error);
	process.exit(1);
});
