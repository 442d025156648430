import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export interface SimulatorProcess {
	readonly url: string;
	readonly process: ChildProcess;
}

/** Starts simulatorProcess.ts (built beside this file) with `latencyMs` of added latency and `agents` load agents. */
export async function startSimulator(latencyMs: number, agents: number): Promise<SimulatorProcess> {
	const child = spawn(process.execPath, [path.join(__dirname, 'simulatorProcess.js'), String(latencyMs), String(agents)], {
		stdio: ['ignore', 'pipe', 'inherit'],
	});
	const url = await new Promise<string>((resolve, reject) => {
		child.stdout!.once('data', (chunk: Buffer) => resolve(chunk.toString().trim()));
		child.once('exit', (code) => reject(new Error(`simulator exited with ${code}`)));
	});
	return { url, process: child };
}
