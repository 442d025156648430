import { CccSimulator, type Fault, type SimulatorOptions } from '../../simulator/cccSimulator';

/** Starts a fresh simulator on loopback before each test of the calling file, and stops it after. */
export function useSimulator(options: SimulatorOptions = {}): () => CccSimulator {
	let simulator: CccSimulator | undefined;
	beforeEach(async () => {
		simulator = new CccSimulator(options);
		await simulator.start();
	});
	afterEach(async () => {
		await simulator?.stop();
		simulator = undefined;
	});
	return () => simulator!;
}

export { agent, agentParameters, credentialsFor, type SignatureVersion } from '../../simulator/agents';

/** Makes the simulator answer `fault` to the first `times` calls for each listed agent, then behave. */
export function faultFirstCalls(simulator: CccSimulator, plan: ReadonlyMap<string, { fault: Fault; times: number }>): void {
	const calls = new Map<string, number>();
	simulator.faults = ({ params }) => {
		const userId = params.UserId ?? '';
		const step = plan.get(userId);
		const seen = calls.get(userId) ?? 0;
		calls.set(userId, seen + 1);
		return step && seen < step.times ? step.fault : undefined;
	};
}
