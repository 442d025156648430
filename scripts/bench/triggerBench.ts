import { encodeSnapshot, type StoredAgent } from '../../nodes/AlibabaCloudCcc/agent/agentSnapshot';
import { credentialsFor } from '../../simulator/agents';
import { triggerPoller } from '../engine/pollTrigger';
import { startSimulator } from './startSimulator';

/** CCC's ceiling for one listing, and what the trigger is held to watch in one poll. */
const AGENTS = 10_000;

/** IDs as contact centers name agents (`name@instance`, 20–30 characters), in a mix of states, break codes and times. */
function realisticSnapshotBytes(): number {
	const states = ['READY', 'TALKING', 'BREAK', 'WORKING', 'OFFLINE', 'RINGING'];
	const codes = ['Warm-up', 'lunch', 'meeting', 'training'];
	const shiftStart = Date.UTC(2026, 11, 1, 1, 0, 0);
	const agents = new Map<string, StoredAgent>();
	for (let index = 0; index < AGENTS; index++) {
		const state = states[index % states.length];
		agents.set(`agent.${String(index).padStart(5, '0')}.sh@ccc-cn-prod`, {
			state,
			breakCode: state === 'BREAK' ? codes[index % codes.length] : '',
			// Spread over an eight-hour shift, to the millisecond, as CCC reports state times.
			stateTime: shiftStart + ((index * 2_879_993) % (8 * 3_600_000)),
			longBreakFired: state === 'BREAK' && index % 3 === 0,
		});
	}
	return JSON.stringify(encodeSnapshot({ scope: 'x'.repeat(16), agents }, 'ccc-cn-prod')).length;
}

/**
 * One CCC Agent State Trigger poll of 10,000 agents through n8n's PollContext against the simulator (its own process,
 * `latency` ms per answer): the baseline poll, then a poll with nothing new; requests per poll, and the static data.
 */
export async function benchTrigger(latency: number): Promise<void> {
	const simulator = await startSimulator(latency, AGENTS);
	try {
		const trigger = triggerPoller({ parameters: { instanceId: 'ccc-load', agents: 'all', triggerOn: ['stateChanged'] }, credentials: credentialsFor(simulator) });
		await triggerPoller({ parameters: { instanceId: 'ccc-test', agents: 'all', triggerOn: ['stateChanged'] }, credentials: credentialsFor(simulator) }).poll();
		console.log(`\nCCC Agent State Trigger, ${AGENTS} agents, simulator latency ${latency} ms (n8n's PollContext):`);
		console.log('| Poll | Wall time | Requests | Static data |');
		console.log('|---|---|---|---|');
		for (const poll of ['baseline (first production poll)', 'no change since']) {
			const before = trigger.credentialsHelper.authenticated.length;
			const started = performance.now();
			const output = await trigger.poll();
			const wall = performance.now() - started;
			if (output !== null) throw new Error('a poll of agents that did not move emitted events');
			const bytes = JSON.stringify(trigger.staticData()).length;
			console.log(`| ${poll} | ${(wall / 1000).toFixed(2)} s | ${trigger.credentialsHelper.authenticated.length - before} | ${bytes} bytes (${(bytes / AGENTS).toFixed(1)} per agent) |`);
		}
		const realistic = realisticSnapshotBytes();
		console.log(`Static data with IDs of 27 characters in six states, four break codes, state times over a shift: ${realistic} bytes, ${(realistic / AGENTS).toFixed(1)} per agent (target ≤ 48).`);
	} finally {
		simulator.process.kill();
	}
}
